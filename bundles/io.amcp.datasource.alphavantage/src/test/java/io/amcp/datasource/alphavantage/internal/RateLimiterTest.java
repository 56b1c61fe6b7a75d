package io.amcp.datasource.alphavantage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Slot arithmetic of the limiter on a hand-driven clock: 5 requests a minute is one slot per 12 s. */
class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void slotsAreTwelveSecondsApartAtFivePerMinute() {
        RateLimiter limiter = new RateLimiter(5, Duration.ofSeconds(30), now::get);

        assertThat(limiter.reserve()).isEqualTo(Duration.ZERO);
        assertThat(limiter.reserve()).isEqualTo(Duration.ofSeconds(12));
        advance(Duration.ofSeconds(5));
        // the third slot is at 24 s, now is 5 s
        assertThat(limiter.reserve()).isEqualTo(Duration.ofSeconds(19));
        // the fourth would be at 36 s, 31 s away: more than 30 s, refused and not reserved
        assertThatThrownBy(limiter::reserve).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PT31S").hasMessageContaining("maxQueueWait PT30S");
        advance(Duration.ofSeconds(10));
        assertThat(limiter.reserve()).isEqualTo(Duration.ofSeconds(21));
    }

    @Test
    void anIdleLimiterDoesNotSaveUpABurst() {
        RateLimiter limiter = new RateLimiter(5, Duration.ofSeconds(30), now::get);
        limiter.reserve();
        advance(Duration.ofMinutes(10));

        assertThat(limiter.reserve()).isEqualTo(Duration.ZERO);
        assertThat(limiter.reserve()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new RateLimiter(0, Duration.ZERO, now::get))
                .hasMessageContaining("requestsPerMinute: must be at least 1, was 0");
        assertThatThrownBy(() -> new RateLimiter(5, Duration.ofSeconds(-1), now::get))
                .hasMessageContaining("maxQueueWait: must not be negative");
    }
}
