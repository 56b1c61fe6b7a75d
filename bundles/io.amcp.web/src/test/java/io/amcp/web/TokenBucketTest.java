package io.amcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.web.internal.TokenBucket;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void burstThenOneTokenPerSecondAtSixtyAMinute() {
        TokenBucket bucket = new TokenBucket(3, 60, 0);
        assertThat(bucket.take(0).remaining()).isEqualTo(2);
        assertThat(bucket.take(0).remaining()).isEqualTo(1);
        TokenBucket.Take last = bucket.take(0);
        assertThat(last.allowed()).isTrue();
        assertThat(last.remaining()).isZero();
        // empty: 3 tokens at 1/s take 3 s to refill
        assertThat(last.nanosUntilFull()).isEqualTo(3 * SECOND);
        assertThat(bucket.take(SECOND / 2).allowed()).isFalse();
        // at 1 s one token has come back
        assertThat(bucket.take(SECOND).allowed()).isTrue();
        // after a long pause the bucket holds its capacity, never more
        assertThat(bucket.take(100 * SECOND).remaining()).isEqualTo(2);
    }
}
