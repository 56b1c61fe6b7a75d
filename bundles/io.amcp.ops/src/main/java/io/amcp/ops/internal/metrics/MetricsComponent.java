package io.amcp.ops.internal.metrics;

import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.model.Bar;
import io.amcp.api.model.Quote;
import io.amcp.api.model.TradeTick;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderView;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.KernelMetrics;
import io.amcp.api.spi.KillSwitch;
import io.amcp.api.spi.MarketDataHub;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.api.spi.OrderEventListener;
import io.amcp.api.spi.TradingNode;
import io.amcp.ops.AlertService;
import io.amcp.ops.Severity;
import io.amcp.ops.internal.risk.KillSwitchAlerts;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the trading metrics (registered as the kernel's order-event tap, and subscribed to the
 * market data hub as {@code metrics}, CONFLATE, for data freshness, with every hub subscriber's queue
 * exported),
 * serves {@code /metrics} and {@code /health/*}, probes the kernel periodically and raises alerts
 * (when an {@link AlertService} is present) for an unresponsive kernel, an offline broker and stale
 * data. It subscribes the platform's one observer of the kill switch, {@link KillSwitchAlerts}, which
 * alerts at each engagement and release; the probe hands it the switch as a fallback for changes no
 * notification reported. The kernel's event-loop figures are exported while a
 * {@link KernelMetrics} service is registered.
 */
@Component(immediate = true, service = {OrderEventListener.class, DataFreshness.class},
        configurationPid = "io.amcp.ops.metrics")
@Designate(ocd = MetricsConfig.class)
public final class MetricsComponent implements OrderEventListener, MarketDataSink, DataFreshness {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsComponent.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmBinders jvm;
    private final TradingMetrics metrics;
    private final HealthChecks health;
    private final OpsHttpServer server;
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "amcp-ops-probe");
        t.setDaemon(true);
        return t;
    });
    private final List<BrokerConnector> brokers = new CopyOnWriteArrayList<>();
    private final KernelLoopMetrics loop = new KernelLoopMetrics(registry);
    private final MarketDataHubMetrics hubMetrics;
    private final MarketDataHub.Subscription feed;
    private final TradingNode node;
    private final KillSwitchAlerts killSwitchAlerts = new KillSwitchAlerts(() -> this.alerts);
    private final Object killSwitchLock = new Object();
    /** Null until the node's kill switch answers; guarded by {@link #killSwitchLock}. */
    private AutoCloseable killSwitchSubscription;
    private boolean deactivated;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AlertService alerts;

    @Activate
    public MetricsComponent(@Reference TradingNode node, @Reference Clock clock, @Reference MarketDataHub hub,
            MetricsConfig config, BundleContext context) throws IOException {
        if (config.port() < 0 || config.port() > 65535) {
            throw new IllegalArgumentException("port: expected 0-65535, was " + config.port());
        }
        if (config.probeIntervalSeconds() <= 0) {
            throw new IllegalArgumentException("probeIntervalSeconds: must be positive, was " + config.probeIntervalSeconds());
        }
        this.node = node;
        killSwitch();
        this.jvm = new JvmBinders(registry);
        this.metrics = new TradingMetrics(registry, clock, node);
        this.health = new HealthChecks(metrics, () -> List.copyOf(brokers), () -> bundles(context), clock,
                NyseCalendar.INSTANCE, config.maxDataAgeSeconds());
        this.hubMetrics = new MarketDataHubMetrics(registry, hub);
        this.server = new OpsHttpServer(registry, health, config.bearerToken());
        server.start(config.host(), config.port());
        this.feed = hub.subscribe("metrics", MarketDataHub.DeliveryPolicy.CONFLATE, this);
        prober.scheduleWithFixedDelay(this::probe, 1, config.probeIntervalSeconds(), TimeUnit.SECONDS);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addBroker(BrokerConnector broker) {
        brokers.add(broker);
        metrics.addBroker(broker);
    }

    void removeBroker(BrokerConnector broker) {
        brokers.remove(broker);
        metrics.removeBroker(broker);
    }

    /** The kernel's loop figures, exported while the kernel registers them. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindKernelMetrics(KernelMetrics kernel) {
        loop.bind(kernel);
    }

    void unbindKernelMetrics(KernelMetrics kernel) {
        loop.unbind(kernel);
    }

    @Deactivate
    void deactivate() {
        feed.close();
        prober.shutdownNow();
        synchronized (killSwitchLock) {
            deactivated = true;
            if (killSwitchSubscription != null) {
                try {
                    killSwitchSubscription.close();
                } catch (Exception e) {
                    LOG.warn("kill switch subscription did not close", e);
                }
            }
        }
        server.stop();
        jvm.close();
        registry.close();
    }

    static List<BundleState> bundles(BundleContext context) {
        List<BundleState> list = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            list.add(new BundleState(b.getBundleId(), String.valueOf(b.getSymbolicName()), b.getVersion().toString(),
                    state(b.getState()), fragment));
        }
        return list;
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }

    /**
     * The node's kill switch, with {@link KillSwitchAlerts} subscribed to it the first time it answers;
     * null while the node cannot give it (a kernel not started yet), to be tried again at the next probe.
     */
    private KillSwitch killSwitch() {
        KillSwitch ks;
        try {
            ks = node.killSwitch();
        } catch (RuntimeException e) {
            LOG.debug("the node's kill switch is not reachable yet: {}", e.toString());
            return null;
        }
        if (ks == null) {
            return null;
        }
        synchronized (killSwitchLock) {
            if (killSwitchSubscription == null && !deactivated) {
                killSwitchSubscription = ks.onChange(killSwitchAlerts);
            }
        }
        return ks;
    }

    private void probe() {
        try {
            KillSwitch ks = killSwitch();
            hubMetrics.refresh();
            TradingMetrics.Probe p = metrics.probe();
            AlertService a = alerts;
            if (a == null) {
                return;
            }
            if (!p.ok()) {
                a.raise(Severity.CRITICAL, "ops.health", "kernel-unresponsive", "The kernel did not answer: " + p.error());
            }
            if (ks != null) {
                killSwitchAlerts.observe(ks);
            }
            for (HealthChecks.Check c : health.brokerChecks()) {
                if (!c.ok()) {
                    String key = c.name().startsWith("broker:") ? "broker-offline:" + c.name().substring(7) : "broker-missing";
                    a.raise(Severity.CRITICAL, "ops.health", key, c.name() + " " + c.detail());
                }
            }
            HealthChecks.Check data = health.dataCheck();
            if (!data.ok()) {
                a.raise(Severity.WARNING, "ops.health", "data-stale", data.detail());
            }
        } catch (RuntimeException e) {
            LOG.warn("ops probe failed", e);
        }
    }

    @Override
    public void onOrderEvent(OrderEvent event, OrderView order) {
        metrics.onOrderEvent(event, order);
    }

    @Override
    public java.util.Map<io.amcp.api.model.InstrumentId, java.time.Instant> lastDataTimes() {
        return metrics.lastDataTimes();
    }

    @Override
    public void onBar(Bar bar) {
        metrics.onBar(bar);
    }

    @Override
    public void onQuote(Quote quote) {
        metrics.onQuote(quote);
    }

    @Override
    public void onTrade(TradeTick trade) {
        metrics.onTrade(trade);
    }
}
