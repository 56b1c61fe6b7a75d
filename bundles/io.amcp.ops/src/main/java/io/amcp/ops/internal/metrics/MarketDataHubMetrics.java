package io.amcp.ops.internal.metrics;

import io.amcp.api.spi.MarketDataHub;
import io.amcp.api.spi.MarketDataHub.SubscriberStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Each market data hub subscriber's queue, tagged {@code subscriber} and {@code policy}:
 * {@code amcp_marketdata_queue_depth}, {@code amcp_marketdata_lag_seconds} (age of the oldest
 * undelivered event) and the event counts {@code amcp_marketdata_delivered_events},
 * {@code amcp_marketdata_conflated_events}, {@code amcp_marketdata_dropped_events}. The rows follow the
 * hub's subscriptions at each {@link #refresh}, so a subscriber that left disappears from the scrape.
 */
public final class MarketDataHubMetrics {

    private static final double NANOS_PER_SECOND = 1e9;

    private final MarketDataHub hub;
    private final List<Column> columns;

    private record Column(MultiGauge gauge, ToDoubleFunction<SubscriberStats> value) {
    }

    public MarketDataHubMetrics(MeterRegistry registry, MarketDataHub hub) {
        this.hub = hub;
        this.columns = List.of(
                column(registry, "amcp.marketdata.queue.depth", "Events waiting in a market data subscriber's queue", null,
                        SubscriberStats::queueDepth),
                column(registry, "amcp.marketdata.lag", "How long the oldest event waiting for a market data subscriber has waited",
                        "seconds", s -> s.lagNanos() / NANOS_PER_SECOND),
                column(registry, "amcp.marketdata.delivered", "Events handed to a market data subscriber", "events",
                        SubscriberStats::delivered),
                column(registry, "amcp.marketdata.conflated", "Events replaced by a newer one before a subscriber took them",
                        "events", SubscriberStats::conflated),
                column(registry, "amcp.marketdata.dropped", "Events dropped from a full subscriber queue", "events",
                        SubscriberStats::dropped));
        refresh();
    }

    private static Column column(MeterRegistry registry, String name, String description, String unit,
            ToDoubleFunction<SubscriberStats> value) {
        MultiGauge.Builder b = MultiGauge.builder(name).description(description);
        if (unit != null) {
            b.baseUnit(unit);
        }
        return new Column(b.register(registry), value);
    }

    /** Re-reads the hub's subscriptions: new subscribers get rows, departed ones lose theirs. */
    public void refresh() {
        List<SubscriberStats> stats = hub.stats();
        for (Column c : columns) {
            c.gauge().register(stats.stream().map(s -> MultiGauge.Row.of(
                    Tags.of("subscriber", s.name(), "policy", s.policy().name()), hub,
                    h -> h.stats().stream().filter(now -> now.name().equals(s.name())).findFirst()
                            .map(now -> c.value().applyAsDouble(now)).orElse(Double.NaN)))
                    .map(r -> (MultiGauge.Row<?>) r).toList(), true);
        }
    }
}
