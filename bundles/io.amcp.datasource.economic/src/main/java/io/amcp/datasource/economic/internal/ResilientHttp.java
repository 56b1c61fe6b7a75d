package io.amcp.datasource.economic.internal;

import io.amcp.datasource.economic.EconomicDataException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET with a per-request time-out and retries with exponential backoff on network errors,
 * time-outs, 429 and 5xx (honouring {@code Retry-After}). Other answers go to the caller's
 * interpreter, which throws a non-transient {@link EconomicDataException} for provider errors.
 * Messages never contain the URI, which may carry an API key.
 */
final class ResilientHttp {

    /** Waits between attempts; replaced in tests so that they never sleep. */
    @FunctionalInterface
    interface Sleeper {
        Sleeper REAL = d -> Thread.sleep(d.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    /** Turns a non-throttled answer into a value, or throws naming the series. */
    @FunctionalInterface
    interface Interpreter<T> {
        T interpret(int status, String body);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ResilientHttp.class);

    private final HttpClient http;
    private final Duration requestTimeout;
    private final RetryPolicy retry;
    private final Clock clock;
    private final Sleeper sleeper;

    ResilientHttp(Duration requestTimeout, RetryPolicy retry, Clock clock, Sleeper sleeper) {
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Fetches {@code uri} for series {@code seriesId}; {@code accept} is the media type asked for. */
    <T> T get(String seriesId, URI uri, String accept, Interpreter<T> interpreter) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("User-Agent", "AMCP economic data source").header("Accept", accept).GET().build();
        EconomicDataException failure = null;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            Duration retryAfter = null;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 429 || status >= 500) {
                    retryAfter = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
                    failure = new EconomicDataException(seriesId, "HTTP " + status
                            + (status == 429 ? " (throttled)" : "") + " " + snippet(response.body()), true);
                } else {
                    return interpreter.interpret(status, response.body());
                }
            } catch (HttpTimeoutException e) {
                failure = new EconomicDataException(seriesId, "no answer within " + requestTimeout, true, e);
            } catch (IOException e) {
                failure = new EconomicDataException(seriesId, "I/O error: " + e, true, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EconomicDataException(seriesId, "interrupted", true, e);
            }
            if (attempt == retry.maxAttempts()) {
                break;
            }
            Duration wait = retryAfter != null ? retryAfter : retry.backoffBefore(attempt + 1);
            if (wait.compareTo(retry.maxBackoff()) > 0) {
                throw new EconomicDataException(seriesId, failure.reason() + "; server asked to retry after " + wait
                        + ", longer than the maximum backoff " + retry.maxBackoff(), true, failure);
            }
            LOG.debug("{}: attempt {} failed ({}), retrying in {}", seriesId, attempt, failure.reason(), wait);
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EconomicDataException(seriesId, "interrupted while backing off", true, e);
            }
        }
        throw new EconomicDataException(seriesId, "gave up after " + retry.maxAttempts() + " attempt(s); last: "
                + failure.reason(), true, failure);
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date; null when absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    static String snippet(String body) {
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
