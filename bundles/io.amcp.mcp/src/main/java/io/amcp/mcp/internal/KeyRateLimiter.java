package io.amcp.mcp.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-key token buckets: each key may make {@code burst} requests at once and {@code perMinute}
 * sustained. Uses a monotonic time source (request admission is I/O, not kernel code). Thread-safe.
 */
final class KeyRateLimiter {

    private final double perNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    KeyRateLimiter(int perMinute, int burst, LongSupplier nanoTime) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("requestsPerMinute: must be at least 1, was " + perMinute);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst: must be at least 1, was " + burst);
        }
        this.perNano = perMinute / 60e9;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** Takes one token of {@code keyId}; returns 0 when admitted, else the seconds until a token is free. */
    long acquire(String keyId) {
        Bucket bucket = buckets.computeIfAbsent(keyId, k -> new Bucket(burst, nanoTime.getAsLong()));
        synchronized (bucket) {
            long now = nanoTime.getAsLong();
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.time) * perNano);
            bucket.time = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perNano / 1e9));
        }
    }

    private static final class Bucket {
        private double tokens;
        private long time;

        Bucket(double tokens, long time) {
            this.tokens = tokens;
            this.time = time;
        }
    }
}
