package io.amcp.core;

import io.amcp.api.execution.AlgoContext;
import io.amcp.api.execution.AlgoStatus;
import io.amcp.api.execution.AlgoWorker;
import io.amcp.api.execution.ParentOrder;
import io.amcp.api.model.Bar;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.MarketData;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Quote;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.model.TradeTick;
import io.amcp.api.order.OrderDenied;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderType;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.order.TimeInForce;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.TimerHandle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parent order being worked by an execution algorithm inside the kernel: the algorithm's
 * context (child orders as the owner, through the risk chain; timers on the kernel clock), the
 * bookkeeping of children and fills, and the market VWAP over the parent's life for TCA.
 * Kernel thread only.
 */
final class AlgoRun implements AlgoContext {

    enum State { WORKING, DONE, CANCELED, FAILED }

    private final Kernel kernel;
    private final ParentOrder parent;
    private final StrategyId owner;
    private final StrategySlot slot;
    private final Price arrivalPrice;
    private final Map<ClientOrderId, Long> workingChildren = new LinkedHashMap<>();
    private final List<ClientOrderId> children = new ArrayList<>();
    private final List<TimerHandle> timers = new ArrayList<>();
    private AlgoWorker worker;
    private State state = State.WORKING;
    private String reason;
    private int childSequence;
    private long filledRaw;
    private double fillNotional;
    private double marketNotional;
    private double marketVolume;
    private final long startedAt;

    AlgoRun(Kernel kernel, ParentOrder parent, StrategyId owner, StrategySlot slot, Price arrivalPrice) {
        this.kernel = kernel;
        this.parent = parent;
        this.owner = owner;
        this.slot = slot;
        this.arrivalPrice = arrivalPrice;
        this.startedAt = kernel.clock().nanos();
    }

    void start(AlgoWorker w) {
        this.worker = w;
    }

    boolean isWorking() {
        return state == State.WORKING;
    }

    /**
     * Market data of the parent's instrument that traded while the parent was live (after it started,
     * before the venue matches the event), for the market VWAP over the parent's life.
     */
    void observe(MarketData event) {
        long time = event.time();
        if (time <= startedAt || time < parent.startTime() || time > parent.endTime()) {
            return;
        }
        if (event instanceof Bar b && b.volume() > 0) {
            double typical = (b.highAsDouble() + b.lowAsDouble() + b.closeAsDouble()) / 3;
            double volume = FixedPoint.toDouble(b.volume());
            marketNotional += typical * volume;
            marketVolume += volume;
        } else if (event instanceof TradeTick t && t.size() > 0) {
            double volume = FixedPoint.toDouble(t.size());
            marketNotional += FixedPoint.toDouble(t.price()) * volume;
            marketVolume += volume;
        }
    }

    /** Hands market data to the worker (after the strategies have seen it). */
    void onMarketData(MarketData event) {
        try {
            if (event instanceof Bar b) {
                worker.onBar(b);
            } else if (event instanceof Quote q) {
                worker.onQuote(q);
            } else if (event instanceof TradeTick t) {
                worker.onTrade(t);
            }
        } catch (RuntimeException e) {
            fail("market data", e);
        }
    }

    /** An event of one of this run's children, already applied to the OMS. */
    void onChildEvent(OrderEvent event) {
        ClientOrderId id = event.clientOrderId();
        if (event instanceof OrderFilled f) {
            filledRaw = Math.addExact(filledRaw, f.quantity().raw());
            fillNotional += FixedPoint.toDouble(f.quantity().raw()) * FixedPoint.toDouble(f.price().raw());
            long left = workingChildren.getOrDefault(id, 0L) - f.quantity().raw();
            if (left <= 0) {
                workingChildren.remove(id);
            } else {
                workingChildren.put(id, left);
            }
        } else if (event instanceof OrderDenied || isFinal(kernel.orderStatus(id))) {
            workingChildren.remove(id);
        }
        if (!isWorking()) {
            return;
        }
        try {
            worker.onChildEvent(event);
        } catch (RuntimeException e) {
            fail("onChildEvent", e);
            return;
        }
        if (filledRaw >= parent.quantity().raw()) {
            complete("filled");
        }
    }

    private static boolean isFinal(OrderStatus status) {
        return status != null && status.isTerminal();
    }

    void cancelByRequest() {
        if (!isWorking()) {
            return;
        }
        try {
            worker.onCancel();
        } catch (RuntimeException e) {
            kernel.reportError("algo " + parent.id() + " onCancel failed: " + e, e);
        }
        end(State.CANCELED, "canceled by request");
    }

    private void fail(String where, RuntimeException e) {
        kernel.reportError("algo " + parent.id() + " (" + parent.algorithm() + ") failed in " + where + ": " + e, e);
        end(State.FAILED, where + ": " + e);
    }

    private void end(State to, String why) {
        state = to;
        reason = why;
        timers.forEach(TimerHandle::cancel);
        for (ClientOrderId child : List.copyOf(workingChildren.keySet())) {
            kernel.cancelOrder(child);
        }
        kernel.algoEnded(this);
    }

    AlgoStatus status() {
        Price average = filledRaw == 0 ? null : Price.ofRaw(FixedPoint.fromDouble(fillNotional / FixedPoint.toDouble(filledRaw)));
        Price vwap = marketVolume == 0 ? null : Price.ofRaw(FixedPoint.fromDouble(marketNotional / marketVolume));
        return new AlgoStatus(parent, owner, state.name(), reason, Quantity.ofRaw(filledRaw), average, children,
                arrivalPrice, vwap);
    }

    // ---------------------------------------------------------------- AlgoContext

    @Override
    public ParentOrder parent() {
        return parent;
    }

    @Override
    public Clock clock() {
        return kernel.clock();
    }

    @Override
    public ClientOrderId submitChild(Quantity quantity, OrderType type, Price limitPrice, TimeInForce timeInForce) {
        if (!isWorking()) {
            throw new IllegalStateException("algo " + parent.id() + " is " + state + ": no more children");
        }
        long unworked = unworked().raw();
        if (!quantity.isPositive() || quantity.raw() > unworked) {
            throw new IllegalArgumentException("qty: child of " + parent.id() + " must be in (0, " + Quantity.ofRaw(unworked)
                    + "], was " + quantity);
        }
        Price limit = limitPrice;
        Price cap = parent.limitPrice();
        if (cap != null) {
            if (limit == null) {
                type = type == OrderType.MARKET ? OrderType.LIMIT : type;
                limit = cap;
            } else {
                boolean beyond = parent.side() == Side.BUY ? limit.compareTo(cap) > 0 : limit.compareTo(cap) < 0;
                limit = beyond ? cap : limit;
            }
        }
        ClientOrderId id = ClientOrderId.of(parent.id().value() + "-c" + (++childSequence));
        SubmitOrder.Builder b = SubmitOrder.builder(parent.instrument(), parent.side(), quantity).clientOrderId(id)
                .type(type).timeInForce(timeInForce);
        if (type == OrderType.LIMIT || type == OrderType.STOP_LIMIT) {
            b.limitPrice(limit);
        }
        children.add(id);
        workingChildren.put(id, quantity.raw());
        kernel.submitChild(owner, b.build(), slot, this);
        if (kernel.orderStatus(id) == OrderStatus.REJECTED) {
            workingChildren.remove(id); // refused by the risk chain: the quantity is unworked again
        }
        return id;
    }

    @Override
    public void cancelChild(ClientOrderId child) {
        if (workingChildren.containsKey(child)) {
            kernel.cancelOrder(child);
        }
    }

    @Override
    public Quantity filled() {
        return Quantity.ofRaw(filledRaw);
    }

    @Override
    public Quantity working() {
        long sum = 0;
        for (long q : workingChildren.values()) {
            sum += q;
        }
        return Quantity.ofRaw(sum);
    }

    @Override
    public Quantity unworked() {
        return Quantity.ofRaw(Math.max(0, parent.quantity().raw() - filledRaw - working().raw()));
    }

    @Override
    public TimerHandle scheduleAt(long timeNanos, Runnable task) {
        TimerHandle handle = kernel.schedule(timeNanos, () -> {
            if (isWorking()) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    fail("timer", e);
                }
            }
        });
        timers.add(handle);
        return handle;
    }

    @Override
    public void complete(String why) {
        if (isWorking()) {
            end(State.DONE, why);
        }
    }
}
