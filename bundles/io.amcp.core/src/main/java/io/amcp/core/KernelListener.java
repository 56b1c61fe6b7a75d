package io.amcp.core;

import io.amcp.api.model.Bar;
import io.amcp.api.order.OrderEvent;

/**
 * A tap on the kernel (backtest recorders, web sockets, metrics, Kafka). Called on the kernel
 * thread after the kernel has applied the event; must not block.
 */
public interface KernelListener {

    /** An order event was journaled and applied to the OMS and ledger. */
    default void onOrderEvent(OrderEvent event) {
    }

    /** A bar was fully processed (broker, ledger, strategies). */
    default void onBarProcessed(Bar bar) {
    }

    /** Something went wrong that the kernel survived (illegal transition, failing strategy). */
    default void onError(String message) {
    }

    /** A risk limit was breached (any action); {@code rule} names the limit. */
    default void onRiskAlert(String rule, String message) {
    }
}
