package io.amcp.api.spi;

/** Stops all new orders platform-wide until released. Thread-safe. */
public interface KillSwitch {

    void engage(String reason);

    void release();

    boolean isEngaged();

    /** Why it was engaged, or empty when released. */
    String reason();
}
