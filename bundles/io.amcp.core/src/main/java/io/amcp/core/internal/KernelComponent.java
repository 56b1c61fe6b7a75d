package io.amcp.core.internal;

import io.amcp.api.execution.ExecutionAlgorithm;
import io.amcp.api.model.Bar;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Quote;
import io.amcp.api.model.TradeTick;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.DataSource;
import io.amcp.api.spi.KernelMetrics;
import io.amcp.api.spi.KillSwitch;
import io.amcp.api.spi.MarketDataHub;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.api.spi.OrderEventListener;
import io.amcp.api.spi.RiskRule;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyOwnershipGate;
import io.amcp.api.spi.TradingNode;
import io.amcp.core.Kernel;
import io.amcp.core.KernelListener;
import io.amcp.core.SimulatedClock;
import io.amcp.core.SystemClock;
import io.amcp.core.journal.FileJournal;
import io.amcp.core.risk.BuyingPowerRule;
import io.amcp.core.risk.MaxDailyLossRule;
import io.amcp.core.risk.MaxOrderNotionalRule;
import io.amcp.core.risk.MaxPositionRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
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
 * The trading node inside Karaf: builds the kernel from configuration, recovers it from the
 * journal, registers the {@link Clock}, {@link TradingNode}, {@link KillSwitch} and {@link KernelMetrics} services, and
 * wires every broker, market-data sink, risk rule and strategy service that comes and goes. Market data
 * reaches it through the {@link MarketDataHub}, which starts the data sources: the kernel is its
 * {@code kernel} subscriber, LOSSLESS, so no bar is lost and no slow console or cache stalls it.
 * Market-data sinks bound here (the paper exchange) run on the kernel thread, in step with the strategies.
 */
@Component(immediate = true, configurationPid = "io.amcp.core", service = {})
@Designate(ocd = KernelConfig.class)
public final class KernelComponent {

    private static final Logger LOG = LoggerFactory.getLogger(KernelComponent.class);
    /** Initial capacity of the kernel's hub queue; LOSSLESS queues grow while the kernel is behind. */
    private static final int HUB_QUEUE_CAPACITY = 65_536;

    private final Kernel kernel;
    private final FileJournal journal;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final Map<OrderEventListener, KernelListener> orderTaps = new ConcurrentHashMap<>();
    private final MarketDataHub.Subscription feed;

    /**
     * @param hub       the market data hub the kernel subscribes to
     * @param ownership cluster strategy ownership (the {@code io.amcp.cluster} feature), or null: then
     *                  every strategy runs here, as on a single node
     */
    @Activate
    public KernelComponent(BundleContext context, KernelConfig config, @Reference MarketDataHub hub,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            StrategyOwnershipGate ownership) {
        Clock clock = "wall".equalsIgnoreCase(config.clock()) ? new SystemClock() : new SimulatedClock(0);
        String dir = config.journalDirectory().isBlank()
                ? System.getProperty("karaf.data", "data") + "/journal" : config.journalDirectory();
        this.journal = new FileJournal(Path.of(dir, "kernel.journal"), config.fsync());
        if (journal.repairNote() != null) {
            LOG.warn(journal.repairNote());
        }
        this.kernel = new Kernel(clock, journal, Money.of(config.initialCash()), config.leverage());
        kernel.addRiskRule(new BuyingPowerRule());
        if (!config.maxOrderNotional().isBlank()) {
            kernel.addRiskRule(new MaxOrderNotionalRule(Money.of(config.maxOrderNotional())));
        }
        if (!config.maxPositionQuantity().isBlank()) {
            kernel.addRiskRule(new MaxPositionRule(Quantity.of(config.maxPositionQuantity())));
        }
        if (!config.maxDailyLoss().isBlank()) {
            kernel.addRiskRule(new MaxDailyLossRule(Money.of(config.maxDailyLoss())));
        }
        String halted = config.haltedStrategyOrders().trim().toLowerCase(Locale.ROOT);
        if (!halted.equals("cancel") && !halted.equals("keep")) {
            throw new IllegalArgumentException("haltedStrategyOrders: must be 'cancel' or 'keep', was '"
                    + config.haltedStrategyOrders() + "'");
        }
        if (config.blockedStrategyMillis() < 0) {
            throw new IllegalArgumentException("blockedStrategyMillis: must be at least 0, was "
                    + config.blockedStrategyMillis());
        }
        kernel.setCancelOrdersOfHaltedStrategies(halted.equals("cancel"));
        kernel.setBlockLimit(TimeUnit.MILLISECONDS.toNanos(config.blockedStrategyMillis()));
        kernel.setSwapHoldLimit(config.swapHoldLimit());
        kernel.setVersionLookup(type -> {
            Bundle bundle = FrameworkUtil.getBundle(type);
            return bundle == null ? "" : bundle.getVersion().toString();
        });
        int replayed = kernel.recover();
        LOG.info("kernel recovered {} journal entries from {}", replayed, journal.file());
        if (ownership != null) {
            kernel.bindOwnership(ownership);
            LOG.info("strategies run under cluster ownership");
        }
        kernel.start("amcp-kernel");
        this.feed = hub.subscribe("kernel", MarketDataHub.DeliveryPolicy.LOSSLESS, HUB_QUEUE_CAPACITY, new KernelSink(kernel));
        registrations.add(context.registerService(Clock.class, clock, null));
        registrations.add(context.registerService(TradingNode.class, kernel, null));
        registrations.add(context.registerService(KillSwitch.class, kernel.killSwitch(), null));
        registrations.add(context.registerService(KernelMetrics.class, kernel.metrics(), null));
        // the kernel itself, for maintenance (Kernel.compactJournal) by the daily operations job
        registrations.add(context.registerService(Kernel.class, kernel, null));
    }

    @Deactivate
    void deactivate() {
        feed.close();
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                LOG.debug("service already unregistered", alreadyGone);
            }
        }
        kernel.unbindOwnership();
        kernel.stop();
        journal.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addBroker(BrokerConnector broker) {
        kernel.execute(() -> kernel.addBroker(broker));
    }

    void removeBroker(BrokerConnector broker) {
        kernel.execute(() -> kernel.removeBroker(broker));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addMarketDataSink(MarketDataSink sink) {
        kernel.execute(() -> kernel.addMarketDataSink(sink));
    }

    void removeMarketDataSink(MarketDataSink sink) {
        kernel.execute(() -> kernel.removeMarketDataSink(sink));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRiskRule(RiskRule rule) {
        kernel.addRiskRule(rule);
    }

    void removeRiskRule(RiskRule rule) {
        kernel.removeRiskRule(rule);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addOrderEventListener(OrderEventListener listener) {
        KernelListener tap = new KernelListener() {
            @Override
            public void onOrderEvent(OrderEvent event) {
                try {
                    listener.onOrderEvent(event, kernel.orderManager().view(event.clientOrderId()));
                } catch (RuntimeException e) {
                    LOG.warn("order event listener {} failed: {}", listener, e.toString());
                }
            }
        };
        orderTaps.put(listener, tap);
        kernel.addListener(tap);
    }

    void removeOrderEventListener(OrderEventListener listener) {
        KernelListener tap = orderTaps.remove(listener);
        if (tap != null) {
            kernel.removeListener(tap);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAlgorithm(ExecutionAlgorithm algorithm) {
        kernel.addAlgorithm(algorithm);
    }

    void removeAlgorithm(ExecutionAlgorithm algorithm) {
        kernel.removeAlgorithm(algorithm);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addStrategy(Strategy strategy) {
        kernel.addStrategy(strategy);
    }

    void removeStrategy(Strategy strategy) {
        kernel.removeStrategy(strategy);
    }

    /** Learns a data source's instruments; the market data hub starts and stops the source itself. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDataSource(DataSource source) {
        source.instruments().forEach(kernel::registerInstrument);
    }

    void removeDataSource(DataSource source) {
        LOG.info("data source {} gone; its instruments stay known", source.id());
    }

    /** Posts the hub's events into the kernel's inbound queue (from the hub's delivery thread). */
    private record KernelSink(Kernel kernel) implements MarketDataSink {
        @Override
        public void onBar(Bar bar) {
            kernel.post(bar);
        }

        @Override
        public void onQuote(Quote quote) {
            kernel.post(quote);
        }

        @Override
        public void onTrade(TradeTick trade) {
            kernel.post(trade);
        }
    }
}
