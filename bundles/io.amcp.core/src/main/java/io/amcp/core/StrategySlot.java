package io.amcp.core;

import io.amcp.api.execution.AlgoStatus;
import io.amcp.api.execution.ParentOrder;
import io.amcp.api.model.Bar;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.MarketData;
import io.amcp.api.model.Quote;
import io.amcp.api.model.StrategyId;
import io.amcp.api.model.TradeTick;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.portfolio.PositionView;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyContext;
import io.amcp.api.spi.StrategyState;
import io.amcp.api.spi.TimerHandle;
import io.amcp.api.spi.TradingNode.StrategyInfo;
import io.amcp.core.ledger.Ledger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One strategy id inside the kernel: its current instance, its context, its own position book and
 * its lifecycle state. The slot outlives instances: a hot swap replaces the instance in place, so
 * subscriptions, the order-id sequence, the book and the statistics carry over.
 *
 * <p>States: RUNNING; PAUSED (market data is not delivered, order events are); SWAPPING (the
 * instance's service went away; every event for it is held, in order, until a new instance with the
 * same id arrives and gets them after {@code restore}, so nothing is lost or seen twice); FAILED
 * (threw or blocked; gets nothing more); STOPPED (stopped by an operator, or no new version came
 * within the hold limit); STANDBY (under cluster ownership, another node runs it: not started, gets
 * nothing, its orders are left alone).
 */
final class StrategySlot implements StrategyContext {

    /** Lifecycle states, as shown by {@code amcp:strategy-list} and the API. */
    enum State { RUNNING, PAUSED, SWAPPING, FAILED, STOPPED, STANDBY }

    /** The current instance; replaced by a hot swap (kernel thread only). */
    Strategy strategy;
    final Ledger book;
    private final Kernel kernel;
    private final StrategyId id;
    private final List<TimerHandle> timers = new ArrayList<>();
    private State state = State.RUNNING;
    private String reason;
    /** Whether the slot was paused when a swap began: the new version comes back paused too. */
    private boolean pausedBeforeSwap;
    /** Market data and order events held while SWAPPING, in arrival order. */
    private ArrayDeque<Object> held;
    /** The last good snapshot: taken when an instance stops or leaves, restored into the next one. */
    private StrategyState lastState;
    private long eventsHandled;
    private long ordersSubmitted;
    private long nextOrderNumber = 1;
    private int swaps;

    StrategySlot(Kernel kernel, Strategy strategy, Ledger book) {
        this.kernel = kernel;
        this.strategy = strategy;
        this.book = book;
        this.id = strategy.id();
    }

    State state() {
        return state;
    }

    void start() {
        state = State.RUNNING;
        reason = null;
        invoke("onStart", () -> strategy.onStart(this));
    }

    /**
     * Runs one strategy callback under the kernel's watch; if it throws, the slot is FAILED (unless
     * this thread was retired meanwhile, which then ends). Returns whether it completed.
     * {@link #onMarketData} inlines the same steps to stay allocation-free per event.
     */
    private boolean invoke(String where, Runnable callback) {
        try {
            kernel.enterCallback(this, where);
            callback.run();
            return true;
        } catch (RuntimeException e) {
            kernel.checkNotRetired();
            fail(where, e);
            return false;
        } finally {
            kernel.leaveCallback();
        }
    }

    /** Stops the instance for good (operator stop, or the strategy gave up waiting for a new version). */
    void stop(String why) {
        if (state == State.STOPPED) {
            return;
        }
        if (state != State.SWAPPING && state != State.FAILED && state != State.STANDBY) {
            quiesce();
        }
        held = null;
        state = State.STOPPED;
        reason = why;
    }

    /** Puts a slot this node does not own (yet) in standby, before it ever started. */
    void standbyFromTheStart() {
        state = State.STANDBY;
        reason = "owned by another node";
    }

    /** Ownership was lost: the instance stops at once (snapshot, timers, onStop); its orders stay as they are. */
    void standby(String why) {
        if (state == State.STANDBY) {
            return;
        }
        if (state == State.RUNNING || state == State.PAUSED) {
            quiesce();
        }
        held = null;
        state = State.STANDBY;
        reason = why;
    }

    /** Ownership was gained: the slot starts (from its last snapshot, if any) with ids after {@code lastSequence}. */
    void activate(long lastSequence) {
        if (state != State.STANDBY) {
            return;
        }
        nextOrderNumber = Math.max(nextOrderNumber, lastSequence + 1);
        if (lastState != null && !invoke("restore", () -> strategy.restore(lastState))) {
            return;
        }
        start();
    }

    /** Restarts a stopped or failed slot with its current instance and last good state. */
    void restart() {
        if (state != State.STOPPED && state != State.FAILED) {
            return;
        }
        if (lastState != null && !invoke("restore", () -> strategy.restore(lastState))) {
            return;
        }
        start();
    }

    void setPaused(boolean paused) {
        if (state == State.RUNNING && paused) {
            state = State.PAUSED;
        } else if (state == State.PAUSED && !paused) {
            state = State.RUNNING;
        } else if (state == State.SWAPPING) {
            pausedBeforeSwap = paused;
        }
    }

    /**
     * The instance's service went away (bundle update, redeploy, config change): take its snapshot
     * and hold its events until {@link #swapIn} brings the next version.
     */
    void beginSwap() {
        if (state == State.RUNNING || state == State.PAUSED) {
            pausedBeforeSwap = state == State.PAUSED;
            quiesce();
            held = new ArrayDeque<>();
            state = State.SWAPPING;
        }
    }

    /**
     * Puts a new instance in place between two events: restore the last snapshot, start it, then
     * hand it the events held since the old one left, in order.
     */
    void swapIn(Strategy next) {
        if (state == State.STANDBY) {
            strategy = next;
            swaps++;
            return;
        }
        if (state == State.RUNNING || state == State.PAUSED) {
            beginSwap();
        }
        boolean resumePaused = state == State.SWAPPING ? pausedBeforeSwap : false;
        ArrayDeque<Object> backlog = held;
        held = null;
        strategy = next;
        swaps++;
        if (lastState != null && !invoke("restore", () -> next.restore(lastState))) {
            return;
        }
        start();
        if (state == State.RUNNING && resumePaused) {
            state = State.PAUSED;
        }
        if (backlog != null) {
            for (Object event : backlog) {
                if (event instanceof MarketData m) {
                    onMarketData(m);
                } else {
                    deliver((OrderEvent) event);
                }
            }
        }
    }

    /** Snapshot, timers cancelled, onStop: the instance is done receiving events. */
    private void quiesce() {
        try {
            lastState = strategy.snapshot();
        } catch (RuntimeException e) {
            kernel.checkNotRetired();
            kernel.reportError("strategy " + id + " snapshot failed: " + e + "; its successor starts from the previous state", e);
        }
        timers.forEach(TimerHandle::cancel);
        timers.clear();
        try {
            kernel.enterCallback(this, "onStop");
            strategy.onStop();
        } catch (RuntimeException e) {
            kernel.checkNotRetired();
            kernel.reportError("strategy " + id + " onStop failed: " + e, e);
        } finally {
            kernel.leaveCallback();
        }
    }

    void onMarketData(MarketData event) {
        if (state != State.RUNNING || kernel.ownershipRevoked(id)) {
            if (state == State.SWAPPING) {
                hold(event);
            }
            return;
        }
        eventsHandled++;
        try {
            kernel.enterCallback(this, "market data");
            if (event instanceof Bar bar) {
                strategy.onBar(bar);
            } else if (event instanceof Quote quote) {
                strategy.onQuote(quote);
            } else if (event instanceof TradeTick trade) {
                strategy.onTrade(trade);
            }
        } catch (RuntimeException e) {
            kernel.checkNotRetired();
            fail("market data", e);
        } finally {
            kernel.leaveCallback();
        }
    }

    void deliver(OrderEvent event) {
        if (state == State.SWAPPING) {
            hold(event);
            return;
        }
        if (state == State.FAILED || state == State.STOPPED || state == State.STANDBY) {
            return;
        }
        invoke("onOrderEvent", () -> strategy.onOrderEvent(event));
    }

    private void hold(Object event) {
        if (held.size() >= kernel.swapHoldLimit()) {
            int dropped = held.size();
            stop("no new version within " + dropped + " events; they were not kept");
            kernel.reportError("strategy " + id + " stopped: " + reason, null);
            return;
        }
        held.add(event);
    }

    /** Marks the slot FAILED (it threw or blocked); the kernel applies the halted-strategy order policy. */
    void fail(String where, Throwable e) {
        if (state == State.FAILED) {
            return;
        }
        reason = where + ": " + e;
        state = State.FAILED;
        held = null;
        timers.forEach(TimerHandle::cancel);
        timers.clear();
        kernel.reportError("strategy " + id + " failed in " + reason + "; it receives no more events", e);
        kernel.strategyHalted(id);
    }

    StrategyInfo info() {
        String version = kernel.versionOf(strategy.getClass());
        return new StrategyInfo(id, strategy.getClass().getName(), version, state.name(), reason, eventsHandled,
                ordersSubmitted, swaps);
    }

    // ---------------------------------------------------------------- StrategyContext

    @Override
    public StrategyId strategyId() {
        return id;
    }

    @Override
    public Clock clock() {
        return kernel.clock();
    }

    @Override
    public void subscribe(InstrumentId instrument) {
        kernel.subscribe(instrument, this);
    }

    @Override
    public ClientOrderId submit(SubmitOrder order) {
        SubmitOrder withId = order.clientOrderId() != null ? order : order.withClientOrderId(nextClientOrderId());
        ordersSubmitted++;
        return kernel.submit(id, withId, this);
    }

    private ClientOrderId nextClientOrderId() {
        ClientOrderId candidate;
        do {
            candidate = kernel.strategyOrderId(id, nextOrderNumber++);
        } while (kernel.hasOrder(candidate));
        return candidate;
    }

    @Override
    public void cancel(ClientOrderId clientOrderId) {
        kernel.cancelOrder(clientOrderId);
    }

    @Override
    public void replace(ReplaceOrder replace) {
        kernel.replaceOrder(replace);
    }

    @Override
    public PositionView position(InstrumentId instrument) {
        return book.position(instrument, kernel.ledger().lastPriceRaw(instrument));
    }

    @Override
    public AccountView account() {
        return kernel.ledger().account();
    }

    @Override
    public List<OrderView> openOrders() {
        return kernel.orderManager().open(id);
    }

    @Override
    public ClientOrderId submitAlgo(ParentOrder parent) {
        return kernel.startAlgo(id, parent, this);
    }

    @Override
    public void cancelAlgo(ClientOrderId parent) {
        kernel.cancelAlgoRun(parent);
    }

    @Override
    public AlgoStatus algoStatus(ClientOrderId parent) {
        return kernel.algoStatusOf(parent);
    }

    @Override
    public TimerHandle scheduleAt(long timeNanos, Runnable task) {
        TimerHandle handle = kernel.schedule(timeNanos, () -> {
            if (state == State.RUNNING || state == State.PAUSED) {
                invoke("timer", task);
            }
        });
        timers.add(handle);
        return handle;
    }
}
