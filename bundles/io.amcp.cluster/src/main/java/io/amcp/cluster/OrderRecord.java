package io.amcp.cluster;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.order.OrderClass;
import io.amcp.api.order.OrderType;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.order.TimeInForce;
import java.io.Serializable;
import java.util.Objects;

/**
 * A fenced order in the shared order map, keyed by client order id: the order as submitted, the
 * epoch it was submitted under (the fencing token it carries) and how far it got.
 *
 * @param clientOrderId the client order id
 * @param strategy      the strategy that sent it
 * @param epoch         the ownership epoch it was claimed under
 * @param member        the UUID of the member that claimed it
 * @param status        claimed (about to be sent) or sent (the venue has it)
 * @param symbol        instrument id
 * @param side          buy or sell
 * @param type          order type (simple orders only can be rebuilt for a re-send)
 * @param quantity      fixed-point quantity ({@link io.amcp.api.model.FixedPoint} scale)
 * @param limitPrice    fixed-point limit price, 0 if none
 * @param stopPrice     fixed-point stop price, 0 if none
 * @param timeInForce   time in force
 * @param resendable    whether {@link #toSubmitOrder()} rebuilds the order exactly (simple, not trailing)
 */
public record OrderRecord(String clientOrderId, String strategy, long epoch, String member, Status status,
        String symbol, Side side, OrderType type, long quantity, long limitPrice, long stopPrice,
        TimeInForce timeInForce, boolean resendable) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How far a fenced order got. */
    public enum Status {
        /** Claimed under the owner's epoch; the venue may or may not have it (ask it on takeover). */
        CLAIMED,
        /** Handed to the venue. */
        SENT
    }

    public OrderRecord {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeInForce, "timeInForce");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity: must be positive, was " + quantity);
        }
    }

    /** The record of {@code order} claimed by {@code member} under {@code epoch}. */
    public static OrderRecord claimed(SubmitOrder order, String strategy, long epoch, String member) {
        boolean resendable = order.orderClass() == OrderClass.SIMPLE && order.type() != OrderType.TRAILING_STOP;
        return new OrderRecord(order.clientOrderId().value(), strategy, epoch, member, Status.CLAIMED,
                order.instrument().value(), order.side(), order.type(), order.quantity().raw(),
                order.limitPrice() == null ? 0 : order.limitPrice().raw(),
                order.stopPrice() == null ? 0 : order.stopPrice().raw(), order.timeInForce(), resendable);
    }

    /** This record handed over to {@code newMember} at {@code newEpoch}, still claimed. */
    public OrderRecord adoptedBy(String newMember, long newEpoch) {
        return new OrderRecord(clientOrderId, strategy, newEpoch, newMember, Status.CLAIMED, symbol, side, type,
                quantity, limitPrice, stopPrice, timeInForce, resendable);
    }

    /** This record once the venue has the order. */
    public OrderRecord sent() {
        return new OrderRecord(clientOrderId, strategy, epoch, member, Status.SENT, symbol, side, type, quantity,
                limitPrice, stopPrice, timeInForce, resendable);
    }

    /** The order again, for a re-send by a new owner. */
    public SubmitOrder toSubmitOrder() {
        if (!resendable) {
            throw new IllegalStateException("order " + clientOrderId + ": linked and trailing orders are not rebuilt");
        }
        return SubmitOrder.builder(InstrumentId.of(symbol), side, Quantity.ofRaw(quantity))
                .clientOrderId(ClientOrderId.of(clientOrderId)).type(type)
                .limitPrice(limitPrice == 0 ? null : Price.ofRaw(limitPrice))
                .stopPrice(stopPrice == 0 ? null : Price.ofRaw(stopPrice))
                .timeInForce(timeInForce).build();
    }
}
