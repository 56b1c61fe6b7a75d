package io.amcp.api.spi;

import java.time.Instant;

/**
 * The only source of time for kernel and strategy code: simulated in backtests, the wall clock
 * live. Never read the system clock in core or strategy code.
 */
public interface Clock {

    /** Nanoseconds since the epoch (UTC). */
    long nanos();

    default Instant instant() {
        long n = nanos();
        return Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
    }

    /** Converts an instant to nanoseconds since the epoch. */
    static long toNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    /** Converts nanoseconds since the epoch to an instant. */
    static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
