package io.amcp.api.order;

import io.amcp.api.model.ClientOrderId;

/**
 * The venue refused the order.
 *
 * @param clientOrderId client order id
 * @param reason        the venue's reason
 * @param time          nanoseconds since the epoch
 */
public record OrderRejected(ClientOrderId clientOrderId, String reason, long time) implements OrderEvent {
}
