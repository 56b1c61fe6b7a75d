package io.amcp.api.spi;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.SubmitOrder;

/**
 * A venue: the paper exchange, Alpaca, ... Orders arrive already approved by the risk chain and
 * carry a client order id; a connector must treat a repeated client order id as a duplicate and
 * never send it twice. Results come back as {@link io.amcp.api.order.OrderEvent}s through the
 * listener given to {@link #connect}.
 */
public interface BrokerConnector {

    /** Stable id, e.g. {@code paper} or {@code alpaca}. */
    String id();

    void connect(BrokerListener listener);

    void disconnect();

    void submit(SubmitOrder order);

    void cancel(ClientOrderId clientOrderId);

    void replace(ReplaceOrder replace);

    default PluginStatus status() {
        return PluginStatus.ONLINE;
    }
}
