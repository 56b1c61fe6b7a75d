package io.amcp.datasource.alphavantage.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the Alpha Vantage source (PID {@code io.amcp.datasource.alphavantage}). The API
 * key is not configured here: it comes from the credential store ({@code alphavantage.api-key}) or
 * the environment variable {@code ALPHAVANTAGE_API_KEY}.
 */
@ObjectClassDefinition(name = "AMCP Alpha Vantage source",
        description = "Bars, fundamentals and technical indicators from Alpha Vantage, within its rate limits")
public @interface AlphaVantageConfig {

    @AttributeDefinition(description = "Base URL of the API (scheme, host, port)")
    String baseUrl() default "https://www.alphavantage.co";

    @AttributeDefinition(description = "Requests per minute allowed by the key's plan; requests are spaced evenly")
    int requestsPerMinute() default 5;

    @AttributeDefinition(description = "Longest wait for a rate-limiter slot, in seconds, before a request fails as throttled")
    int maxQueueWaitSeconds() default 30;

    @AttributeDefinition(description = "Longest wait for one HTTP answer, in seconds")
    int requestTimeoutSeconds() default 15;

    @AttributeDefinition(description = "Attempts per request (throttling, network errors, time-outs, 429 and 5xx are retried)")
    int maxAttempts() default 4;

    @AttributeDefinition(description = "Wait before the first retry in milliseconds; doubles on every further retry")
    long initialBackoffMillis() default 2000;

    @AttributeDefinition(description = "Longest wait between attempts in milliseconds; a longer Retry-After fails the request")
    long maxBackoffMillis() default 20000;

    @AttributeDefinition(description = "Symbols of the configured dataset alphavantage-daily")
    String[] symbols() default {"AAPL", "MSFT", "SPY"};

    @AttributeDefinition(description = "History of time-series calls: compact (latest 100 bars) or full")
    String outputSize() default "compact";
}
