package io.amcp.api.order;

import io.amcp.api.model.ClientOrderId;

/**
 * Something that happened to an order. Brokers emit these; the OMS applies them through its
 * state-transition table; the portfolio books fills; the owning strategy is told.
 */
public sealed interface OrderEvent permits OrderSubmitted, OrderDenied, OrderAccepted, OrderRejected, OrderFilled,
        OrderPendingCancel, OrderCanceled, OrderExpired, OrderReplaced, OrderTriggered {

    ClientOrderId clientOrderId();

    /** Nanoseconds since the epoch. */
    long time();
}
