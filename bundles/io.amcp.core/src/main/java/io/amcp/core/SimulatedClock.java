package io.amcp.core;

import io.amcp.api.spi.Clock;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A clock that only moves when the kernel advances it to the time of the event being processed:
 * backtests, and the live demo that replays history in accelerated real time. It never goes
 * backwards.
 */
public final class SimulatedClock implements Clock {

    private static final VarHandle NOW;

    static {
        try {
            NOW = MethodHandles.lookup().findVarHandle(SimulatedClock.class, "now", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Written only by the kernel thread (release), read by any thread (acquire): no fence per event. */
    private long now;

    public SimulatedClock(long startNanos) {
        NOW.setRelease(this, startNanos);
    }

    @Override
    public long nanos() {
        return (long) NOW.getAcquire(this);
    }

    /** Moves the clock forward to {@code timeNanos}; earlier times are ignored. Kernel thread only. */
    public void advanceTo(long timeNanos) {
        if (timeNanos > now) {
            NOW.setRelease(this, timeNanos);
        }
    }
}
