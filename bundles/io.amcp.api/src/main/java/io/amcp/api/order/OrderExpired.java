package io.amcp.api.order;

import io.amcp.api.model.ClientOrderId;

/**
 * The order's time in force ran out (a DAY order at the close, an OPG/CLS order after its auction).
 *
 * @param clientOrderId client order id
 * @param time          nanoseconds since the epoch
 */
public record OrderExpired(ClientOrderId clientOrderId, long time) implements OrderEvent {
}
