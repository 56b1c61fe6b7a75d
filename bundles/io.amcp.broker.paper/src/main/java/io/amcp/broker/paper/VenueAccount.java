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
 * The paper venue's own account: every order's status and filled quantity by client order id, the
 * net position per instrument and the cash that moved through fills. The exchange updates it on the
 * kernel thread; statements are read from the operations thread, so every method holds the lock.
 */
final class VenueAccount {

    private final Map<ClientOrderId, BrokerStatement.OrderState> orders = new LinkedHashMap<>();
    private final Map<InstrumentId, Long> positions = new HashMap<>();
    private long cashFlow;

    /** The venue's status for an order, keeping what has filled. */
    synchronized void status(ClientOrderId cid, OrderStatus status) {
        BrokerStatement.OrderState before = orders.get(cid);
        orders.put(cid, BrokerStatement.OrderState.of(status, before == null ? Quantity.ZERO : before.filled()));
    }

    /**
     * A fill: the order becomes partially filled (the exchange closes it as FILLED when complete), the
     * position moves by the signed quantity and cash by the notional times the contract multiplier plus
     * the commission.
     */
    synchronized void fill(ClientOrderId cid, InstrumentId instrument, Side side, long qty, long price,
            long commission, long multiplier) {
        BrokerStatement.OrderState before = orders.get(cid);
        Quantity filled = (before == null ? Quantity.ZERO : before.filled()).plus(Quantity.ofRaw(qty));
        orders.put(cid, BrokerStatement.OrderState.of(OrderStatus.PARTIALLY_FILLED, filled));
        positions.merge(instrument, side == Side.BUY ? qty : -qty, Math::addExact);
        long notional = Math.multiplyExact(FixedPoint.multiply(qty, price), multiplier);
        cashFlow = Math.subtractExact(cashFlow, Math.multiplyExact(notional, side.sign()));
        cashFlow = Math.subtractExact(cashFlow, commission);
    }

    /** The statement of an account opened with {@code openingCash}; flat instruments are left out. */
    synchronized BrokerStatement statement(String brokerId, Money openingCash) {
        Map<InstrumentId, Quantity> held = new TreeMap<>();
        positions.forEach((id, raw) -> {
            if (raw != 0) {
                held.put(id, Quantity.ofRaw(raw));
            }
        });
        return BrokerStatement.of(brokerId, orders, held, Money.ofRaw(Math.addExact(openingCash.raw(), cashFlow)));
    }
}
