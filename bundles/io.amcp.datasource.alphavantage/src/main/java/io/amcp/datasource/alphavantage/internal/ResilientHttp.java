package io.amcp.datasource.alphavantage.internal;

import io.amcp.datasource.alphavantage.AlphaVantageException;
import io.amcp.datasource.alphavantage.AlphaVantageException.Kind;
import io.amcp.datasource.alphavantage.RetryPolicy;
import io.amcp.datasource.alphavantage.SourceHealth;
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
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET with a rate-limiter slot per attempt, a per-request time-out, retries with exponential
 * backoff on network errors, time-outs, 429, 5xx and answers the interpreter calls throttled
 * (honouring {@code Retry-After}), and the source's health bookkeeping. Thread-safe; holds no lock
 * while waiting, so one slow symbol never stalls other threads. The URI (which carries the API key)
 * never appears in messages or logs.
 */
public final class ResilientHttp {

    /** Waits between attempts; replaced in tests so that they never sleep. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = d -> Thread.sleep(d.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    /** Turns an answer that is neither 429 nor 5xx into a value, or throws naming the symbol. */
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
    private final RateLimiter limiter;

    public ResilientHttp(String source, Duration requestTimeout, RetryPolicy retry, RateLimiter limiter, Clock clock,
            Sleeper sleeper) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
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
     * Fetches the URI {@code uri} supplies (asked once, it may throw for a missing credential) for
     * {@code symbol}; {@code function} names the request in errors and logs.
     */
    public <T> T get(String symbol, String function, Supplier<URI> uri, Interpreter<T> interpreter) {
        try {
            T value = attempt(symbol, function, uri.get(), interpreter);
            health.updateAndGet(h -> h.succeeded(clock.instant()));
            return value;
        } catch (AlphaVantageException e) {
            health.updateAndGet(h -> h.failed(clock.instant(), e.getMessage()));
            LOG.warn("{}", e.getMessage());
            throw e;
        }
    }

    private <T> T attempt(String symbol, String function, URI uri, Interpreter<T> interpreter) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout).header("User-Agent", USER_AGENT)
                .header("Accept", "application/json").GET().build();
        AlphaVantageException failure = null;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            Duration retryAfter = null;
            waitForSlot(symbol, function);
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 429 || status >= 500) {
                    retryAfter = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
                    failure = new AlphaVantageException(symbol, function, status == 429 ? Kind.THROTTLED : Kind.UNAVAILABLE,
                            "HTTP " + status + (status == 429 ? " (throttled)" : "") + " " + snippet(response.body()));
                } else {
                    return interpreter.interpret(status, response.body());
                }
            } catch (HttpTimeoutException e) {
                failure = new AlphaVantageException(symbol, function, Kind.UNAVAILABLE,
                        "no answer within " + requestTimeout, e);
            } catch (IOException e) {
                failure = new AlphaVantageException(symbol, function, Kind.UNAVAILABLE, e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AlphaVantageException(symbol, function, Kind.UNAVAILABLE, "interrupted", e);
            } catch (AlphaVantageException e) {
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
                throw new AlphaVantageException(symbol, function, failure.kind(), failure.reason()
                        + "; server asked to retry after " + wait + ", longer than the configured maximum backoff "
                        + retry.maxBackoff(), failure);
            }
            LOG.debug("{} {}: attempt {} failed ({}), retrying in {}", function, symbol, attempt, failure.reason(), wait);
            sleep(symbol, function, wait);
        }
        throw new AlphaVantageException(symbol, function, failure.kind(), "gave up after " + retry.maxAttempts()
                + " attempt(s); last: " + failure.reason(), failure);
    }

    private void waitForSlot(String symbol, String function) {
        Duration wait;
        try {
            wait = limiter.reserve();
        } catch (IllegalStateException e) {
            throw new AlphaVantageException(symbol, function, Kind.THROTTLED, e.getMessage(), e);
        }
        if (!wait.isZero()) {
            sleep(symbol, function, wait);
        }
    }

    private void sleep(String symbol, String function, Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AlphaVantageException(symbol, function, Kind.UNAVAILABLE, "interrupted while waiting", e);
        }
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
