package io.amcp.core.oms;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.OrderId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;

/** The OMS's mutable record of one order. Only {@link OrderManager} changes it, on the kernel thread. */
final class ManagedOrder {

    final ClientOrderId clientOrderId;
    final StrategyId strategyId;
    final ClientOrderId parent;
    final long createdTime;
    SubmitOrder request;
    OrderId orderId;
    OrderStatus status;
    long filledRaw;
    /**
     * Sum of fill price x fill quantity in raw^2 units as an unsigned 128-bit number (both are
     * positive), exact, for the average fill price; two longs so that a fill allocates nothing.
     */
    private long fillValueHigh;
    private long fillValueLow;
    long updatedTime;
    String reason;
    /** Trade ids booked: most orders fill once, so the set exists only from the second trade on. */
    private String firstTradeId;
    private Set<String> moreTradeIds;

    ManagedOrder(ClientOrderId clientOrderId, StrategyId strategyId, SubmitOrder request, ClientOrderId parent,
            OrderStatus status, long time) {
        this.clientOrderId = clientOrderId;
        this.strategyId = strategyId;
        this.request = request;
        this.parent = parent;
        this.status = status;
        this.createdTime = time;
        this.updatedTime = time;
    }

    boolean hasTrade(String tradeId) {
        return tradeId.equals(firstTradeId) || (moreTradeIds != null && moreTradeIds.contains(tradeId));
    }

    void addFill(String tradeId, long priceRaw, long quantityRaw) {
        if (firstTradeId == null) {
            firstTradeId = tradeId;
        } else {
            if (moreTradeIds == null) {
                moreTradeIds = new HashSet<>(4);
            }
            moreTradeIds.add(tradeId);
        }
        long low = priceRaw * quantityRaw;
        long high = Math.multiplyHigh(priceRaw, quantityRaw);
        long sum = fillValueLow + low;
        fillValueHigh = Math.addExact(Math.addExact(fillValueHigh, high),
                Long.compareUnsigned(sum, low) < 0 ? 1 : 0);
        fillValueLow = sum;
    }

    long leavesRaw() {
        return request.quantity().raw() - filledRaw;
    }

    OrderView view() {
        Price average = null;
        if (filledRaw != 0) {
            BigInteger value = BigInteger.valueOf(fillValueHigh).shiftLeft(64)
                    .add(new BigInteger(Long.toUnsignedString(fillValueLow)));
            average = Price.ofRaw(value.divide(BigInteger.valueOf(filledRaw)).longValueExact());
        }
        return new OrderView(clientOrderId, orderId, strategyId, request, status, Quantity.ofRaw(filledRaw), average,
                parent, createdTime, updatedTime, reason);
    }

    @Override
    public String toString() {
        return clientOrderId + "[" + status + " " + FixedPoint.format(filledRaw) + "/" + request.quantity() + "]";
    }
}
