package io.amcp.datasource.economic.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * How a failed request is retried: attempt {@code n} (from 2) waits
 * {@code min(maxBackoff, initialBackoff * 2^(n-2))}, or the server's {@code Retry-After} when it sends
 * one; a {@code Retry-After} longer than {@code maxBackoff} ends the request at once (the next
 * scheduled refresh tries again) rather than holding the refresh thread.
 *
 * @param maxAttempts    attempts per request, at least 1
 * @param initialBackoff wait before the second attempt
 * @param maxBackoff     longest single wait
 */
record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts: must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff: need 0 <= initialBackoffMillis <= maxBackoffMillis, was "
                    + initialBackoff.toMillis() + " and " + maxBackoff.toMillis());
        }
    }

    /** Wait before attempt {@code attempt} (2 for the first retry) when the server named none. */
    Duration backoffBefore(int attempt) {
        if (attempt < 2) {
            return Duration.ZERO;
        }
        Duration wait = initialBackoff.multipliedBy(1L << Math.min(attempt - 2, 30));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
