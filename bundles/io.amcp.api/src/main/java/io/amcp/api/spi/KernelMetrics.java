package io.amcp.api.spi;

/**
 * Live figures of the trading kernel's event loop, registered as a service beside the kernel so that
 * monitoring can export them (queue depth and event-loop lag are the first signs of a stalled or
 * overloaded kernel). Every method is safe to call from any thread and never blocks.
 */
public interface KernelMetrics {

    /** Events posted to the kernel that its loop has not taken yet. */
    int inboundQueueDepth();

    /** How long the oldest event still waiting has waited, in nanoseconds; 0 when none waits. */
    long eventLoopLagNanos();

    /** Events the loop has processed since it started. */
    long eventsProcessed();
}
