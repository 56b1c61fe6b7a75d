package io.amcp.web.internal;

/**
 * A token bucket: holds up to {@code capacity} tokens and refills {@code perMinute} tokens a minute,
 * continuously. Thread-safe.
 */
public final class TokenBucket {

    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final int capacity;
    private final double tokensPerNano;
    private double tokens;
    private long lastNanos;

    public TokenBucket(int capacity, int perMinute, long nowNanos) {
        this.capacity = capacity;
        this.tokensPerNano = perMinute / (double) MINUTE_NANOS;
        this.tokens = capacity;
        this.lastNanos = nowNanos;
    }

    /** The outcome of one request: whether it may proceed, tokens left, nanoseconds until full again. */
    public record Take(boolean allowed, int remaining, long nanosUntilFull) {
    }

    /** Takes one token if there is one. */
    public synchronized Take take(long nowNanos) {
        if (nowNanos > lastNanos) {
            tokens = Math.min(capacity, tokens + (nowNanos - lastNanos) * tokensPerNano);
            lastNanos = nowNanos;
        }
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        long untilFull = (long) Math.ceil((capacity - tokens) / tokensPerNano);
        return new Take(allowed, (int) Math.floor(tokens), untilFull);
    }
}
