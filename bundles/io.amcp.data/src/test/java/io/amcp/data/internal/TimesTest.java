package io.amcp.data.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {

    private static long nanos(String instant) {
        return Instant.parse(instant).getEpochSecond() * 1_000_000_000L;
    }

    @Test
    void yearSlicesEndAtTheFirstTimeOfALaterUtcYear() {
        long[] t = {nanos("2023-12-31T23:59:00Z"), nanos("2023-12-31T23:59:59Z"), nanos("2024-01-01T00:00:00Z"),
                nanos("2024-06-30T12:00:00Z"), nanos("2026-01-02T00:00:00Z")};
        assertThat(Times.yearSliceEnd(t, 0, t.length)).isEqualTo(2);
        assertThat(Times.yearSliceEnd(t, 2, t.length)).isEqualTo(4);
        assertThat(Times.yearSliceEnd(t, 4, t.length)).isEqualTo(5);
        assertThat(Times.yearSliceEnd(t, 0, 1)).as("bounded by to").isEqualTo(1);
    }
}
