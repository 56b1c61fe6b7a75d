package io.amcp.ops.internal.alerts;

/**
 * A rate limit: up to {@code capacity} sends at once, refilled at {@code capacity} per
 * {@code periodNanos}. Times come from the caller (the platform clock), so tests can drive it.
 * Not thread-safe; the dispatcher calls it under its lock.
 */
final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last;
    private boolean started;

    TokenBucket(int capacity, long periodNanos) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity: must be positive, was " + capacity);
        }
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("period: must be positive, was " + periodNanos + " ns");
        }
        this.capacity = capacity;
        this.perNano = capacity / (double) periodNanos;
        this.tokens = capacity;
    }

    /** Takes one token if there is one at {@code nowNanos}. */
    boolean tryAcquire(long nowNanos) {
        if (started && nowNanos > last) {
            tokens = Math.min(capacity, tokens + (nowNanos - last) * perNano);
        }
        if (!started || nowNanos > last) {
            last = nowNanos;
            started = true;
        }
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return true;
        }
        return false;
    }
}
