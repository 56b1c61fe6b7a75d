package io.amcp.api.spi;

/** A scheduled kernel timer. */
public interface TimerHandle {

    /** Cancels the timer if it has not fired yet. */
    void cancel();
}
