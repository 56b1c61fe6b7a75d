package io.amcp.datasource.yahoo.internal;

import io.amcp.datasource.yahoo.RetryPolicy;
import io.amcp.datasource.yahoo.SourceHealth;
import io.amcp.datasource.yahoo.YahooFinanceException;
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
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET with a per-request time-out, retries with exponential backoff on network errors, time-outs,
 * 429 and 5xx (honouring {@code Retry-After}), and the source's health bookkeeping. Thread-safe;
 * holds no lock while waiting, so one slow symbol never stalls other threads.
 */
public final class ResilientHttp {

    /** Waits between attempts; replaced in tests so that they never sleep. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = d -> Thread.sleep(d.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    /** Turns a non-throttled answer into a value, or throws naming the symbol. */
    @FunctionalInterface
    public interface Interpreter<T> {
        T interpret(int status, String body);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ResilientHttp.class);
    private static final String USER_AGENT = "Mozilla/5.0 (compatible; AMCP data source)";

    private final HttpClient http;
    private final Duration requestTimeout;
    private final RetryPolicy retry;
    private final Clock clock;
    private final Sleeper sleeper;
    private final AtomicReference<SourceHealth> health;

    public ResilientHttp(String source, Duration requestTimeout, RetryPolicy retry, Clock clock, Sleeper sleeper) {
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout: must be positive, was " + requestTimeout);
        }
        this.retry = Objects.requireNonNull(retry, "retry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.health = new AtomicReference<>(SourceHealth.of(source));
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public SourceHealth health() {
        return health.get();
    }

    /**
     * Fetches {@code uri} for {@code symbol}. {@code what} describes the request in errors and logs
     * (never the URI, which may carry a credential).
     */
    public <T> T get(String symbol, String what, URI uri, Interpreter<T> interpreter) {
        try {
            T value = attempt(symbol, what, uri, interpreter);
            health.updateAndGet(h -> h.succeeded(clock.instant()));
            return value;
        } catch (YahooFinanceException e) {
            health.updateAndGet(h -> h.failed(clock.instant(), e.getMessage()));
            LOG.warn("{}", e.getMessage());
            throw e;
        }
    }

    private <T> T attempt(String symbol, String what, URI uri, Interpreter<T> interpreter) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout).header("User-Agent", USER_AGENT)
                .header("Accept", "application/json").GET().build();
        YahooFinanceException failure = null;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            Duration retryAfter = null;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 429 || status >= 500) {
                    retryAfter = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
                    failure = new YahooFinanceException(symbol, what + ": HTTP " + status
                            + (status == 429 ? " (throttled)" : "") + " " + snippet(response.body()), true);
                } else {
                    return interpreter.interpret(status, response.body());
                }
            } catch (HttpTimeoutException e) {
                failure = new YahooFinanceException(symbol, what + ": no answer within " + requestTimeout, true, e);
            } catch (IOException e) {
                failure = new YahooFinanceException(symbol, what + ": " + e, true, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new YahooFinanceException(symbol, what + ": interrupted", true, e);
            } catch (YahooFinanceException e) {
                if (!e.isTransient()) {
                    throw e;
                }
                failure = e;
            }
            if (attempt == retry.maxAttempts()) {
                break;
            }
            Duration wait = retryAfter != null ? retryAfter : retry.backoffBefore(attempt + 1);
            if (wait.compareTo(retry.maxBackoff()) > 0) {
                throw new YahooFinanceException(symbol, failure.reason() + "; server asked to retry after " + wait
                        + ", longer than the configured maximum backoff " + retry.maxBackoff(), true, failure);
            }
            LOG.debug("{} {}: attempt {} failed ({}), retrying in {}", symbol, what, attempt, failure.getMessage(), wait);
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new YahooFinanceException(symbol, what + ": interrupted while backing off", true, e);
            }
        }
        throw new YahooFinanceException(symbol, "gave up after " + retry.maxAttempts() + " attempt(s); last: "
                + failure.reason(), true, failure);
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date; null when absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
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

    private static String snippet(String body) {
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
