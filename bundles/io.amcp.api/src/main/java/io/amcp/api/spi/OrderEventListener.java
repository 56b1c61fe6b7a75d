package io.amcp.api.spi;

import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderView;

/**
 * A tap on a trading node's order events for components outside the kernel (web sockets, Kafka,
 * audit): register an implementation as an OSGi service and the kernel calls it for every order
 * event it has journaled and applied. Called on the kernel thread: it must not block and must not
 * call back into the {@link TradingNode} except for reads, which then run inline.
 */
@FunctionalInterface
public interface OrderEventListener {

    /**
     * An order event was applied.
     *
     * @param event the event, as the OMS applied it
     * @param order the order as the OMS holds it after the event, or null if the OMS does not know
     *              the id (an event for an order that was never submitted)
     */
    void onOrderEvent(OrderEvent event, OrderView order);
}
