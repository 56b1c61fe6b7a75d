package io.amcp.core.oms;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.order.OrderStatus;

/** An order event that the transition table does not allow; the order is left unchanged. */
public final class IllegalOrderTransitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IllegalOrderTransitionException(ClientOrderId id, OrderStatus from, String event) {
        super("order " + id + ": illegal transition from " + from + " on " + event);
    }

    public IllegalOrderTransitionException(String message) {
        super(message);
    }
}
