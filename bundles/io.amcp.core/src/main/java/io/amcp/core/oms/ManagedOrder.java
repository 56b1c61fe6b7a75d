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
    /** Sum of fill price x fill quantity in raw^2 units, exact, for the average fill price. */
    BigInteger fillValue = BigInteger.ZERO;
    long updatedTime;
    String reason;
    final Set<String> tradeIds = new HashSet<>(4);

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

    long leavesRaw() {
        return request.quantity().raw() - filledRaw;
    }

    OrderView view() {
        Price average = filledRaw == 0 ? null
                : Price.ofRaw(fillValue.divide(BigInteger.valueOf(filledRaw)).longValueExact());
        return new OrderView(clientOrderId, orderId, strategyId, request, status, Quantity.ofRaw(filledRaw), average,
                parent, createdTime, updatedTime, reason);
    }

    @Override
    public String toString() {
        return clientOrderId + "[" + status + " " + FixedPoint.format(filledRaw) + "/" + request.quantity() + "]";
    }
}
