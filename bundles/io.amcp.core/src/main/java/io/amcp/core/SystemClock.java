package io.amcp.core;

import io.amcp.api.spi.Clock;
import java.time.Instant;

/** The wall clock for live trading: the one place in the kernel that reads system time. */
public final class SystemClock implements Clock {

    @Override
    public long nanos() {
        return Clock.toNanos(Instant.now());
    }
}
