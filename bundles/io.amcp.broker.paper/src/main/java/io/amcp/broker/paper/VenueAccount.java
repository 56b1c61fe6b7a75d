package io.amcp.broker.paper;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.spi.BrokerStatement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The paper venue's own account: every order's status, filled quantity and time of its last change by
 * client order id, the net position per instrument and the cash that moved through fills. The
 * exchange updates it on the kernel thread; statements are read from the operations thread, so every
 * method holds the lock.
 */
final class VenueAccount {

    private final Map<ClientOrderId, BrokerStatement.OrderState> orders = new LinkedHashMap<>();
    /** Per order: when its status or fills last changed, in the events' nanoseconds since the epoch. */
    private final Map<ClientOrderId, Long> changedAt = new HashMap<>();
    private final Map<InstrumentId, Long> positions = new HashMap<>();
    private long cashFlow;

    /** The venue's status for an order as of {@code time}, keeping what has filled. */
    synchronized void status(ClientOrderId cid, OrderStatus status, long time) {
        BrokerStatement.OrderState before = orders.get(cid);
        orders.put(cid, BrokerStatement.OrderState.of(status, before == null ? Quantity.ZERO : before.filled()));
        changedAt.put(cid, time);
    }

    /**
     * A fill: the order becomes partially filled (the exchange closes it as FILLED when complete), the
     * position moves by the signed quantity and cash by the notional times the contract multiplier plus
     * the commission.
     */
    synchronized void fill(ClientOrderId cid, InstrumentId instrument, Side side, long qty, long price,
            long commission, long multiplier, long time) {
        BrokerStatement.OrderState before = orders.get(cid);
        Quantity filled = (before == null ? Quantity.ZERO : before.filled()).plus(Quantity.ofRaw(qty));
        orders.put(cid, BrokerStatement.OrderState.of(OrderStatus.PARTIALLY_FILLED, filled));
        changedAt.put(cid, time);
        positions.merge(instrument, side == Side.BUY ? qty : -qty, Math::addExact);
        long notional = Math.multiplyExact(FixedPoint.multiply(qty, price), multiplier);
        cashFlow = Math.subtractExact(cashFlow, Math.multiplyExact(notional, side.sign()));
        cashFlow = Math.subtractExact(cashFlow, commission);
    }

    /**
     * The statement of an account opened with {@code openingCash}: the orders still open and those that
     * changed at or after {@code since}; positions and cash over the account's whole life, flat
     * instruments left out.
     */
    synchronized BrokerStatement statement(String brokerId, Money openingCash, long since) {
        Map<ClientOrderId, BrokerStatement.OrderState> listed = new LinkedHashMap<>();
        orders.forEach((cid, state) -> {
            if (!state.status().isTerminal() || changedAt.get(cid) >= since) {
                listed.put(cid, state);
            }
        });
        Map<InstrumentId, Quantity> held = new TreeMap<>();
        positions.forEach((id, raw) -> {
            if (raw != 0) {
                held.put(id, Quantity.ofRaw(raw));
            }
        });
        return BrokerStatement.of(brokerId, listed, held, Money.ofRaw(Math.addExact(openingCash.raw(), cashFlow)));
    }
}
