package io.amcp.ops.internal.metrics;

import io.amcp.api.calendar.TradingCalendar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.PluginStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Liveness, readiness and bundle health. Ready means: the kernel answers, every broker connector is
 * ONLINE (and there is at least one), and, while the regular session is open, no instrument's last
 * market data is older than the allowed age.
 */
public final class HealthChecks {

    /**
     * One check's outcome.
     *
     * @param name   kernel, broker:&lt;id&gt;, data
     * @param ok     passed
     * @param detail why, in words
     */
    public record Check(String name, boolean ok, String detail) {
    }

    private final TradingMetrics metrics;
    private final Supplier<List<BrokerConnector>> brokers;
    private final Supplier<List<BundleState>> bundles;
    private final Clock clock;
    private final TradingCalendar calendar;
    private final double maxDataAgeSeconds;

    public HealthChecks(TradingMetrics metrics, Supplier<List<BrokerConnector>> brokers,
            Supplier<List<BundleState>> bundles, Clock clock, TradingCalendar calendar, double maxDataAgeSeconds) {
        this.metrics = metrics;
        this.brokers = brokers;
        this.bundles = bundles;
        this.clock = clock;
        this.calendar = calendar;
        this.maxDataAgeSeconds = maxDataAgeSeconds;
    }

    /** The readiness checks, probing the kernel now. */
    public List<Check> readiness() {
        List<Check> checks = new ArrayList<>();
        TradingMetrics.Probe probe = metrics.probe();
        checks.add(new Check("kernel", probe.ok(), probe.ok()
                ? String.format("answered in %.3f ms", probe.roundTripNanos() / 1e6) : probe.error()));
        checks.addAll(brokerChecks());
        checks.add(dataCheck());
        return checks;
    }

    /** One check per broker connector: ONLINE or not (a failing check when there is none). */
    public List<Check> brokerChecks() {
        List<BrokerConnector> list = brokers.get();
        if (list.isEmpty()) {
            return List.of(new Check("broker", false, "no broker connector registered"));
        }
        List<Check> checks = new ArrayList<>();
        for (BrokerConnector b : list) {
            PluginStatus status;
            try {
                status = b.status();
            } catch (RuntimeException e) {
                status = PluginStatus.offline("status() failed: " + e);
            }
            boolean online = status.state() == PluginStatus.State.ONLINE;
            checks.add(new Check("broker:" + b.id(), online, online ? "ONLINE" : status.state() + " " + status.reason()));
        }
        return checks;
    }

    /** Data freshness: during the regular session every instrument must have data younger than the limit. */
    public Check dataCheck() {
        if (!calendar.isOpen(clock.nanos())) {
            return new Check("data", true, "market closed");
        }
        Map<InstrumentId, Double> ages = metrics.dataAges();
        List<String> stale = new ArrayList<>();
        ages.forEach((id, age) -> {
            if (age > maxDataAgeSeconds) {
                stale.add(id.value() + " " + Math.round(age) + "s");
            }
        });
        if (!stale.isEmpty()) {
            return new Check("data", false, "stale (limit " + Math.round(maxDataAgeSeconds) + "s): " + String.join(", ", stale));
        }
        return new Check("data", true, ages.size() + " instrument(s) fresh");
    }

    /** Every bundle's state. */
    public List<BundleState> bundles() {
        return bundles.get();
    }
}
