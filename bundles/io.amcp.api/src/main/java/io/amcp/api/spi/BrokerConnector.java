package io.amcp.api.spi;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.SubmitOrder;
import java.util.Collection;
import java.util.Set;

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

    /**
     * Reconciliation after a restart: re-sends to the listener, in their original order, every event
     * the venue has for these orders (and for the orders that replaced them), so that the OMS catches
     * up on what happened while it was down; events it already has are ignored. Returns the ids the
     * venue never received, which the kernel may then send (safe: a venue refuses a client order id
     * twice). The default resends nothing and reports nothing unknown, so nothing is ever sent twice
     * by a connector that cannot tell.
     */
    default Set<ClientOrderId> resend(Collection<ClientOrderId> clientOrderIds) {
        return Set.of();
    }
}
