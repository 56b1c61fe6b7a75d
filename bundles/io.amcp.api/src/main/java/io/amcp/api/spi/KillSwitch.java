package io.amcp.api.spi;

import java.util.Objects;

/** Stops all new orders platform-wide until released. Thread-safe. */
public interface KillSwitch {

    void engage(String reason);

    void release();

    boolean isEngaged();

    /** Why it was engaged, or empty when released. */
    String reason();

    /**
     * Registers a listener told of every later engagement and release, after the change is recorded and
     * on the thread that made it. A switch that does not notify keeps this default: the listener is
     * never called and the handle does nothing, so a caller that must not miss a change also polls
     * {@link #isEngaged()}.
     *
     * @param listener told of each change
     * @return a handle whose {@code close()} unregisters the listener
     * @throws NullPointerException if {@code listener} is null
     */
    default AutoCloseable onChange(KillSwitchListener listener) {
        Objects.requireNonNull(listener, "listener");
        return () -> { };
    }
}
