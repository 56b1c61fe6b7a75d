package io.amcp.core;

import io.amcp.api.execution.AlgoStatus;
import io.amcp.api.execution.ExecutionAlgorithm;
import io.amcp.api.execution.ParentOrder;
import io.amcp.api.model.Bar;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.MarketData;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quote;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.model.TradeTick;
import io.amcp.api.order.OrderClass;
import io.amcp.api.order.OrderDenied;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.OrderRejected;
import io.amcp.api.order.OrderReplaced;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderSubmitted;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.portfolio.PositionView;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.KernelMetrics;
import io.amcp.api.spi.KillSwitch;
import io.amcp.api.spi.KillSwitchListener;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.api.spi.OrderFence;
import io.amcp.api.spi.RiskContext;
import io.amcp.api.spi.RiskDecision;
import io.amcp.api.spi.RiskRule;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyOwnershipGate;
import io.amcp.api.spi.TimerHandle;
import io.amcp.api.spi.TradingNode;
import io.amcp.core.journal.Journal;
import io.amcp.core.journal.JournalEntry;
import io.amcp.core.ledger.Ledger;
import io.amcp.core.oms.IllegalOrderTransitionException;
import io.amcp.core.oms.OrderManager;
import io.amcp.core.risk.KillSwitchRule;
import io.amcp.core.risk.RiskChain;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-threaded trading kernel: one event loop that owns the OMS, the ledger, the risk chain
 * and the strategies, so none of them needs a lock. Other threads only {@link #post} events (market
 * data, broker events, commands) into its inbound queue.
 *
 * <p>Per bar, in this order: day roll; every market-data sink (the paper exchange fills working
 * orders on this bar); the resulting order events are applied; the ledger marks the bar's close;
 * subscribed strategies see the bar; orders they submit are checked, journaled and routed at once
 * and so can fill on the next bar at the earliest.
 *
 * <p>Two ways to drive it: {@link #start()} runs the loop on its own thread (paper and live
 * trading); a backtest calls {@link #processBar(Bar)} from its own thread, which then is the kernel
 * thread, with a {@link SimulatedClock}.
 */
public final class Kernel implements TradingNode {

    private static final Logger LOG = LoggerFactory.getLogger(Kernel.class);
    private static final ZoneId EXCHANGE_ZONE = ZoneId.of("America/New_York");
    private static final StrategySlot[] NO_SUBSCRIBERS = new StrategySlot[0];
    private static final int POSTED_SLOTS = 4096;
    /** The epoch handed to the fence for a strategy this node does not own: no lease has it, so it is refused. */
    private static final long NOT_OWNED = -1;

    private final Clock clock;
    private final SimulatedClock simulatedClock;
    private final Journal journal;
    private final boolean journaling;
    private final OrderManager oms = new OrderManager();
    /** Client order ids whose orders a journal compaction forgot; they stay used (see {@link #isUsed}). */
    private final Set<ClientOrderId> retired = new HashSet<>();
    private final Ledger ledger;
    private final RiskChain riskChain = new RiskChain();
    private final KillSwitchState killSwitch = new KillSwitchState();
    private final ExecutionRouter router = new ExecutionRouter();
    // copy-on-write arrays: iterated for every event without allocating, changed rarely from any thread
    private volatile MarketDataSink[] marketSinks = new MarketDataSink[0];
    private volatile KernelListener[] listeners = new KernelListener[0];
    private final Map<InstrumentId, Instrument> instruments = new HashMap<>();
    private final Map<StrategyId, StrategySlot> strategies = new LinkedHashMap<>();
    private final Map<InstrumentId, StrategySlot[]> subscribers = new HashMap<>();
    private InstrumentId lastSubscribed;
    private StrategySlot[] lastSubscribers = NO_SUBSCRIBERS;
    private final Map<String, ExecutionAlgorithm> algorithms = new ConcurrentHashMap<>();
    private final Map<ClientOrderId, AlgoRun> algoRuns = new LinkedHashMap<>();
    private final Map<ClientOrderId, AlgoRun> childRuns = new HashMap<>();
    private final Map<InstrumentId, List<AlgoRun>> activeAlgos = new HashMap<>();
    private final Map<StrategyId, Ledger> books = new HashMap<>();
    private final ArrayDeque<Object> pending = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<Object> inbound = new ConcurrentLinkedQueue<>();
    /**
     * Inbound events ever posted, and taken by the loop: their difference is the queue's depth (counted
     * beside it, since its size() walks the whole queue), in posting order.
     */
    private final AtomicLong inboundPosted = new AtomicLong();
    private volatile long inboundTaken;
    /**
     * When each waiting inbound event was posted (System.nanoTime), by posting sequence modulo the
     * array's length; the loop clears a slot when it takes the event. With more events waiting than
     * slots, newer ones overwrite the oldest slots and the lag reads low, never high.
     */
    private final AtomicLongArray postedAt = new AtomicLongArray(POSTED_SLOTS);
    private volatile long eventsProcessed;
    private final LoopMetrics metrics = new LoopMetrics();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final RiskView riskView = new RiskView();
    /** Cluster strategy ownership, if bound; null: every strategy is local. */
    private volatile StrategyOwnershipGate ownership;
    /** What this kernel registered on {@link #ownership}'s gate; null once unbound. */
    private volatile StrategyOwnershipGate.Listener ownershipListener;
    /** The route in front of each venue added (the venue itself, or the fence in front of it). */
    private final Map<BrokerConnector, BrokerConnector> routes = new ConcurrentHashMap<>();
    /**
     * Strategies whose ownership was lost, marked at once on the ownership thread: they get no more
     * market data even while their stop waits behind queued events.
     */
    private final Set<StrategyId> revoked = ConcurrentHashMap.newKeySet();
    /** Strategies this node owns now, with the epochs their instances were started under. */
    private final Map<StrategyId, Long> ownedEpochs = new ConcurrentHashMap<>();
    /** Strategies registered with the gate: their orders, cancels and replaces go through the fence. */
    private final Set<StrategyId> clustered = ConcurrentHashMap.newKeySet();
    /** Orders recovered on a gain that came before the strategy was added (kernel thread). */
    private final Map<StrategyId, List<SubmitOrder>> recoveredOnGain = new HashMap<>();

    private volatile Thread kernelThread;
    private volatile boolean running;
    private Thread watchdogThread;
    /** Strategy callbacks are watched for blocking only when the kernel runs its own thread. */
    private boolean watched;
    private volatile long blockLimitNanos = TimeUnit.SECONDS.toNanos(5);
    private volatile boolean cancelOrdersOfHaltedStrategies = true;
    private volatile int swapHoldLimit = 1_000_000;
    private volatile Function<Class<?>, String> versionLookup = type -> "";
    /**
     * The callback running now: a token (its sequence number, 0 when none, -1 once the watchdog has
     * retired the thread running it) and since when. The kernel thread and the watchdog race for it
     * with a CAS, so exactly one of them decides whether a slow callback finished or was abandoned.
     */
    private final AtomicLong callbackToken = new AtomicLong();
    private volatile long callbackSince;
    private volatile StrategySlot callbackSlot;
    private volatile String callbackWhat;
    private long callbackSequence;
    /** Market-data dispatch in progress: a thread that takes over after a block resumes it. */
    private MarketData dispatching;
    private StrategySlot[] dispatchSubscribers = NO_SUBSCRIBERS;
    private int dispatchIndex;
    private long nextDayStart = Long.MIN_VALUE;
    private long timerSequence;
    private long errors;

    /**
     * @param clock       the kernel clock; a {@link SimulatedClock} is advanced to each event's time
     * @param journal     where state changes are recorded ({@link Journal#NONE} in backtests)
     * @param initialCash starting cash
     * @param leverage    buying power as a multiple of equity
     */
    public Kernel(Clock clock, Journal journal, Money initialCash, double leverage) {
        this.clock = clock;
        this.simulatedClock = clock instanceof SimulatedClock s ? s : null;
        this.journal = journal;
        this.journaling = journal != Journal.NONE;
        this.ledger = new Ledger(initialCash, leverage);
        this.riskChain.add(new KillSwitchRule());
    }

    // ------------------------------------------------------------------ wiring

    public Clock clock() {
        return clock;
    }

    public RiskChain riskChain() {
        return riskChain;
    }

    public void addRiskRule(RiskRule rule) {
        riskChain.add(rule);
    }

    public void removeRiskRule(RiskRule rule) {
        riskChain.remove(rule);
    }

    /**
     * Adds a venue; the first one added is the default route. Its events flow back into this kernel.
     * Orders the OMS holds open (after a restart) are reconciled with it at once.
     */
    public void addBroker(BrokerConnector broker) {
        StrategyOwnershipGate gate = ownership;
        BrokerConnector route = gate == null ? broker : new GatedRoute(broker, gate.fence(broker));
        routes.put(broker, route);
        router.add(route);
        route.connect(this::post);
        execute(() -> reconcile(route));
    }

    /**
     * Reconciles the open orders (as recovered from the journal) with a venue by client order id: the
     * venue re-sends what happened to them while this node was down (applied unless redundant), and
     * orders it never received are sent now if they had not been acknowledged (a crash between the
     * journal and the send); an acknowledged order the venue does not know is reported and rejected.
     * Nothing is ever sent twice: the venue refuses a client order id it has seen.
     */
    private void reconcile(BrokerConnector broker) {
        List<OrderView> open = oms.open(null);
        if (open.isEmpty()) {
            return;
        }
        List<ClientOrderId> ids = open.stream().map(OrderView::clientOrderId).toList();
        Set<ClientOrderId> unknown = broker.resend(ids);
        int resent = 0;
        for (OrderView o : open) {
            if (!unknown.contains(o.clientOrderId())) {
                continue;
            }
            if (o.parentClientOrderId() != null && unknown.contains(o.parentClientOrderId())) {
                continue; // a bracket/OTO leg travels with its entry
            }
            if (o.status() == OrderStatus.NEW) {
                router.submit(o.request());
                resent++;
            } else {
                reportError("reconciliation: venue " + broker.id() + " has no record of " + o.clientOrderId()
                        + " (" + o.status() + ")", null);
                post(new OrderRejected(o.clientOrderId(), "venue " + broker.id() + " has no record of the order after a restart",
                        clock.nanos()));
            }
        }
        LOG.info("reconciled {} open orders with {}: {} unknown to it, {} sent", open.size(), broker.id(), unknown.size(),
                resent);
    }

    /** Removes a venue added by {@link #addBroker} and disconnects its route (its fence, under cluster ownership). */
    public void removeBroker(BrokerConnector broker) {
        BrokerConnector route = routes.remove(broker);
        router.remove(route == null ? broker : route);
        (route == null ? broker : route).disconnect();
    }

    // ------------------------------------------------------------------ cluster ownership

    /**
     * Runs strategies under cluster ownership (call once, before brokers and strategies are added):
     * a strategy added to this kernel waits in standby until this node owns it; on a gain the kernel
     * recovers its orders from the cluster and the venue and starts it; on a loss it stops it at once
     * and leaves its orders to the new owner. Orders of owned strategies take the gate's ids and go out
     * through its fence.
     */
    public void bindOwnership(StrategyOwnershipGate gate) {
        if (this.ownership != null) {
            throw new IllegalStateException("ownership: a gate is already bound");
        }
        this.ownership = Objects.requireNonNull(gate, "gate");
        StrategyOwnershipGate.Listener listener = new StrategyOwnershipGate.Listener() {
            @Override
            public void gained(StrategyId strategy, long epoch) {
                revoked.remove(strategy);
                List<SubmitOrder> orders;
                try {
                    orders = gate.recover(strategy, epoch);
                } catch (IllegalStateException e) {
                    LOG.warn("strategy {} gained at epoch {} but not recovered ({}); it stays in standby", strategy,
                            epoch, e.getMessage());
                    return;
                }
                execute(() -> ownershipGained(strategy, epoch, orders));
            }

            @Override
            public void lost(StrategyId strategy, long epoch, String reason) {
                revoked.add(strategy);
                execute(() -> ownershipLost(strategy, epoch, reason));
            }
        };
        this.ownershipListener = listener;
        gate.addListener(listener);
    }

    /**
     * Stops following the gate bound by {@link #bindOwnership} (the gate is going away): its listener is
     * removed, and every strategy this node owns is stopped as on a loss, since no loss would be heard
     * any more. The kernel stays under cluster ownership, owning nothing: strategies wait in standby and
     * their orders are refused by the fences.
     */
    public void unbindOwnership() {
        StrategyOwnershipGate gate = ownership;
        StrategyOwnershipGate.Listener listener = ownershipListener;
        if (gate == null || listener == null) {
            return;
        }
        ownershipListener = null;
        gate.removeListener(listener);
        Map<StrategyId, Long> owned = Map.copyOf(ownedEpochs);
        revoked.addAll(owned.keySet());
        execute(() -> owned.forEach((strategy, epoch) -> ownershipLost(strategy, epoch, "ownership gate unbound")));
    }

    /**
     * Whether this node still owns {@code strategy} at the epoch its instance was started under: after a
     * quick loss and regain the gate's epoch is newer, and the old instance must not send before the
     * regain has recovered and restarted it.
     */
    private boolean ownedAtStartEpoch(StrategyId strategy, StrategyOwnershipGate gate) {
        Long started = ownedEpochs.get(strategy);
        OptionalLong current = gate.epoch(strategy);
        return started != null && current.isPresent() && current.getAsLong() == started;
    }

    /** Whether a strategy's ownership was lost and its stop is still on its way (any thread). */
    boolean ownershipRevoked(StrategyId strategy) {
        return ownership != null && revoked.contains(strategy);
    }

    /** The client order id of a strategy's {@code sequence}-th order: the gate's scheme, or {@code <id>-<n>}. */
    ClientOrderId strategyOrderId(StrategyId strategy, long sequence) {
        StrategyOwnershipGate gate = ownership;
        return gate == null ? ClientOrderId.of(strategy.value() + "-" + sequence) : gate.orderId(strategy, sequence);
    }

    private void ownershipGained(StrategyId strategy, long epoch, List<SubmitOrder> recovered) {
        StrategyOwnershipGate gate = ownership;
        if (gate.epoch(strategy).orElse(-1) != epoch) {
            LOG.info("strategy {}: gain at epoch {} is already stale", strategy, epoch);
            return;
        }
        ownedEpochs.put(strategy, epoch);
        StrategySlot slot = strategies.get(strategy);
        if (slot == null) {
            recoveredOnGain.put(strategy, recovered);
            return;
        }
        activate(slot, epoch, recovered);
    }

    /**
     * Rebuilds a gained strategy's orders and positions, then starts it: orders the cluster knows and
     * this OMS does not are recorded, every open order of the strategy is reconciled with the venues
     * (which re-send their accepts and fills), and orders no venue ever received are rejected here
     * (the former owner never sent them; the strategy decides afresh).
     */
    private void activate(StrategySlot slot, long epoch, List<SubmitOrder> recovered) {
        StrategyId strategy = slot.strategyId();
        StrategyOwnershipGate gate = ownership;
        long now = clock.nanos();
        long lastSequence = 0;
        for (SubmitOrder o : recovered) {
            lastSequence = Math.max(lastSequence, gate.sequenceOf(o.clientOrderId()));
            if (!oms.contains(o.clientOrderId())) {
                record(new OrderSubmitted(o.clientOrderId(), strategy, o, null, false, now));
            }
        }
        for (OrderView o : oms.all()) {
            if (strategy.equals(o.strategyId())) {
                lastSequence = Math.max(lastSequence, gate.sequenceOf(o.clientOrderId()));
            }
        }
        List<ClientOrderId> open = oms.open(strategy).stream().map(OrderView::clientOrderId).toList();
        if (!open.isEmpty()) {
            Set<ClientOrderId> unknown = new HashSet<>(open);
            for (BrokerConnector route : routes.values()) {
                unknown.retainAll(route.resend(open));
            }
            drainPending();
            if (routes.isEmpty()) {
                unknown.clear();
            }
            for (ClientOrderId id : unknown) {
                if (oms.status(id) == OrderStatus.NEW) {
                    onOrderEvent(new OrderRejected(id, "no venue received it before ownership moved", now));
                }
            }
        }
        slot.activate(lastSequence);
        LOG.info("strategy {} owned at epoch {}: {} orders recovered, {} open, started", strategy, epoch,
                recovered.size(), open.size());
    }

    private void ownershipLost(StrategyId strategy, long epoch, String reason) {
        Long owned = ownedEpochs.get(strategy);
        if (owned == null || owned != epoch) {
            return;
        }
        ownedEpochs.remove(strategy);
        recoveredOnGain.remove(strategy);
        StrategySlot slot = strategies.get(strategy);
        if (slot != null) {
            slot.standby("ownership lost at epoch " + epoch + ": " + reason);
            LOG.warn("strategy {} stopped: ownership lost at epoch {} ({}); its orders are left to the new owner",
                    strategy, epoch, reason);
        }
    }

    /** Adds a sink that sees market data before the strategies (the paper exchange's matching). */
    public synchronized void addMarketDataSink(MarketDataSink sink) {
        marketSinks = appended(marketSinks, Objects.requireNonNull(sink, "sink"));
    }

    public synchronized void removeMarketDataSink(MarketDataSink sink) {
        marketSinks = without(marketSinks, sink);
    }

    public synchronized void addListener(KernelListener listener) {
        listeners = appended(listeners, Objects.requireNonNull(listener, "listener"));
    }

    public synchronized void removeListener(KernelListener listener) {
        listeners = without(listeners, listener);
    }

    private static <T> T[] appended(T[] array, T element) {
        T[] grown = Arrays.copyOf(array, array.length + 1);
        grown[array.length] = element;
        return grown;
    }

    private static <T> T[] without(T[] array, T element) {
        return Arrays.stream(array).filter(e -> e != element)
                .toArray(n -> Arrays.copyOf(array, n));
    }

    /** Describes an instrument (asset class, multiplier); unknown instruments are inferred from the symbol. */
    public void registerInstrument(Instrument instrument) {
        execute(() -> {
            instruments.put(instrument.id(), instrument);
            ledger.setMultiplier(instrument.id(), instrument.multiplier());
        });
    }

    public Instrument instrument(InstrumentId id) {
        Instrument i = instruments.get(id);
        return i != null ? i : Instrument.infer(id);
    }

    /** The account ledger; read it only on the kernel thread. */
    public Ledger ledger() {
        return ledger;
    }

    /** The OMS book; read it only on the kernel thread. */
    public OrderManager orderManager() {
        return oms;
    }

    // ------------------------------------------------------------------ recovery

    /**
     * Rebuilds OMS, ledger and kill-switch state from the journal. Call once, before trading starts.
     *
     * @return the number of entries replayed
     */
    public int recover() {
        int[] count = {0};
        boolean[] inSnapshot = {false};
        journal.replay(entry -> {
            count[0]++;
            if (entry instanceof OrderEvent e && inSnapshot[0]) {
                applySnapshotOrderEvent(e);
            } else if (entry instanceof OrderEvent e) {
                applyOrderEvent(e);
            } else if (entry instanceof JournalEntry.SnapshotStarted s) {
                inSnapshot[0] = true;
                advanceClock(s.time());
                nextDayStart = s.lastDayStarted() == Long.MIN_VALUE ? Long.MIN_VALUE : nextExchangeMidnight(s.lastDayStarted());
            } else if (entry instanceof JournalEntry.LedgerSnapshot l) {
                (l.book() == null ? ledger : bookOf(l.book())).restore(l.state());
            } else if (entry instanceof JournalEntry.RetiredOrder r) {
                retired.add(r.clientOrderId());
            } else if (entry instanceof JournalEntry.SnapshotEnded) {
                inSnapshot[0] = false;
            } else if (entry instanceof JournalEntry.Mark m) {
                ledger.mark(m.instrument(), m.priceRaw());
                advanceClock(m.time());
            } else if (entry instanceof JournalEntry.DayStarted d) {
                ledger.startDay();
                nextDayStart = nextExchangeMidnight(d.time());
            } else if (entry instanceof JournalEntry.KillSwitchChanged k) {
                killSwitch.set(k.engaged(), k.reason());
            }
        });
        return count[0];
    }

    /** An order event inside a snapshot: the order book only, since the ledger snapshots hold its fills. */
    private void applySnapshotOrderEvent(OrderEvent event) {
        try {
            oms.apply(event);
        } catch (IllegalOrderTransitionException e) {
            reportError("journal snapshot: " + e.getMessage(), null);
        }
    }

    /**
     * What a journal compaction did.
     *
     * @param entriesBefore entries in the journal before
     * @param entriesAfter  entries in it after (the snapshot)
     * @param ordersKept    orders whose events the snapshot keeps (open ones, and those whose last event
     *                      is at or after the horizon, with their linked orders)
     * @param ordersDropped terminal orders whose last event came before the horizon, which it leaves out
     */
    public record Compaction(int entriesBefore, int entriesAfter, int ordersKept, int ordersDropped) {
    }

    /**
     * Compacts the journal keeping the orders of the current exchange day: {@link #compactJournal(long)}
     * with the New York midnight that began the kernel clock's today.
     *
     * @throws UnsupportedOperationException if the journal cannot be compacted (e.g. {@link Journal#NONE})
     */
    public Compaction compactJournal() {
        return call(() -> compactOnKernelThread(exchangeMidnight(clock.nanos())), 5, TimeUnit.MINUTES);
    }

    /**
     * Compacts the journal (the daily maintenance job calls this): replaces it, atomically, with a
     * snapshot from which {@link #recover} rebuilds the same state: the events of every open order
     * and of every order whose last event time is at or after {@code keepSinceNanos} (with the orders
     * they are linked to as bracket or OCO legs or replacements), the account ledger and every
     * strategy's book, and the kill switch if engaged. Orders are judged by their events' times, not by
     * where the events stand in the journal, so an order that ended after the horizon but before the
     * day's first market data is kept. Runs on the kernel thread, so no entry is appended while it
     * works; the other terminal orders are forgotten (their fills live on in the ledger snapshot, their
     * ids stay used).
     *
     * @param keepSinceNanos the horizon: terminal orders whose last event is earlier are dropped
     * @throws UnsupportedOperationException if the journal cannot be compacted (e.g. {@link Journal#NONE})
     */
    public Compaction compactJournal(long keepSinceNanos) {
        // the journal is read back and rewritten while the loop waits: allow for a large one
        return call(() -> compactOnKernelThread(keepSinceNanos), 5, TimeUnit.MINUTES);
    }

    private Compaction compactOnKernelThread(long keepSinceNanos) {
        List<Object> entries = journal.entries();
        long lastDayTime = Long.MIN_VALUE;
        Map<ClientOrderId, Long> lastEvent = new HashMap<>();
        Map<ClientOrderId, Set<ClientOrderId>> links = new HashMap<>();
        for (Object entry : entries) {
            if (entry instanceof JournalEntry.DayStarted d) {
                lastDayTime = d.time();
            } else if (entry instanceof JournalEntry.SnapshotStarted s && s.lastDayStarted() != Long.MIN_VALUE) {
                lastDayTime = s.lastDayStarted();
            } else if (entry instanceof OrderEvent e) {
                lastEvent.merge(e.clientOrderId(), e.time(), Math::max);
                if (e instanceof OrderSubmitted sub && sub.parentClientOrderId() != null) {
                    link(links, sub.clientOrderId(), sub.parentClientOrderId());
                } else if (e instanceof OrderReplaced r) {
                    link(links, r.clientOrderId(), r.replacement());
                }
            }
        }
        Set<ClientOrderId> kept = new HashSet<>();
        ArrayDeque<ClientOrderId> toVisit = new ArrayDeque<>();
        for (Map.Entry<ClientOrderId, Long> e : lastEvent.entrySet()) {
            OrderStatus status = oms.status(e.getKey());
            if (status == null || !status.isTerminal() || e.getValue() >= keepSinceNanos) {
                toVisit.add(e.getKey());
            }
        }
        while (!toVisit.isEmpty()) {
            ClientOrderId id = toVisit.poll();
            if (kept.add(id)) {
                toVisit.addAll(links.getOrDefault(id, Set.of()));
            }
        }
        for (ClientOrderId id : lastEvent.keySet()) {
            if (!kept.contains(id)) {
                retired.add(id);
            }
        }
        long now = clock.nanos();
        List<Object> snapshot = new ArrayList<>();
        snapshot.add(new JournalEntry.SnapshotStarted(now, lastDayTime));
        for (Object entry : entries) {
            if (entry instanceof OrderEvent e && kept.contains(e.clientOrderId())) {
                snapshot.add(entry);
            }
        }
        for (ClientOrderId id : new TreeSet<>(retired)) {
            snapshot.add(new JournalEntry.RetiredOrder(id));
        }
        snapshot.add(new JournalEntry.LedgerSnapshot(null, ledger.state()));
        for (Map.Entry<StrategyId, Ledger> book : new TreeMap<>(books).entrySet()) {
            snapshot.add(new JournalEntry.LedgerSnapshot(book.getKey(), book.getValue().state()));
        }
        if (killSwitch.isEngaged()) {
            snapshot.add(new JournalEntry.KillSwitchChanged(true, killSwitch.reason(), now));
        }
        snapshot.add(new JournalEntry.SnapshotEnded(now));
        journal.rewrite(snapshot);
        Compaction done = new Compaction(entries.size(), snapshot.size(), kept.size(), lastEvent.size() - kept.size());
        LOG.info("journal compacted: {}", done);
        return done;
    }

    private static void link(Map<ClientOrderId, Set<ClientOrderId>> links, ClientOrderId a, ClientOrderId b) {
        links.computeIfAbsent(a, k -> new HashSet<>()).add(b);
        links.computeIfAbsent(b, k -> new HashSet<>()).add(a);
    }

    // ------------------------------------------------------------------ event loop

    /** Starts the kernel thread (paper and live trading). */
    public synchronized void start(String name) {
        if (running) {
            return;
        }
        running = true;
        watched = true;
        Thread t = new Thread(this::loop, name);
        t.setDaemon(true);
        kernelThread = t;
        t.start();
        Thread w = new Thread(this::watch, name + "-watchdog");
        w.setDaemon(true);
        watchdogThread = w;
        w.start();
    }

    /** Stops the kernel thread after the event being processed; waits up to 5 seconds. */
    public void stop() {
        Thread t;
        synchronized (this) {
            running = false;
            t = kernelThread;
        }
        if (t != null && t != Thread.currentThread()) {
            LockSupport.unpark(t);
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Thread w = watchdogThread;
        if (w != null) {
            w.interrupt();
        }
        kernelThread = null;
    }

    /** Posts an event (market data, order event or {@link Runnable} command) from any thread. */
    public void post(Object event) {
        Thread t = kernelThread;
        if (t == null || t == Thread.currentThread()) {
            pending.add(event);
            if (t == null) {
                drainPending();
            }
        } else {
            enqueue(event);
            LockSupport.unpark(t);
        }
    }

    /** Adds an event to the inbound queue, counting it and noting when it was posted. */
    private void enqueue(Object event) {
        long sequence = inboundPosted.getAndIncrement();
        postedAt.set((int) (sequence & (POSTED_SLOTS - 1)), System.nanoTime());
        inbound.add(event);
    }

    /** Takes the next inbound event, or null; kernel thread. */
    private Object takeInbound() {
        Object event = inbound.poll();
        if (event != null) {
            long taken = inboundTaken;
            postedAt.set((int) (taken & (POSTED_SLOTS - 1)), 0);
            inboundTaken = taken + 1;
        }
        return event;
    }

    /** The event loop's live figures (queue depth, lag, events processed), readable from any thread. */
    public KernelMetrics metrics() {
        return metrics;
    }

    /** Runs {@code task} on the kernel thread (now, if already on it or if no thread is running). */
    public void execute(Runnable task) {
        post(task);
    }

    /**
     * Runs {@code task} on the kernel thread and returns its result; waits up to 5 seconds. Used by
     * the shell, web and API threads to read consistent snapshots.
     */
    public <T> T call(Callable<T> task) {
        return call(task, 5, TimeUnit.SECONDS);
    }

    private <T> T call(Callable<T> task, long timeout, TimeUnit unit) {
        Thread t = kernelThread;
        if (t == null || t == Thread.currentThread()) {
            try {
                return task.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        FutureTask<T> future = new FutureTask<>(task);
        enqueue(future);
        LockSupport.unpark(t);
        try {
            return future.get(timeout, unit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the kernel", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("kernel call failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("kernel did not answer within " + unit.toMillis(timeout) + " ms", e);
        }
    }

    private void loop() {
        LOG.info("kernel started");
        try {
            runLoop();
        } catch (KernelThreadRetired retired) {
            LOG.warn("a blocked kernel thread returned after it was replaced; it ends without touching state");
        }
    }

    private void runLoop() {
        while (running && Thread.currentThread() == kernelThread) {
            Object event = takeInbound();
            if (event == null) {
                fireTimers(clock.nanos());
                long parkNanos = 10_000_000L;
                Timer next = timers.peek();
                if (next != null && simulatedClock == null) {
                    parkNanos = Math.max(1_000L, Math.min(parkNanos, next.time - clock.nanos()));
                }
                LockSupport.parkNanos(this, parkNanos);
                continue;
            }
            try {
                dispatch(event);
                drainPending();
            } catch (RuntimeException e) {
                reportError("kernel event " + event + " failed: " + e, e);
            } finally {
                eventsProcessed++;
            }
        }
        LOG.info("kernel stopped");
    }

    /**
     * Processes one bar synchronously on the calling thread: the backtest replay path. The clock (a
     * {@link SimulatedClock}) is advanced to the bar's time and due timers fire first.
     */
    public void processBar(Bar bar) {
        advanceClock(bar.time());
        if (!timers.isEmpty()) {
            fireTimers(bar.time());
        }
        onBar(bar);
        if (!pending.isEmpty()) {
            drainPending();
        }
        eventsProcessed++;
    }

    private void drainPending() {
        Object next;
        while ((next = pending.poll()) != null) {
            dispatch(next);
        }
    }

    private void dispatch(Object event) {
        if (event instanceof Bar bar) {
            advanceClock(bar.time());
            onBar(bar);
        } else if (event instanceof Notification n) {
            n.slot.deliver(n.event);
        } else if (event instanceof OrderEvent e) {
            onOrderEvent(e);
        } else if (event instanceof Quote q) {
            advanceClock(q.time());
            onQuote(q);
        } else if (event instanceof TradeTick t) {
            advanceClock(t.time());
            onTrade(t);
        } else if (event instanceof Runnable r) {
            r.run();
        } else {
            throw new IllegalArgumentException("unknown kernel event " + event);
        }
    }

    private void advanceClock(long time) {
        if (simulatedClock != null) {
            simulatedClock.advanceTo(time);
        }
    }

    private void rollDay(long time) {
        if (time >= nextDayStart) {
            nextDayStart = nextExchangeMidnight(time);
            ledger.startDay();
            if (journaling) {
                journal.append(new JournalEntry.DayStarted(time));
            }
        }
    }

    private static long nextExchangeMidnight(long time) {
        return exchangeMidnight(time, 1);
    }

    /** The exchange (New York) midnight that began the day of {@code time}. */
    private static long exchangeMidnight(long time) {
        return exchangeMidnight(time, 0);
    }

    private static long exchangeMidnight(long time, int daysLater) {
        LocalDate day = Clock.toInstant(time).atZone(EXCHANGE_ZONE).toLocalDate();
        return Clock.toNanos(day.plusDays(daysLater).atStartOfDay(EXCHANGE_ZONE).toInstant());
    }

    private void onBar(Bar bar) {
        onMarketData(bar, bar.close());
    }

    private void onQuote(Quote quote) {
        onMarketData(quote, quote.mid());
    }

    private void onTrade(TradeTick trade) {
        onMarketData(trade, trade.price());
    }

    /**
     * One market event, in order: day roll; the algorithms' market record; every market-data sink
     * (the paper exchange fills working orders here) and the order events that result; the ledger
     * mark; monitoring risk rules; the strategies; the algorithms.
     */
    private void onMarketData(MarketData event, long markPriceRaw) {
        rollDay(event.time());
        if (!activeAlgos.isEmpty()) {
            observeForAlgos(event);
        }
        for (MarketDataSink sink : marketSinks) {
            if (event instanceof Bar bar) {
                sink.onBar(bar);
            } else if (event instanceof Quote quote) {
                sink.onQuote(quote);
            } else if (event instanceof TradeTick trade) {
                sink.onTrade(trade);
            }
        }
        if (!pending.isEmpty()) {
            drainPending();
        }
        ledger.mark(event.instrument(), markPriceRaw);
        if (journaling && event instanceof Bar) {
            journal.append(new JournalEntry.Mark(event.instrument(), markPriceRaw, event.time()));
        }
        if (riskChain.hasMonitors()) {
            monitorRisk();
        }
        deliverMarketData(event, subscribersOf(event.instrument()), 0);
        if (!activeAlgos.isEmpty()) {
            feedAlgos(event);
        }
    }

    /**
     * Hands an event to subscribed strategies from index {@code from} on, then (for bars) to the
     * listeners. Resumable: a thread that takes over from a blocked one finishes the same event.
     */
    private void deliverMarketData(MarketData event, StrategySlot[] subs, int from) {
        if (watched) {
            dispatching = event;
            dispatchSubscribers = subs;
        }
        for (int i = from; i < subs.length; i++) {
            dispatchIndex = i;
            subs[i].onMarketData(event);
        }
        dispatching = null;
        if (event instanceof Bar bar) {
            for (KernelListener l : listeners) {
                l.onBarProcessed(bar);
            }
        }
    }

    private void monitorRisk() {
        riskChain.monitor(riskView, (rule, e) -> reportError("risk rule " + rule.name() + " failed while monitoring: " + e, e));
    }

    /**
     * Stop trading (a STOP limit breached): cancel every working order, flatten every position with
     * market orders owned by {@code risk} (the risk desk's liquidation, not subject to the chain), then
     * engage the kill switch. Kernel thread.
     */
    private void stopTrading(String reason) {
        for (OrderView o : oms.open(null)) {
            if (o.status() != OrderStatus.PENDING_CANCEL && o.status() != OrderStatus.HELD) {
                cancelOrder(o.clientOrderId());
            }
        }
        long now = clock.nanos();
        for (PositionView p : ledger.openPositions()) {
            Side side = p.quantity().isPositive() ? Side.SELL : Side.BUY;
            SubmitOrder close = SubmitOrder.market(p.instrument(), side, p.quantity().abs())
                    .withClientOrderId(newClientOrderId("risk-flatten"));
            OrderSubmitted submitted = new OrderSubmitted(close.clientOrderId(), KillSwitchRule.RISK_OWNER, close, null,
                    false, now);
            record(submitted);
            router.submit(close);
        }
        killSwitch.engage(reason);
    }

    private void riskAlert(String rule, String message) {
        LOG.warn("risk limit {}: {}", rule, message);
        for (KernelListener l : listeners) {
            l.onRiskAlert(rule, message);
        }
    }

    // ------------------------------------------------------------------ orders

    private void onOrderEvent(OrderEvent event) {
        if (!oms.contains(event.clientOrderId())) {
            reportError("order event for unknown order " + event.clientOrderId() + ": " + event, null);
            return;
        }
        if (oms.isRedundant(event)) {
            return; // a venue re-sending what the OMS already has (reconciliation): neither journaled nor applied
        }
        if (journaling) {
            journal.append(event);
        }
        if (!applyOrderEvent(event)) {
            return;
        }
        notifyOwner(event);
    }

    /** Applies an event to OMS and ledger; false if it was refused or a duplicate. */
    private boolean applyOrderEvent(OrderEvent event) {
        try {
            if (oms.apply(event) == OrderManager.Outcome.DUPLICATE) {
                return false;
            }
        } catch (IllegalOrderTransitionException e) {
            reportError(e.getMessage(), null);
            return false;
        }
        if (event instanceof OrderFilled f) {
            ledger.applyFill(f.instrument(), f.side(), f.quantity().raw(), f.price().raw(), f.commission().raw());
            bookOf(oms.owner(f.clientOrderId())).applyFill(f.instrument(), f.side(), f.quantity().raw(),
                    f.price().raw(), f.commission().raw());
        }
        return true;
    }

    private void notifyOwner(OrderEvent event) {
        for (KernelListener l : listeners) {
            l.onOrderEvent(event);
        }
        AlgoRun run = childRuns.get(event.clientOrderId());
        if (run != null) {
            run.onChildEvent(event);
        }
        StrategySlot owner = strategies.get(oms.owner(event.clientOrderId()));
        if (owner != null) {
            owner.deliver(event);
        }
    }

    /**
     * Submits an order for a strategy (or {@code manual}): idempotency check, risk chain, journal,
     * OMS, route. Kernel thread only.
     */
    ClientOrderId submit(StrategyId strategy, SubmitOrder order, StrategySlot slot) {
        ClientOrderId id = order.clientOrderId();
        long now = clock.nanos();
        if (isUsed(id)) {
            OrderDenied denied = new OrderDenied(id, strategy, order, "duplicate-client-order-id",
                    "client order id " + id + " was already used; the order was not sent again", now);
            defer(slot, denied);
            return id;
        }
        StrategyOwnershipGate gate = ownership;
        if (gate != null && slot != null && !ownedAtStartEpoch(strategy, gate)) {
            // ownership gone (or lost and regained since this instance started), its stop still queued
            // behind this event: the fence would refuse it too
            OrderDenied denied = new OrderDenied(id, strategy, order, "ownership",
                    "this node no longer owns strategy " + strategy + " at the epoch it was started under", now);
            record(denied);
            defer(slot, denied);
            return id;
        }
        RiskDecision decision = riskChain.check(order, strategy, riskView);
        if (!decision.approved()) {
            OrderDenied denied = new OrderDenied(id, strategy, order, decision.rule(), decision.reason(), now);
            record(denied);
            defer(slot, denied);
            return id;
        }
        if (order.orderClass() == OrderClass.OCO) {
            submitLeg(order.takeProfitLeg(), strategy, id, false, now);
            submitLeg(order.stopLossLeg(), strategy, id, false, now);
        } else {
            OrderSubmitted submitted = new OrderSubmitted(id, strategy, order, null, false, now);
            record(submitted);
            defer(slot, submitted);
            if (order.takeProfit() != null) {
                submitLeg(order.takeProfitLeg(), strategy, id, true, now);
            }
            if (order.stopLoss() != null) {
                submitLeg(order.stopLossLeg(), strategy, id, true, now);
            }
        }
        router.submit(order);
        return id;
    }

    private void submitLeg(SubmitOrder leg, StrategyId strategy, ClientOrderId parent, boolean held, long now) {
        record(new OrderSubmitted(leg.clientOrderId(), strategy, leg, parent, held, now));
    }

    private void record(OrderEvent event) {
        if (journaling) {
            journal.append(event);
        }
        oms.apply(event);
        for (KernelListener l : listeners) {
            l.onOrderEvent(event);
        }
    }

    private void defer(StrategySlot slot, OrderEvent event) {
        if (slot != null) {
            pending.add(new Notification(slot, event));
        }
    }

    void cancelOrder(ClientOrderId id) {
        if (oms.status(id) == null || oms.status(id).isTerminal()) {
            reportError("cancel of " + id + " ignored: unknown or already final", null);
            return;
        }
        router.cancel(id);
    }

    void replaceOrder(ReplaceOrder replace) {
        if (oms.status(replace.clientOrderId()) == null || oms.status(replace.clientOrderId()).isTerminal()) {
            reportError("replace of " + replace.clientOrderId() + " ignored: unknown or already final", null);
            return;
        }
        router.replace(replace);
    }

    // ------------------------------------------------------------------ execution algorithms

    /** Makes an execution algorithm selectable by its name (OSGi services come and go). */
    public void addAlgorithm(ExecutionAlgorithm algorithm) {
        algorithms.put(algorithm.name(), algorithm);
    }

    public void removeAlgorithm(ExecutionAlgorithm algorithm) {
        algorithms.remove(algorithm.name(), algorithm);
    }

    /** Starts working a parent order (kernel thread); errors name the field at fault. */
    ClientOrderId startAlgo(StrategyId owner, ParentOrder parent, StrategySlot slot) {
        ExecutionAlgorithm algorithm = algorithms.get(parent.algorithm());
        if (algorithm == null) {
            throw new IllegalArgumentException("algorithm: unknown '" + parent.algorithm() + "'; known: "
                    + new TreeSet<>(algorithms.keySet()));
        }
        if (algoRuns.containsKey(parent.id()) || isUsed(parent.id())) {
            throw new IllegalArgumentException("client_order_id: " + parent.id() + " was already used");
        }
        long last = ledger.lastPriceRaw(parent.instrument());
        AlgoRun run = new AlgoRun(this, parent, owner, slot, last == 0 ? null : Price.ofRaw(last));
        run.start(algorithm.start(parent, run));
        algoRuns.put(parent.id(), run);
        if (run.isWorking()) {
            activeAlgos.computeIfAbsent(parent.instrument(), k -> new ArrayList<>()).add(run);
        }
        LOG.info("algo {} ({}) started for {}: {} {} {}", parent.id(), parent.algorithm(), owner, parent.side(),
                parent.quantity(), parent.instrument());
        return parent.id();
    }

    void submitChild(StrategyId owner, SubmitOrder child, StrategySlot slot, AlgoRun run) {
        childRuns.put(child.clientOrderId(), run);
        submit(owner, child, slot);
    }

    void algoEnded(AlgoRun run) {
        List<AlgoRun> runs = activeAlgos.get(run.parent().instrument());
        if (runs != null) {
            runs.remove(run);
            if (runs.isEmpty()) {
                activeAlgos.remove(run.parent().instrument());
            }
        }
    }

    private void observeForAlgos(MarketData event) {
        List<AlgoRun> runs = activeAlgos.get(event.instrument());
        if (runs != null) {
            for (AlgoRun run : runs) {
                run.observe(event);
            }
        }
    }

    private void feedAlgos(MarketData event) {
        List<AlgoRun> runs = activeAlgos.get(event.instrument());
        if (runs != null) {
            for (AlgoRun run : List.copyOf(runs)) {
                run.onMarketData(event);
            }
        }
    }

    OrderStatus orderStatus(ClientOrderId id) {
        return oms.status(id);
    }

    void cancelAlgoRun(ClientOrderId parent) {
        AlgoRun run = algoRuns.get(parent);
        if (run == null) {
            throw new IllegalArgumentException("parent: unknown algo order " + parent);
        }
        run.cancelByRequest();
    }

    AlgoStatus algoStatusOf(ClientOrderId parent) {
        AlgoRun run = algoRuns.get(parent);
        return run == null ? null : run.status();
    }

    @Override
    public ClientOrderId submitAlgo(StrategyId owner, ParentOrder parent) {
        return call(() -> startAlgo(owner, parent, strategies.get(owner)));
    }

    @Override
    public void cancelAlgo(ClientOrderId parent) {
        call(() -> {
            cancelAlgoRun(parent);
            return null;
        });
    }

    @Override
    public List<AlgoStatus> algos() {
        return call(() -> algoRuns.values().stream().map(AlgoRun::status).toList());
    }

    // ------------------------------------------------------------------ strategies

    /**
     * Adds a strategy instance (on the kernel thread). A new id starts a new slot. An id already
     * known is a new version: it replaces the current instance between two events (hot swap): the
     * last snapshot is restored into it, it starts, and it gets every event held since the old
     * instance left, so none is lost or seen twice; open orders and positions stay with the id.
     */
    public void addStrategy(Strategy strategy) {
        execute(() -> {
            StrategyId id = strategy.id();
            StrategySlot slot = strategies.get(id);
            if (slot == null) {
                slot = new StrategySlot(this, strategy, bookOf(id));
                strategies.put(id, slot);
                StrategyOwnershipGate gate = ownership;
                if (gate != null) {
                    slot.standbyFromTheStart();
                    List<SubmitOrder> recovered = recoveredOnGain.remove(id);
                    Long epoch = ownedEpochs.get(id);
                    if (recovered != null && epoch != null) {
                        activate(slot, epoch, recovered);
                    }
                    clustered.add(id);
                    gate.register(id);
                    LOG.info("strategy {} added under cluster ownership: {}", id, slot.state());
                    return;
                }
                slot.start();
                LOG.info("strategy {} started ({} {})", id, strategy.getClass().getName(),
                        versionOf(strategy.getClass()));
                return;
            }
            if (slot.strategy == strategy) {
                return;
            }
            slot.swapIn(strategy);
            LOG.info("strategy {} swapped to {} {}; state {}", id, strategy.getClass().getName(),
                    versionOf(strategy.getClass()), slot.state());
        });
    }

    /**
     * The instance's service went away (its bundle is being updated or removed, or its configuration
     * changed): snapshot it and hold its events until the next version arrives; after
     * {@link #swapHoldLimit()} held events without one it is STOPPED.
     */
    public void removeStrategy(Strategy strategy) {
        execute(() -> {
            StrategySlot slot = strategies.get(strategy.id());
            if (slot == null || slot.strategy != strategy) {
                return;
            }
            slot.beginSwap();
            LOG.info("strategy {} left ({}); holding its events for the next version", strategy.id(), slot.state());
        });
    }

    /** Pauses or resumes market-data delivery to a strategy. */
    public void setPaused(StrategyId id, boolean paused) {
        call(() -> {
            slotOf(id).setPaused(paused);
            return null;
        });
    }

    private StrategySlot slotOf(StrategyId id) {
        StrategySlot slot = strategies.get(id);
        if (slot == null) {
            throw new IllegalArgumentException("strategy: unknown id '" + id + "'; known: " + strategies.keySet());
        }
        return slot;
    }

    /** A strategy failed or was stopped: apply the halted-strategy order policy. Kernel thread. */
    void strategyHalted(StrategyId id) {
        if (!cancelOrdersOfHaltedStrategies) {
            return;
        }
        for (OrderView o : oms.open(id)) {
            if (o.status() != OrderStatus.PENDING_CANCEL) {
                cancelOrder(o.clientOrderId());
            }
        }
    }

    /** Whether open orders of a FAILED or STOPPED strategy are canceled (default) or kept working. */
    public void setCancelOrdersOfHaltedStrategies(boolean cancel) {
        this.cancelOrdersOfHaltedStrategies = cancel;
    }

    /** A strategy callback running longer than this is abandoned and the strategy FAILED (0: never). */
    public void setBlockLimit(long nanos) {
        this.blockLimitNanos = nanos;
    }

    /** Events held for a strategy between two versions before it is given up (STOPPED). */
    public void setSwapHoldLimit(int events) {
        if (events < 1) {
            throw new IllegalArgumentException("swapHoldLimit: must be at least 1, was " + events);
        }
        this.swapHoldLimit = events;
    }

    int swapHoldLimit() {
        return swapHoldLimit;
    }

    /** How strategy versions are shown (the OSGi host reports bundle versions). */
    public void setVersionLookup(Function<Class<?>, String> lookup) {
        this.versionLookup = Objects.requireNonNull(lookup, "lookup");
    }

    String versionOf(Class<?> type) {
        try {
            return versionLookup.apply(type);
        } catch (RuntimeException e) {
            return "";
        }
    }

    // ------------------------------------------------------------------ blocked strategies

    /** Marks the start of a strategy callback (kernel thread). */
    void enterCallback(StrategySlot slot, String what) {
        if (!watched) {
            return;
        }
        callbackSlot = slot;
        callbackWhat = what;
        callbackSince = System.nanoTime();
        callbackToken.set(++callbackSequence);
    }

    /**
     * Marks the end of a strategy callback. If the watchdog retired this thread meanwhile (the callback
     * blocked and another thread took over), this thread must not touch kernel state again: it ends.
     */
    void leaveCallback() {
        if (!watched) {
            return;
        }
        checkNotRetired();
        long token = callbackToken.get();
        if (token == -1 || !callbackToken.compareAndSet(token, 0)) {
            throw new KernelThreadRetired();
        }
    }

    /** Throws if the watchdog retired the current thread; call before acting on a callback's failure. */
    void checkNotRetired() {
        // the watchdog first claims the callback (-1), then installs the new thread: either mark retires
        if (watched && (callbackToken.get() == -1 || Thread.currentThread() != kernelThread)) {
            throw new KernelThreadRetired();
        }
    }

    /** Watchdog loop: abandons a callback that runs past the block limit. */
    private void watch() {
        while (running) {
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(100));
            if (Thread.interrupted()) {
                return;
            }
            long token = callbackToken.get();
            long limit = blockLimitNanos;
            if (token <= 0 || limit <= 0 || System.nanoTime() - callbackSince < limit) {
                continue;
            }
            if (callbackToken.compareAndSet(token, -1)) {
                takeOverFromBlockedThread(callbackSlot, callbackWhat);
            }
        }
    }

    /**
     * The kernel thread is stuck inside a strategy: mark that strategy FAILED, start a new kernel
     * thread that first finishes the event being dispatched for the other strategies, and interrupt
     * the stuck one (which ends when, if ever, the strategy returns).
     */
    private synchronized void takeOverFromBlockedThread(StrategySlot slot, String what) {
        Thread stuck = kernelThread;
        MarketData event = dispatching;
        StrategySlot[] subs = dispatchSubscribers;
        int next = dispatchIndex + 1;
        long millis = TimeUnit.NANOSECONDS.toMillis(blockLimitNanos);
        Thread t = new Thread(() -> {
            callbackToken.set(0);
            slot.fail(what, new IllegalStateException("blocked the kernel for more than " + millis
                    + " ms; abandoned on a retired thread"));
            if (event != null) {
                deliverMarketData(event, subs, next);
            }
            drainPending();
            loop();
        }, stuck == null ? "amcp-kernel" : stuck.getName());
        t.setDaemon(true);
        kernelThread = t;
        t.start();
        if (stuck != null) {
            stuck.interrupt();
        }
        LOG.error("strategy {} blocked the kernel thread in {} for more than {} ms: FAILED; kernel continues on a new thread",
                slot == null ? "?" : slot.strategyId(), what, millis);
    }

    /** Unwinds a kernel thread that the watchdog replaced. */
    static final class KernelThreadRetired extends Error {
        private static final long serialVersionUID = 1L;

        KernelThreadRetired() {
            super("kernel thread retired after a blocked strategy callback", null, false, false);
        }
    }

    /** Subscribers of an instrument; a one-entry cache spares the map lookup while one instrument streams. */
    private StrategySlot[] subscribersOf(InstrumentId instrument) {
        if (instrument != lastSubscribed) {
            lastSubscribers = subscribers.getOrDefault(instrument, NO_SUBSCRIBERS);
            lastSubscribed = instrument;
        }
        return lastSubscribers;
    }

    void subscribe(InstrumentId instrument, StrategySlot slot) {
        StrategySlot[] subs = subscribers.getOrDefault(instrument, NO_SUBSCRIBERS);
        for (StrategySlot s : subs) {
            if (s == slot) {
                return;
            }
        }
        StrategySlot[] grown = Arrays.copyOf(subs, subs.length + 1);
        grown[subs.length] = slot;
        subscribers.put(instrument, grown);
        lastSubscribed = null;
    }

    TimerHandle schedule(long time, Runnable task) {
        Timer t = new Timer(time, timerSequence++, task);
        timers.add(t);
        return t;
    }

    private void fireTimers(long now) {
        Timer t;
        while ((t = timers.peek()) != null && t.time <= now) {
            timers.poll();
            if (!t.canceled) {
                try {
                    t.task.run();
                } catch (RuntimeException e) {
                    reportError("timer failed: " + e, e);
                }
            }
        }
    }

    /** A strategy's own position book if it has one; kernel thread. */
    Ledger existingBook(StrategyId owner) {
        return books.get(owner);
    }

    /** A strategy's own position book (positions by owner, rebuilt from the journal like the account). */
    private Ledger bookOf(StrategyId owner) {
        return books.computeIfAbsent(owner, k -> new Ledger(Money.ZERO, 10));
    }

    /** A client order id for an order submitted without one: {@code <prefix>-<random UUID>}. */
    private static ClientOrderId newClientOrderId(String prefix) {
        return ClientOrderId.of(prefix + "-" + UUID.randomUUID());
    }

    boolean hasOrder(ClientOrderId id) {
        return isUsed(id);
    }

    /** Whether an order was ever submitted under {@code id}, including orders a compaction forgot. */
    private boolean isUsed(ClientOrderId id) {
        return oms.contains(id) || retired.contains(id);
    }

    void reportError(String message, Throwable cause) {
        errors++;
        if (cause != null) {
            LOG.error(message, cause);
        } else {
            LOG.warn(message);
        }
        for (KernelListener l : listeners) {
            l.onError(message);
        }
    }

    /** Errors the kernel survived since start. */
    public long errorCount() {
        return errors;
    }

    // ------------------------------------------------------------------ TradingNode

    @Override
    public List<StrategyInfo> strategies() {
        return call(() -> {
            List<StrategyInfo> out = new ArrayList<>();
            for (StrategySlot s : strategies.values()) {
                out.add(s.info());
            }
            return out;
        });
    }

    @Override
    public List<OrderView> orders() {
        return call(() -> {
            List<OrderView> all = new ArrayList<>(oms.all());
            Collections.reverse(all);
            return all;
        });
    }

    @Override
    public List<PositionView> positions() {
        return call(ledger::openPositions);
    }

    @Override
    public AccountView account() {
        return call(ledger::account);
    }

    @Override
    public KillSwitch killSwitch() {
        return killSwitch;
    }

    @Override
    public void cancel(ClientOrderId clientOrderId) {
        execute(() -> cancelOrder(clientOrderId));
    }

    @Override
    public void startStrategy(StrategyId id) {
        call(() -> {
            slotOf(id).restart();
            return null;
        });
    }

    @Override
    public void stopStrategy(StrategyId id) {
        call(() -> {
            StrategySlot slot = slotOf(id);
            if (slot.state() != StrategySlot.State.STOPPED) {
                slot.stop("stopped by operator");
                strategyHalted(id);
            }
            return null;
        });
    }

    @Override
    public void pauseStrategy(StrategyId id) {
        setPaused(id, true);
    }

    @Override
    public void resumeStrategy(StrategyId id) {
        setPaused(id, false);
    }

    @Override
    public OrderView submit(StrategyId owner, SubmitOrder order) {
        SubmitOrder withId = withClientOrderId(owner, order);
        return call(() -> submitOnLoop(owner, withId));
    }

    /**
     * Posts the order to the kernel thread; the stage completes there, with the view {@link #submit}
     * returns, or exceptionally with whatever the submission threw (an {@link Error} included, which
     * the stage then holds instead of the kernel thread dying with it).
     */
    @Override
    public CompletionStage<OrderView> submitAsync(StrategyId owner, SubmitOrder order) {
        SubmitOrder withId = withClientOrderId(owner, order);
        CompletableFuture<OrderView> taken = new CompletableFuture<>();
        post((Runnable) () -> {
            try {
                taken.complete(submitOnLoop(owner, withId));
            } catch (Throwable e) {
                taken.completeExceptionally(e);
            }
        });
        return taken;
    }

    private SubmitOrder withClientOrderId(StrategyId owner, SubmitOrder order) {
        return order.clientOrderId() != null ? order : order.withClientOrderId(newClientOrderId(owner.value()));
    }

    private OrderView submitOnLoop(StrategyId owner, SubmitOrder order) {
        submit(owner, order, strategies.get(owner));
        return oms.view(order.clientOrderId());
    }

    @Override
    public void replace(ReplaceOrder replace) {
        execute(() -> replaceOrder(replace));
    }

    @Override
    public OrderView order(ClientOrderId clientOrderId) {
        return call(() -> oms.view(clientOrderId));
    }

    // ------------------------------------------------------------------ inner types

    /**
     * The kill switch. A change takes effect at once, is journaled on the kernel thread (the caller waits
     * for it, up to the kernel's call timeout) and is then told to the listeners on the caller's thread,
     * outside any lock; a listener that throws is logged and skipped.
     */
    private final class KillSwitchState implements KillSwitch {
        private volatile boolean engaged;
        private volatile String reason = "";
        private final List<KillSwitchListener> changeListeners = new CopyOnWriteArrayList<>();

        void set(boolean on, String why) {
            engaged = on;
            reason = on ? why : "";
        }

        @Override
        public void engage(String why) {
            String text = why == null || why.isBlank() ? "engaged by operator" : why;
            change(true, text);
        }

        @Override
        public void release() {
            change(false, "");
        }

        private void change(boolean on, String why) {
            set(on, why);
            if (journaling) {
                try {
                    call(() -> {
                        journal.append(new JournalEntry.KillSwitchChanged(on, why, clock.nanos()));
                        return null;
                    });
                } catch (RuntimeException e) {
                    LOG.error("kill switch change (engaged {}) not journaled in time", on, e);
                }
            }
            if (on) {
                LOG.warn("kill switch engaged: {}", why);
            } else {
                LOG.warn("kill switch released");
            }
            for (KillSwitchListener l : changeListeners) {
                try {
                    l.killSwitchChanged(on, why);
                } catch (RuntimeException | LinkageError e) {
                    LOG.error("kill switch listener {} failed", l, e);
                }
            }
        }

        @Override
        public AutoCloseable onChange(KillSwitchListener listener) {
            Objects.requireNonNull(listener, "listener");
            changeListeners.add(listener);
            return () -> changeListeners.remove(listener);
        }

        @Override
        public boolean isEngaged() {
            return engaged;
        }

        @Override
        public String reason() {
            return reason;
        }
    }

    /** What risk rules see: live views of the ledger and OMS. */
    private final class RiskView implements RiskContext {
        @Override
        public AccountView account() {
            return ledger.account();
        }

        @Override
        public Money buyingPower() {
            return Money.ofRaw(ledger.buyingPowerRaw());
        }

        @Override
        public void stopTrading(String reason) {
            riskAlert("stop-trading", reason);
            execute(() -> Kernel.this.stopTrading(reason));
        }

        @Override
        public void submitRiskOrder(SubmitOrder order, String reason) {
            riskAlert("risk-order", reason + ": " + order.side() + " " + order.quantity() + " " + order.instrument());
            execute(() -> Kernel.this.submit(KillSwitchRule.RISK_OWNER, order.clientOrderId() != null ? order
                    : order.withClientOrderId(newClientOrderId(KillSwitchRule.RISK_OWNER.value())), null));
        }

        @Override
        public void alert(String rule, String message) {
            riskAlert(rule, message);
        }

        @Override
        public PositionView position(InstrumentId instrument) {
            return ledger.position(instrument, 0);
        }

        @Override
        public List<PositionView> positions() {
            return ledger.openPositions();
        }

        @Override
        public Price lastPrice(InstrumentId instrument) {
            long last = ledger.lastPriceRaw(instrument);
            return last == 0 ? null : Price.ofRaw(last);
        }

        @Override
        public Instrument instrument(InstrumentId instrument) {
            return Kernel.this.instrument(instrument);
        }

        @Override
        public List<OrderView> openOrders() {
            return oms.open(null);
        }

        @Override
        public boolean killSwitchEngaged() {
            return killSwitch.isEngaged();
        }

        @Override
        public Clock clock() {
            return clock;
        }
    }

    /** The inbound queue's figures; reads only counters and the posting times, never the queue itself. */
    private final class LoopMetrics implements KernelMetrics {
        @Override
        public int inboundQueueDepth() {
            long taken = inboundTaken; // before posted, so the difference is never negative
            return (int) Math.min(Integer.MAX_VALUE, inboundPosted.get() - taken);
        }

        @Override
        public long eventLoopLagNanos() {
            long taken = inboundTaken;
            if (taken >= inboundPosted.get()) {
                return 0;
            }
            long since = postedAt.get((int) (taken & (POSTED_SLOTS - 1)));
            return since == 0 ? 0 : Math.max(0, System.nanoTime() - since);
        }

        @Override
        public long eventsProcessed() {
            return eventsProcessed;
        }
    }

    /**
     * A venue under cluster ownership. Orders, cancels and replaces are routed by the order's owner: an
     * order of a strategy under cluster ownership (its own orders, whatever their ids, and its
     * algorithms' child orders) goes through the fence with the epoch the strategy's instance was
     * started under; orders of other owners (manual, API, risk) go straight to the venue. The venue's
     * events come back through the fence, which also reports the orders it refuses. Kernel thread.
     */
    private final class GatedRoute implements BrokerConnector {
        private final BrokerConnector venue;
        private final OrderFence fence;

        GatedRoute(BrokerConnector venue, OrderFence fence) {
            this.venue = venue;
            this.fence = fence;
        }

        /** The owner of {@code id} if it is under cluster ownership, else null. */
        private StrategyId fencedOwner(ClientOrderId id) {
            StrategyId owner = oms.owner(id);
            if (owner == null) {
                return null;
            }
            if (clustered.contains(owner)) {
                return owner;
            }
            // recovered from the journal before its strategy was added again: the gate's id scheme names it
            StrategyOwnershipGate gate = ownership;
            long sequence = gate == null ? 0 : gate.sequenceOf(id);
            return sequence > 0 && gate.orderId(owner, sequence).equals(id) ? owner : null;
        }

        private long startEpoch(StrategyId owner) {
            return ownedEpochs.getOrDefault(owner, NOT_OWNED);
        }

        @Override
        public String id() {
            return venue.id();
        }

        @Override
        public void connect(io.amcp.api.spi.BrokerListener listener) {
            fence.connect(listener);
        }

        @Override
        public void disconnect() {
            fence.disconnect();
        }

        @Override
        public void submit(SubmitOrder order) {
            StrategyId owner = fencedOwner(order.clientOrderId());
            if (owner == null) {
                venue.submit(order);
            } else {
                fence.submit(order, owner, startEpoch(owner));
            }
        }

        @Override
        public void cancel(ClientOrderId clientOrderId) {
            StrategyId owner = fencedOwner(clientOrderId);
            if (owner == null) {
                venue.cancel(clientOrderId);
            } else if (!fence.cancel(clientOrderId, owner, startEpoch(owner))) {
                reportError("cancel of " + clientOrderId + " refused by the fence: this node no longer owns "
                        + owner + " at the epoch it was started under", null);
            }
        }

        @Override
        public void replace(ReplaceOrder replace) {
            StrategyId owner = fencedOwner(replace.clientOrderId());
            if (owner == null) {
                venue.replace(replace);
            } else if (!fence.replace(replace, owner, startEpoch(owner))) {
                reportError("replace of " + replace.clientOrderId() + " refused by the fence: this node no longer "
                        + "owns " + owner + " at the epoch it was started under", null);
            }
        }

        @Override
        public io.amcp.api.spi.PluginStatus status() {
            return venue.status();
        }

        @Override
        public Set<ClientOrderId> resend(java.util.Collection<ClientOrderId> clientOrderIds) {
            return venue.resend(clientOrderIds);
        }
    }

    /** A deferred delivery of an already-applied event to a strategy. */
    private record Notification(StrategySlot slot, OrderEvent event) {
    }

    /** A scheduled task. */
    private static final class Timer implements Comparable<Timer>, TimerHandle {
        final long time;
        final long sequence;
        final Runnable task;
        boolean canceled;

        Timer(long time, long sequence, Runnable task) {
            this.time = time;
            this.sequence = sequence;
            this.task = task;
        }

        @Override
        public void cancel() {
            canceled = true;
        }

        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }
}
