package io.amcp.api.order;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.OrderId;

/**
 * A held leg (bracket/OTO exit) became active because its parent filled; status HELD -> ACCEPTED.
 *
 * @param clientOrderId client order id of the leg
 * @param orderId       venue id of the leg
 * @param time          nanoseconds since the epoch
 */
public record OrderTriggered(ClientOrderId clientOrderId, OrderId orderId, long time) implements OrderEvent {
}
