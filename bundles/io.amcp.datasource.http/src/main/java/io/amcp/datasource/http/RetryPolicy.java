package io.amcp.datasource.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How a failed request is retried: attempt {@code n} (from 2) waits
 * {@code min(maxBackoff, initialBackoff * 2^(n-2))}, or the server's {@code Retry-After} when it
 * sends one. A {@code Retry-After} longer than {@code maxBackoff} ends the request at once instead of
 * holding the calling thread.
 *
 * @param maxAttempts    attempts per request, at least 1
 * @param initialBackoff wait before the second attempt
 * @param maxBackoff     longest single wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** Four attempts, 500 ms doubling up to 8 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8));

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts: must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff: need 0 <= initialBackoff <= maxBackoff, was " + initialBackoff
                    + " and " + maxBackoff);
        }
    }

    public static RetryPolicy of(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff);
    }

    /** Wait before attempt {@code attempt} (2 for the first retry) when the server named none. */
    public Duration backoffBefore(int attempt) {
        if (attempt < 2) {
            return Duration.ZERO;
        }
        int doublings = Math.min(attempt - 2, 30);
        Duration wait = initialBackoff.multipliedBy(1L << doublings);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
