package io.amcp.datasource.http;

import io.amcp.api.spi.DataSourceHealth.FeedHealth;
import io.amcp.datasource.http.Failures.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET with an optional throttle slot per attempt, a per-request time-out, retries with exponential
 * backoff on network errors, time-outs, 429, 5xx and answers the interpreter calls transient
 * (honouring {@code Retry-After}), and the feed's health bookkeeping: a request counts once in the
 * health, however many attempts it took. Thread-safe; holds no lock while waiting, so one slow symbol
 * never stalls other threads. The URI (which may carry an API key) never appears in messages or logs.
 *
 * @param <E> the source's exception type, created through its {@link Failures}
 */
public final class ResilientHttp<E extends RuntimeException> {

    /** Waits between attempts; replaced in tests so that they never sleep. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = d -> Thread.sleep(d.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    /** Turns an answer that is neither 429 nor 5xx into a value, or throws the source's exception. */
    @FunctionalInterface
    public interface Interpreter<T> {
        T interpret(int status, String body);
    }

    /** Spaces requests: reserves the next slot and returns how long to wait for it. */
    @FunctionalInterface
    public interface Throttle {
        /** No spacing. */
        Throttle NONE = () -> Duration.ZERO;

        /** @throws IllegalStateException when the slot is too far away to wait for (nothing reserved) */
        Duration reserve();
    }

    /**
     * What every request of one source shares.
     *
     * @param feed           the feed's name in the health, e.g. {@code yahoo}
     * @param userAgent      the {@code User-Agent} header
     * @param requestTimeout time-out of one attempt (also the connect time-out)
     * @param retry          how failed attempts are retried
     * @param throttle       spacing between attempts, {@link Throttle#NONE} for none
     */
    public record Settings(String feed, String userAgent, Duration requestTimeout, RetryPolicy retry, Throttle throttle) {

        public Settings {
            Objects.requireNonNull(feed, "feed");
            Objects.requireNonNull(userAgent, "userAgent");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            Objects.requireNonNull(retry, "retry");
            Objects.requireNonNull(throttle, "throttle");
            if (requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw new IllegalArgumentException("requestTimeout: must be positive, was " + requestTimeout);
            }
        }

        public static Settings of(String feed, String userAgent, Duration requestTimeout, RetryPolicy retry,
                Throttle throttle) {
            return new Settings(feed, userAgent, requestTimeout, retry, throttle);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ResilientHttp.class);

    private final Settings settings;
    private final Failures<E> failures;
    private final Clock clock;
    private final Sleeper sleeper;
    private final HttpClient http;
    private final AtomicReference<FeedHealth> health;

    public ResilientHttp(Settings settings, Failures<E> failures, Clock clock, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.failures = Objects.requireNonNull(failures, "failures");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.health = new AtomicReference<>(new FeedHealth(settings.feed(), null, null, "", 0));
        this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The feed's health after the requests so far. */
    public FeedHealth health() {
        return health.get();
    }

    /**
     * Fetches the URI {@code uri} supplies (asked once; it may throw the source's exception, e.g. for a
     * missing credential) for {@code subject}; {@code request} names the request in errors and logs,
     * {@code accept} is the media type asked for.
     */
    public <T> T get(String subject, String request, Supplier<URI> uri, String accept, Interpreter<T> interpreter) {
        try {
            T value = attempt(subject, request, uri.get(), accept, interpreter);
            health.updateAndGet(h -> new FeedHealth(h.feed(), clock.instant(), h.lastFailure(), h.lastError(), 0));
            return value;
        } catch (RuntimeException e) {
            if (!failures.type().isInstance(e)) {
                throw e;
            }
            Instant at = clock.instant();
            health.updateAndGet(h -> new FeedHealth(h.feed(), h.lastSuccess(), at, e.getMessage(), h.consecutiveFailures() + 1));
            LOG.warn("{}", e.getMessage());
            throw e;
        }
    }

    private <T> T attempt(String subject, String request, URI uri, String accept, Interpreter<T> interpreter) {
        HttpRequest httpRequest = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("User-Agent", settings.userAgent()).header("Accept", accept).GET().build();
        RetryPolicy retry = settings.retry();
        E failure = null;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            Duration retryAfter = null;
            waitForSlot(subject, request);
            try {
                HttpResponse<String> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 429 || status >= 500) {
                    retryAfter = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
                    failure = failures.create(subject, request, status == 429 ? Kind.THROTTLED : Kind.UNAVAILABLE,
                            "HTTP " + status + (status == 429 ? " (throttled)" : "") + " " + snippet(response.body()), null);
                } else {
                    return interpreter.interpret(status, response.body());
                }
            } catch (HttpTimeoutException e) {
                failure = failures.create(subject, request, Kind.UNAVAILABLE, "no answer within " + settings.requestTimeout(), e);
            } catch (IOException e) {
                failure = failures.create(subject, request, Kind.UNAVAILABLE, e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failures.create(subject, request, Kind.UNAVAILABLE, "interrupted", e);
            } catch (RuntimeException e) {
                if (!failures.type().isInstance(e) || !failures.isTransient(failures.type().cast(e))) {
                    throw e;
                }
                failure = failures.type().cast(e);
            }
            if (attempt == retry.maxAttempts()) {
                break;
            }
            Duration wait = retryAfter != null ? retryAfter : retry.backoffBefore(attempt + 1);
            if (wait.compareTo(retry.maxBackoff()) > 0) {
                throw failures.create(subject, request, failures.kind(failure), failures.reason(failure)
                        + "; server asked to retry after " + wait + ", longer than the configured maximum backoff "
                        + retry.maxBackoff(), failure);
            }
            LOG.debug("{} {}: attempt {} failed ({}), retrying in {}", request, subject, attempt, failures.reason(failure), wait);
            sleep(subject, request, wait);
        }
        throw failures.create(subject, request, failures.kind(failure), "gave up after " + retry.maxAttempts()
                + " attempt(s); last: " + failures.reason(failure), failure);
    }

    private void waitForSlot(String subject, String request) {
        Duration wait;
        try {
            wait = settings.throttle().reserve();
        } catch (IllegalStateException e) {
            throw failures.create(subject, request, Kind.THROTTLED, e.getMessage(), e);
        }
        if (!wait.isZero()) {
            sleep(subject, request, wait);
        }
    }

    private void sleep(String subject, String request, Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failures.create(subject, request, Kind.UNAVAILABLE, "interrupted while waiting", e);
        }
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date; null when absent or unreadable. */
    public Duration retryAfter(String header) {
        return retryAfter(header, clock);
    }

    /**
     * {@code Retry-After} (RFC 9110 section 10.2.3) as delta-seconds or an HTTP date, seen from
     * {@code clock}: never negative; null when absent or unreadable.
     */
    public static Duration retryAfter(String header, Clock clock) {
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

    /** The first 200 characters of an answer body with white space collapsed, for error messages. */
    public static String snippet(String body) {
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
