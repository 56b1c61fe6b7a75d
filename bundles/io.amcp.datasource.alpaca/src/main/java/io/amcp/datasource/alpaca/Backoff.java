package io.amcp.datasource.alpaca;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential reconnect backoff: {@code initial x 2^attempt}, capped at {@code max}.
 *
 * @param initial delay before the first retry
 * @param max     largest delay
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial: must be positive, was " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max: must not be below initial " + initial + ", was " + max);
        }
    }

    public static Backoff of(Duration initial, Duration max) {
        return new Backoff(initial, max);
    }

    /** The delay before retry number {@code attempt} (0 for the first retry). */
    public Duration delay(int attempt) {
        int shift = Math.min(Math.max(attempt, 0), 30);
        long millis = initial.toMillis();
        long scaled = millis > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : millis << shift;
        return scaled >= max.toMillis() ? max : Duration.ofMillis(scaled);
    }
}
