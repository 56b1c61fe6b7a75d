package io.amcp.api.order;

import io.amcp.api.model.ClientOrderId;

/**
 * A cancel was requested and sent to the venue.
 *
 * @param clientOrderId client order id
 * @param time          nanoseconds since the epoch
 */
public record OrderPendingCancel(ClientOrderId clientOrderId, long time) implements OrderEvent {
}
