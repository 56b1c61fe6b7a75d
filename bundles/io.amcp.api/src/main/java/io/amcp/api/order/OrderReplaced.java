package io.amcp.api.order;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.OrderId;

/**
 * The venue replaced an order: the old one is REPLACED, the replacement is ACCEPTED with the
 * already-filled quantity carried over.
 *
 * @param clientOrderId    the replaced order
 * @param replacement      the new order's client order id
 * @param replacementOrder the new order as it now works
 * @param orderId          venue id of the replacement
 * @param time             nanoseconds since the epoch
 */
public record OrderReplaced(ClientOrderId clientOrderId, ClientOrderId replacement, SubmitOrder replacementOrder,
        OrderId orderId, long time) implements OrderEvent {
}
