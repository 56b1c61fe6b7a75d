package io.amcp.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Token buckets per key, on a hand-driven clock. */
class KeyRateLimiterTest {

    @Test
    void burstThenSustainedRatePerKey() {
        AtomicLong now = new AtomicLong();
        KeyRateLimiter limiter = new KeyRateLimiter(60, 2, now::get);
        assertEquals(0, limiter.acquire("a"));
        assertEquals(0, limiter.acquire("a"));
        // 60 a minute = one token a second: the third request waits 1 s
        assertEquals(1, limiter.acquire("a"));
        assertEquals(0, limiter.acquire("b"), "another key has its own bucket");
        now.addAndGet(1_000_000_000L);
        assertEquals(0, limiter.acquire("a"));
        assertEquals(1, limiter.acquire("a"));
    }
}
