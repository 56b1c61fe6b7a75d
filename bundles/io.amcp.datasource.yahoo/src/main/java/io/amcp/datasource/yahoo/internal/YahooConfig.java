package io.amcp.datasource.yahoo.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the Yahoo Finance source (PID {@code io.amcp.datasource.yahoo}). */
@ObjectClassDefinition(name = "AMCP Yahoo Finance source",
        description = "Daily and intraday bars, splits and dividends from the Yahoo Finance chart API")
public @interface YahooConfig {

    @AttributeDefinition(description = "Base URL of the chart API (scheme, host, port)")
    String baseUrl() default "https://query1.finance.yahoo.com";

    @AttributeDefinition(description = "Symbols of the configured dataset yahoo-<interval>")
    String[] symbols() default {"AAPL", "MSFT", "SPY"};

    @AttributeDefinition(description = "Bar size of the configured dataset: 1d, 1h, 5m or 1m")
    String interval() default "1d";

    @AttributeDefinition(description = "Days of history in the configured dataset, ending now")
    int lookbackDays() default 365;

    @AttributeDefinition(description = "Serve prices split-adjusted as Yahoo sends them (true) or as traded (false)")
    boolean splitAdjusted() default true;

    @AttributeDefinition(description = "Longest wait for one HTTP answer, in seconds")
    int requestTimeoutSeconds() default 10;

    @AttributeDefinition(description = "Attempts per request (network errors, time-outs, 429 and 5xx are retried)")
    int maxAttempts() default 4;

    @AttributeDefinition(description = "Wait before the first retry in milliseconds; doubles on every further retry")
    long initialBackoffMillis() default 500;

    @AttributeDefinition(description = "Longest wait between attempts in milliseconds; a longer Retry-After fails the request")
    long maxBackoffMillis() default 8000;
}
