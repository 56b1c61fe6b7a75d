package io.amcp.core;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.api.spi.PluginStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sends approved orders to a venue: the first online connector in registration order, and
 * cancels/replaces to the venue that holds the order. Smart routing by rules comes later
 * (execution issue); this is the single-venue route.
 */
final class ExecutionRouter {

    private final List<BrokerConnector> brokers = new CopyOnWriteArrayList<>();
    private final Map<ClientOrderId, BrokerConnector> routes = new HashMap<>();

    void add(BrokerConnector broker) {
        brokers.add(broker);
    }

    void remove(BrokerConnector broker) {
        brokers.remove(broker);
        routes.values().removeIf(b -> b == broker);
    }

    void submit(SubmitOrder order) {
        BrokerConnector venue = null;
        for (BrokerConnector b : brokers) {
            if (b.status().state() == PluginStatus.State.ONLINE) {
                venue = b;
                break;
            }
        }
        if (venue == null) {
            throw new IllegalStateException("no broker connector online to route " + order.clientOrderId());
        }
        if (brokers.size() > 1) {
            routes.put(order.clientOrderId(), venue); // with one venue, venueOf's fallback is that venue
        }
        venue.submit(order);
    }

    void cancel(ClientOrderId id) {
        venueOf(id).cancel(id);
    }

    void replace(ReplaceOrder replace) {
        BrokerConnector venue = venueOf(replace.clientOrderId());
        routes.put(replace.newClientOrderId(), venue);
        venue.replace(replace);
    }

    private BrokerConnector venueOf(ClientOrderId id) {
        BrokerConnector b = routes.get(id);
        if (b == null) {
            String base = id.value();
            int dash = base.lastIndexOf('-');
            if (dash > 0) {
                b = routes.get(ClientOrderId.of(base.substring(0, dash)));
            }
        }
        if (b == null) {
            if (brokers.isEmpty()) {
                throw new IllegalStateException("no broker connector for " + id);
            }
            b = brokers.get(0);
        }
        return b;
    }
}
