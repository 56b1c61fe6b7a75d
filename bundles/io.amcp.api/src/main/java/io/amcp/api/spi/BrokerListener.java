package io.amcp.api.spi;

import io.amcp.api.order.OrderEvent;

/** Receives a broker connector's order events. The kernel's implementation is thread-safe. */
public interface BrokerListener {

    void onOrderEvent(OrderEvent event);
}
