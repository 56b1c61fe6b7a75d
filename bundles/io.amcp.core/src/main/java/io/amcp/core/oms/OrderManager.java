package io.amcp.core.oms;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.StrategyId;
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
import io.amcp.api.order.SubmitOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order management system's book: every order by client order id, changed only by order
 * events applied through {@link OrderStateMachine}. Single-threaded (kernel thread).
 */
public final class OrderManager {

    /** What applying an event did. */
    public enum Outcome {
        /** The order changed. */
        APPLIED,
        /** A fill whose trade id was already booked: ignored, so a replayed fill never counts twice. */
        DUPLICATE
    }

    private final Map<ClientOrderId, ManagedOrder> orders = new LinkedHashMap<>();
    /** The orders that are not terminal, in submission order: what strategies and risk rules ask for. */
    private final Map<ClientOrderId, ManagedOrder> open = new LinkedHashMap<>();

    public boolean contains(ClientOrderId id) {
        return orders.containsKey(id);
    }

    /** The order's owner, or null if unknown. */
    public StrategyId owner(ClientOrderId id) {
        ManagedOrder o = find(id);
        return o == null ? null : o.strategyId;
    }

    public OrderView view(ClientOrderId id) {
        ManagedOrder o = orders.get(id);
        return o == null ? null : o.view();
    }

    public OrderStatus status(ClientOrderId id) {
        ManagedOrder o = orders.get(id);
        return o == null ? null : o.status;
    }

    /** Number of orders that are not terminal. */
    public int openCount() {
        return open.size();
    }

    public int size() {
        return orders.size();
    }

    /** All orders in submission order. */
    public List<OrderView> all() {
        List<OrderView> out = new ArrayList<>(orders.size());
        for (ManagedOrder o : orders.values()) {
            out.add(o.view());
        }
        return out;
    }

    /** Orders that are not terminal, optionally of one strategy (null for all). */
    public List<OrderView> open(StrategyId strategy) {
        List<OrderView> out = new ArrayList<>();
        for (ManagedOrder o : open.values()) {
            if (strategy == null || strategy.equals(o.strategyId)) {
                out.add(o.view());
            }
        }
        return out;
    }

    /**
     * Whether an event only repeats what the OMS already knows (a venue re-sending its history during
     * reconciliation): a fill whose trade id is booked, an acknowledgement of an order past it, a
     * final or pending-cancel status the order already has, a trigger of an order no longer held.
     */
    public boolean isRedundant(OrderEvent event) {
        ManagedOrder o = find(event.clientOrderId());
        if (o == null) {
            return false;
        }
        OrderStatus s = o.status;
        if (event instanceof OrderFilled f) {
            return o.hasTrade(f.tradeId());
        }
        if (event instanceof OrderAccepted) {
            return s.isTerminal();
        }
        if (event instanceof OrderTriggered) {
            return s != OrderStatus.HELD;
        }
        if (event instanceof OrderPendingCancel) {
            return s == OrderStatus.PENDING_CANCEL || s.isTerminal();
        }
        if (event instanceof OrderCanceled) {
            return s == OrderStatus.CANCELED;
        }
        if (event instanceof OrderExpired) {
            return s == OrderStatus.EXPIRED;
        }
        if (event instanceof OrderRejected) {
            return s == OrderStatus.REJECTED;
        }
        if (event instanceof OrderReplaced) {
            return s == OrderStatus.REPLACED;
        }
        return false;
    }

    /**
     * Applies one event.
     *
     * @throws IllegalOrderTransitionException if the event is not legal for the order's status (the
     *                                         order is left unchanged)
     */
    public Outcome apply(OrderEvent event) {
        if (event instanceof OrderSubmitted e) {
            create(e.clientOrderId(), e.strategyId(), e.order(), e.parentClientOrderId(),
                    e.held() ? OrderStatus.HELD : OrderStatus.NEW, e.time(), null);
            return Outcome.APPLIED;
        }
        if (event instanceof OrderDenied e) {
            create(e.clientOrderId(), e.strategyId(), e.order(), null, OrderStatus.REJECTED, e.time(),
                    e.rule() + ": " + e.reason());
            return Outcome.APPLIED;
        }
        ManagedOrder o = find(event.clientOrderId());
        if (o == null) {
            throw new IllegalOrderTransitionException("order " + event.clientOrderId() + ": unknown order for "
                    + event.getClass().getSimpleName());
        }
        if (event instanceof OrderFilled f) {
            return fill(o, f);
        }
        if (event instanceof OrderAccepted e) {
            if (o.status == OrderStatus.PENDING_CANCEL) {
                move(o, OrderStatus.ACCEPTED, e, null);
            } else if (o.status == OrderStatus.NEW || o.status == OrderStatus.HELD) {
                move(o, OrderStatus.ACCEPTED, e, null);
            } else if (o.status != OrderStatus.ACCEPTED && o.status != OrderStatus.PARTIALLY_FILLED) {
                throw new IllegalOrderTransitionException(o.clientOrderId, o.status, "OrderAccepted");
            }
            o.orderId = e.orderId();
            o.updatedTime = e.time();
        } else if (event instanceof OrderTriggered e) {
            if (o.status != OrderStatus.HELD) {
                throw new IllegalOrderTransitionException(o.clientOrderId, o.status, "OrderTriggered");
            }
            move(o, OrderStatus.ACCEPTED, e, null);
            o.orderId = e.orderId();
        } else if (event instanceof OrderRejected e) {
            move(o, OrderStatus.REJECTED, e, e.reason());
        } else if (event instanceof OrderPendingCancel e) {
            move(o, OrderStatus.PENDING_CANCEL, e, null);
        } else if (event instanceof OrderCanceled e) {
            move(o, OrderStatus.CANCELED, e, e.reason());
        } else if (event instanceof OrderExpired e) {
            move(o, OrderStatus.EXPIRED, e, "time in force " + o.request.timeInForce());
        } else if (event instanceof OrderReplaced e) {
            if (orders.containsKey(e.replacement())) {
                throw new IllegalOrderTransitionException("order " + e.replacement() + ": replacement id already used");
            }
            move(o, OrderStatus.REPLACED, e, "replaced by " + e.replacement());
            ManagedOrder replacement = new ManagedOrder(e.replacement(), o.strategyId, e.replacementOrder(), o.parent,
                    OrderStatus.ACCEPTED, e.time());
            replacement.orderId = e.orderId();
            orders.put(e.replacement(), replacement);
            open.put(e.replacement(), replacement);
        } else {
            throw new IllegalOrderTransitionException("unsupported event " + event);
        }
        return Outcome.APPLIED;
    }

    /** Looks in the small map of working orders first: the one nearly every event is for. */
    private ManagedOrder find(ClientOrderId id) {
        ManagedOrder o = open.get(id);
        return o != null ? o : orders.get(id);
    }

    private void create(ClientOrderId id, StrategyId strategy, SubmitOrder request,
            ClientOrderId parent, OrderStatus status, long time, String reason) {
        if (orders.containsKey(id)) {
            throw new IllegalOrderTransitionException("order " + id + ": client order id already used");
        }
        ManagedOrder o = new ManagedOrder(id, strategy, request, parent, status, time);
        o.reason = reason;
        orders.put(id, o);
        if (!status.isTerminal()) {
            open.put(id, o);
        }
    }

    private Outcome fill(ManagedOrder o, OrderFilled f) {
        if (o.hasTrade(f.tradeId())) {
            return Outcome.DUPLICATE;
        }
        long filled = Math.addExact(o.filledRaw, f.quantity().raw());
        if (filled > o.request.quantity().raw()) {
            throw new IllegalOrderTransitionException("order " + o.clientOrderId + ": overfill, " + f.quantity()
                    + " more would make " + filled + " raw of " + o.request.quantity());
        }
        OrderStatus next = filled == o.request.quantity().raw() ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        move(o, next, f, null);
        o.addFill(f.tradeId(), f.price().raw(), f.quantity().raw());
        o.filledRaw = filled;
        return Outcome.APPLIED;
    }

    private void move(ManagedOrder o, OrderStatus to, OrderEvent e, String reason) {
        if (!OrderStateMachine.isLegal(o.status, to)) {
            throw new IllegalOrderTransitionException(o.clientOrderId, o.status, e.getClass().getSimpleName());
        }
        boolean wasOpen = !o.status.isTerminal();
        o.status = to;
        o.updatedTime = e.time();
        if (reason != null) {
            o.reason = reason;
        }
        if (wasOpen && to.isTerminal()) {
            open.remove(o.clientOrderId);
        }
    }
}
