package io.amcp.api.spi;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.order.OrderAccepted;
import io.amcp.api.order.OrderCanceled;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderExpired;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.OrderRejected;
import io.amcp.api.order.OrderReplaced;
import io.amcp.api.order.OrderStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a broker says the account holds: the state the after-hours reconciliation compares with the
 * platform's own books. Amounts are fixed-point ({@link Quantity}, {@link Money}, scale 1e-8), so a
 * statement compares exactly with the OMS and the ledger.
 *
 * @param brokerId  the broker connector's id
 * @param orders    per client order id: the broker's status and filled quantity
 * @param positions per instrument: the net quantity (flat instruments may be omitted)
 * @param cash      the broker's cash balance
 */
public record BrokerStatement(String brokerId, Map<ClientOrderId, OrderState> orders,
        Map<InstrumentId, Quantity> positions, Money cash) {

    /**
     * One order as the broker knows it.
     *
     * @param status the broker's status
     * @param filled quantity filled so far
     */
    public record OrderState(OrderStatus status, Quantity filled) {

        /** @throws IllegalArgumentException naming the field at fault */
        public OrderState {
            if (status == null) {
                throw new IllegalArgumentException("status: must not be null");
            }
            if (filled == null || filled.isNegative()) {
                throw new IllegalArgumentException("filled: must be zero or more, was " + filled);
            }
        }

        public static OrderState of(OrderStatus status, Quantity filled) {
            return new OrderState(status, filled);
        }
    }

    /**
     * A statement; the maps are copied.
     *
     * @throws IllegalArgumentException naming the field at fault
     */
    public BrokerStatement {
        if (brokerId == null || brokerId.isBlank()) {
            throw new IllegalArgumentException("brokerId: must not be blank");
        }
        if (orders == null) {
            throw new IllegalArgumentException("orders: must not be null");
        }
        if (positions == null) {
            throw new IllegalArgumentException("positions: must not be null");
        }
        if (cash == null) {
            throw new IllegalArgumentException("cash: must not be null");
        }
        orders = Map.copyOf(orders);
        positions = Map.copyOf(positions);
    }

    public static BrokerStatement of(String brokerId, Map<ClientOrderId, OrderState> orders,
            Map<InstrumentId, Quantity> positions, Money cash) {
        return new BrokerStatement(brokerId, orders, positions, cash);
    }

    /**
     * The statement a venue's own event history implies (a paper exchange's record, or a broker's
     * activity feed): statuses from the events, positions and cash from the fills, starting from
     * {@code startingCash} and a flat book.
     *
     * @param instruments     resolves contract multipliers; an unknown instrument counts with multiplier 1
     * @param orderedQuantity an order's requested quantity (null if unknown): a fill that completes it
     *                        makes the order FILLED, otherwise PARTIALLY_FILLED
     */
    public static BrokerStatement fromEvents(String brokerId, List<OrderEvent> history, Money startingCash,
            Function<InstrumentId, Instrument> instruments, Function<ClientOrderId, Quantity> orderedQuantity) {
        Map<ClientOrderId, OrderState> orders = new LinkedHashMap<>();
        Map<InstrumentId, Quantity> positions = new TreeMap<>();
        long cash = startingCash.raw();
        for (OrderEvent event : history) {
            ClientOrderId id = event.clientOrderId();
            OrderState before = orders.getOrDefault(id, new OrderState(OrderStatus.NEW, Quantity.ZERO));
            if (event instanceof OrderAccepted) {
                orders.put(id, new OrderState(OrderStatus.ACCEPTED, before.filled()));
            } else if (event instanceof OrderFilled f) {
                Quantity filled = before.filled().plus(f.quantity());
                Quantity ordered = orderedQuantity.apply(id);
                boolean complete = ordered != null && filled.compareTo(ordered) >= 0;
                orders.put(id, new OrderState(complete ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED, filled));
                Quantity signed = f.side() == Side.BUY ? f.quantity() : f.quantity().negate();
                positions.merge(f.instrument(), signed, Quantity::plus);
                Instrument instrument = instruments.apply(f.instrument());
                long multiplier = instrument == null ? 1 : instrument.multiplier();
                long notional = Math.multiplyExact(FixedPoint.multiply(f.quantity().raw(), f.price().raw()), multiplier);
                cash = Math.subtractExact(cash, Math.multiplyExact(notional, f.side().sign()));
                cash = Math.subtractExact(cash, f.commission().raw());
            } else if (event instanceof OrderCanceled) {
                orders.put(id, new OrderState(OrderStatus.CANCELED, before.filled()));
            } else if (event instanceof OrderRejected) {
                orders.put(id, new OrderState(OrderStatus.REJECTED, before.filled()));
            } else if (event instanceof OrderExpired) {
                orders.put(id, new OrderState(OrderStatus.EXPIRED, before.filled()));
            } else if (event instanceof OrderReplaced) {
                orders.put(id, new OrderState(OrderStatus.REPLACED, before.filled()));
            }
        }
        positions.values().removeIf(Quantity::isZero);
        return new BrokerStatement(brokerId, orders, positions, Money.ofRaw(cash));
    }
}
