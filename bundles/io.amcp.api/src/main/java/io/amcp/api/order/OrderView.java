package io.amcp.api.order;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.OrderId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.StrategyId;

/**
 * A read-only snapshot of one order as the OMS knows it.
 *
 * @param clientOrderId      client order id
 * @param orderId            venue id once accepted, else null
 * @param strategyId         owning strategy (or {@code manual})
 * @param request            the order as submitted (after replaces: as replaced)
 * @param status             current status
 * @param filledQuantity     filled so far
 * @param averageFillPrice   volume-weighted fill price, or null before the first fill
 * @param parentClientOrderId parent of a bracket/OCO/OTO leg, else null
 * @param createdTime        nanoseconds since the epoch
 * @param updatedTime        nanoseconds since the epoch of the last change
 * @param reason             why it was rejected/canceled/expired, else null
 */
public record OrderView(ClientOrderId clientOrderId, OrderId orderId, StrategyId strategyId, SubmitOrder request,
        OrderStatus status, Quantity filledQuantity, Price averageFillPrice, ClientOrderId parentClientOrderId,
        long createdTime, long updatedTime, String reason) {

    public Quantity leavesQuantity() {
        return status.isTerminal() ? Quantity.ZERO : request.quantity().minus(filledQuantity);
    }
}
