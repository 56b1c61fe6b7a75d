package io.amcp.api.order;

import io.amcp.api.model.ClientOrderId;

/**
 * The order was canceled (on request, by an OCO sibling's fill, by IOC/FOK rules, or with its parent).
 *
 * @param clientOrderId client order id
 * @param reason        why
 * @param time          nanoseconds since the epoch
 */
public record OrderCanceled(ClientOrderId clientOrderId, String reason, long time) implements OrderEvent {
}
