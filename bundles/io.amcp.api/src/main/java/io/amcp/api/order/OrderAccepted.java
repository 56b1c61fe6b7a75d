package io.amcp.api.order;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.OrderId;

/**
 * The venue acknowledged the order; it is working.
 *
 * @param clientOrderId client order id
 * @param orderId       venue order id
 * @param time          nanoseconds since the epoch
 */
public record OrderAccepted(ClientOrderId clientOrderId, OrderId orderId, long time) implements OrderEvent {
}
