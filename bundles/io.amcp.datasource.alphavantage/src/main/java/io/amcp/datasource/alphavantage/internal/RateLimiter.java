package io.amcp.datasource.alphavantage.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Spaces requests evenly, {@code 60 s / requestsPerMinute} apart (Alpha Vantage also punishes
 * bursts within a minute). A caller reserves the next free slot and then waits for it without
 * holding a lock; a slot further away than {@code maxWait} is refused instead of holding the thread.
 */
public final class RateLimiter {

    private final long intervalNanos;
    private final long maxWaitNanos;
    private final LongSupplier nanoTime;
    private long nextFree;
    private boolean used;

    public RateLimiter(int requestsPerMinute, Duration maxWait, LongSupplier nanoTime) {
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("requestsPerMinute: must be at least 1, was " + requestsPerMinute);
        }
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxQueueWait: must not be negative, was " + maxWait);
        }
        this.intervalNanos = Duration.ofMinutes(1).toNanos() / requestsPerMinute;
        this.maxWaitNanos = maxWait.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /**
     * Reserves the next slot and returns how long to wait for it.
     *
     * @throws IllegalStateException when the slot is more than {@code maxWait} away (nothing reserved)
     */
    public synchronized Duration reserve() {
        long now = nanoTime.getAsLong();
        long start = !used || now - nextFree > 0 ? now : nextFree;
        long wait = start - now;
        if (wait > maxWaitNanos) {
            throw new IllegalStateException("client-side rate limit: the next request slot is " + Duration.ofNanos(wait)
                    + " away, longer than maxQueueWait " + Duration.ofNanos(maxWaitNanos));
        }
        nextFree = start + intervalNanos;
        used = true;
        return Duration.ofNanos(wait);
    }
}
