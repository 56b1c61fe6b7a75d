package io.amcp.ops.internal.metrics;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quote;
import io.amcp.api.model.TradeTick;
import io.amcp.api.order.OrderAccepted;
import io.amcp.api.order.OrderCanceled;
import io.amcp.api.order.OrderDenied;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderExpired;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.OrderPendingCancel;
import io.amcp.api.order.OrderRejected;
import io.amcp.api.order.OrderReplaced;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderSubmitted;
import io.amcp.api.order.OrderTriggered;
import io.amcp.api.order.OrderView;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.PluginStatus;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.api.spi.OrderEventListener;
import io.amcp.api.spi.TradingNode;
import io.amcp.api.model.ClientOrderId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The platform's trading metrics. As an {@link OrderEventListener} it counts order events by the
 * status they lead to, fills by side, and times submit-to-accepted from the events' own times; as a
 * {@link MarketDataSink} it records the time of the last bar per instrument. {@link #probe()} reads
 * the account through the {@link TradingNode}: that read is answered on the kernel thread, so its
 * round trip is the kernel's event-loop responsiveness, and the account it returns feeds the P&L
 * gauges. Event callbacks run on the kernel thread and only touch counters and concurrent maps.
 */
public final class TradingMetrics implements OrderEventListener, MarketDataSink, DataFreshness {

    /** What the last {@link #probe()} found. */
    public record Probe(boolean ok, long roundTripNanos, AccountView account, boolean killSwitchEngaged,
            int positions, long workingOrders, String error) {
    }

    private final MeterRegistry registry;
    private final Clock clock;
    private final TradingNode node;
    private final Timer latency;
    private final Map<String, Counter> orderCounters = new ConcurrentHashMap<>();
    private final Map<String, Counter> fillCounters = new ConcurrentHashMap<>();
    private final Map<ClientOrderId, Long> submittedAt = new ConcurrentHashMap<>();
    private final Map<InstrumentId, AtomicLong> lastBar = new ConcurrentHashMap<>();
    private final AtomicReference<Probe> lastProbe = new AtomicReference<>(
            new Probe(false, 0, null, false, 0, 0, "not probed yet"));

    public TradingMetrics(MeterRegistry registry, Clock clock, TradingNode node) {
        this.registry = registry;
        this.clock = clock;
        this.node = node;
        this.latency = Timer.builder("amcp.order.latency")
                .description("Order submitted to accepted by the venue, from the order events' times")
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
                        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                        Duration.ofSeconds(1), Duration.ofSeconds(5))
                .register(registry);
        Gauge.builder("amcp.kernel.probe", lastProbe, p -> p.get().roundTripNanos() / 1e9)
                .description("Round trip of a read answered on the kernel thread (event-loop lag plus queue wait)")
                .baseUnit("seconds").register(registry);
        Gauge.builder("amcp.kernel.up", lastProbe, p -> p.get().ok() ? 1 : 0)
                .description("1 when the kernel answered the last probe").register(registry);
        account("amcp.account.equity", "Account equity", AccountView::equity);
        account("amcp.account.cash", "Account cash", AccountView::cash);
        account("amcp.account.buying.power", "Buying power", AccountView::buyingPower);
        account("amcp.pnl.day", "P&L since the start of the trading day", AccountView::dayPnl);
        account("amcp.pnl.realized", "Realized P&L", AccountView::realizedPnl);
        account("amcp.pnl.unrealized", "Unrealized P&L", AccountView::unrealizedPnl);
        Gauge.builder("amcp.killswitch.engaged", lastProbe, p -> p.get().killSwitchEngaged() ? 1 : 0)
                .description("1 while the kill switch stops all new orders").register(registry);
        Gauge.builder("amcp.positions.open", lastProbe, p -> p.get().positions())
                .description("Open (non-flat) positions").register(registry);
        Gauge.builder("amcp.orders.working", lastProbe, p -> p.get().workingOrders())
                .description("Orders working at a venue").register(registry);
        Gauge.builder("amcp.market.open", clock, c -> NyseCalendar.INSTANCE.isOpen(c.nanos()) ? 1 : 0)
                .description("1 while the NYSE regular session is open (platform clock)").register(registry);
    }

    /** Exposes {@code amcp_broker_online{broker}}: 1 while the connector reports ONLINE. */
    public void addBroker(BrokerConnector broker) {
        Gauge.builder("amcp.broker.online", broker, b -> b.status().state() == PluginStatus.State.ONLINE ? 1 : 0)
                .description("1 while the broker connector reports ONLINE").tag("broker", broker.id())
                .register(registry);
    }

    /** Stops exposing a connector that went away. */
    public void removeBroker(BrokerConnector broker) {
        registry.find("amcp.broker.online").tag("broker", broker.id()).meters().forEach(registry::remove);
    }

    private void account(String name, String description,
            java.util.function.Function<AccountView, io.amcp.api.model.Money> field) {
        Gauge.builder(name, lastProbe, p -> p.get().account() == null ? Double.NaN : field.apply(p.get().account()).toDouble())
                .description(description).register(registry);
    }

    @Override
    public void onOrderEvent(OrderEvent event, OrderView order) {
        orderCounter(status(event, order)).increment();
        if (event instanceof OrderSubmitted s) {
            if (!s.held()) {
                submittedAt.put(s.clientOrderId(), s.time());
            }
        } else if (event instanceof OrderAccepted a) {
            Long submitted = submittedAt.remove(a.clientOrderId());
            if (submitted != null && a.time() >= submitted) {
                latency.record(a.time() - submitted, TimeUnit.NANOSECONDS);
            }
        } else if (event instanceof OrderFilled f) {
            fillCounters.computeIfAbsent(f.side().name().toLowerCase(java.util.Locale.ROOT),
                    side -> Counter.builder("amcp.fills").description("Fills received").tag("side", side)
                            .register(registry)).increment();
        }
        if (order != null && order.status().isTerminal()) {
            submittedAt.remove(event.clientOrderId());
        }
    }

    /** The status label an event counts under: the status it leads to. */
    static String status(OrderEvent event, OrderView order) {
        OrderStatus s;
        if (event instanceof OrderSubmitted sub) {
            s = sub.held() ? OrderStatus.HELD : OrderStatus.NEW;
        } else if (event instanceof OrderDenied) {
            return "denied";
        } else if (event instanceof OrderAccepted) {
            s = OrderStatus.ACCEPTED;
        } else if (event instanceof OrderRejected) {
            s = OrderStatus.REJECTED;
        } else if (event instanceof OrderFilled) {
            s = order != null && order.status() == OrderStatus.PARTIALLY_FILLED ? OrderStatus.PARTIALLY_FILLED
                    : OrderStatus.FILLED;
        } else if (event instanceof OrderPendingCancel) {
            s = OrderStatus.PENDING_CANCEL;
        } else if (event instanceof OrderCanceled) {
            s = OrderStatus.CANCELED;
        } else if (event instanceof OrderExpired) {
            s = OrderStatus.EXPIRED;
        } else if (event instanceof OrderReplaced) {
            s = OrderStatus.REPLACED;
        } else if (event instanceof OrderTriggered) {
            return "triggered";
        } else {
            return "other";
        }
        return s.name().toLowerCase(java.util.Locale.ROOT);
    }

    private Counter orderCounter(String status) {
        return orderCounters.computeIfAbsent(status, s -> Counter.builder("amcp.orders")
                .description("Order events by the status they lead to (rate() gives orders per second)")
                .tag("status", s).register(registry));
    }

    @Override
    public void onBar(Bar bar) {
        seen(bar.instrument(), bar.time());
    }

    @Override
    public void onQuote(Quote quote) {
        seen(quote.instrument(), quote.time());
    }

    @Override
    public void onTrade(TradeTick trade) {
        seen(trade.instrument(), trade.time());
    }

    private void seen(InstrumentId instrument, long time) {
        AtomicLong last = lastBar.get(instrument);
        if (last == null) {
            AtomicLong created = new AtomicLong(time);
            last = lastBar.putIfAbsent(instrument, created);
            if (last == null) {
                Gauge.builder("amcp.data.age", created, t -> (clock.nanos() - t.get()) / 1e9)
                        .description("Time since the last market data of an instrument (platform clock)")
                        .baseUnit("seconds").tag("instrument", instrument.value()).register(registry);
                return;
            }
        }
        last.accumulateAndGet(time, Math::max);
    }

    /** Seconds since the last market data per instrument, by the platform clock. */
    public Map<InstrumentId, Double> dataAges() {
        long now = clock.nanos();
        Map<InstrumentId, Double> ages = new java.util.TreeMap<>();
        lastBar.forEach((id, t) -> ages.put(id, (now - t.get()) / 1e9));
        return ages;
    }

    @Override
    public Map<InstrumentId, java.time.Instant> lastDataTimes() {
        Map<InstrumentId, java.time.Instant> times = new java.util.TreeMap<>();
        lastBar.forEach((id, t) -> times.put(id, Clock.toInstant(t.get())));
        return times;
    }

    /**
     * Reads account, kill switch, positions and orders through the node (each read is answered on
     * the kernel thread) and times the account read. Call from a scheduler thread, never the kernel's.
     */
    public Probe probe() {
        Probe p;
        try {
            long start = System.nanoTime();
            AccountView account = node.account();
            long roundTrip = System.nanoTime() - start;
            long working = node.orders().stream().filter(o -> o.status().isWorking()).count();
            p = new Probe(true, roundTrip, account, node.killSwitch().isEngaged(), node.positions().size(), working, "");
        } catch (RuntimeException e) {
            Probe before = lastProbe.get();
            p = new Probe(false, before.roundTripNanos(), before.account(), before.killSwitchEngaged(), before.positions(),
                    before.workingOrders(), e.toString());
        }
        lastProbe.set(p);
        return p;
    }

    /** The last probe's result. */
    public Probe lastProbe() {
        return lastProbe.get();
    }
}
