package io.amcp.ops.internal.metrics;

import io.amcp.api.spi.KernelMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * The kernel's event-loop figures while a {@link KernelMetrics} service is bound:
 * {@code amcp_kernel_queue_depth} (events waiting), {@code amcp_kernel_event_loop_lag_seconds} (how
 * long the oldest waiting event has waited) and {@code amcp_kernel_events_total} (events processed).
 * The meters are removed when the service goes away, so a scrape never shows a stale kernel's numbers.
 */
public final class KernelLoopMetrics {

    private static final double NANOS_PER_SECOND = 1e9;

    private final MeterRegistry registry;
    private KernelMetrics bound;
    private List<Meter> meters = List.of();

    public KernelLoopMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public synchronized void bind(KernelMetrics kernel) {
        removeMeters();
        bound = kernel;
        meters = List.of(
                Gauge.builder("amcp.kernel.queue.depth", kernel, KernelMetrics::inboundQueueDepth)
                        .description("Events posted to the kernel that its loop has not taken yet")
                        .strongReference(true).register(registry),
                Gauge.builder("amcp.kernel.event.loop.lag", kernel, k -> k.eventLoopLagNanos() / NANOS_PER_SECOND)
                        .description("How long the oldest event still waiting for the kernel loop has waited")
                        .baseUnit("seconds").strongReference(true).register(registry),
                FunctionCounter.builder("amcp.kernel.events", kernel, k -> k.eventsProcessed())
                        .description("Events the kernel loop has processed since it started")
                        .register(registry));
    }

    public synchronized void unbind(KernelMetrics kernel) {
        if (kernel == bound) {
            removeMeters();
            bound = null;
        }
    }

    private void removeMeters() {
        meters.forEach(registry::remove);
        meters = List.of();
    }
}
