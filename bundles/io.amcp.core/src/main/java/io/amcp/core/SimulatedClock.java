package io.amcp.core;

import io.amcp.api.spi.Clock;

/**
 * A clock that only moves when the kernel advances it to the time of the event being processed:
 * backtests, and the live demo that replays history in accelerated real time. It never goes
 * backwards.
 */
public final class SimulatedClock implements Clock {

    private volatile long now;

    public SimulatedClock(long startNanos) {
        this.now = startNanos;
    }

    @Override
    public long nanos() {
        return now;
    }

    /** Moves the clock forward to {@code timeNanos}; earlier times are ignored. */
    public void advanceTo(long timeNanos) {
        if (timeNanos > now) {
            now = timeNanos;
        }
    }
}
