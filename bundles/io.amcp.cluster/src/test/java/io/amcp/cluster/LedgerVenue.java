package io.amcp.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.OrderId;
import io.amcp.api.order.OrderAccepted;
import io.amcp.api.order.OrderRejected;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.api.spi.BrokerListener;
import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The venue of the failover test: one order book shared by all member processes (a Hazelcast map
 * keyed by client order id, so it survives the death of any one member). Like a real venue it takes
 * a client order id once and refuses it after; every refused repeat is also written to a second map
 * so the test sees any attempt to send an order twice.
 */
final class LedgerVenue implements BrokerConnector {

    static final String BOOK = "test.venue.book";
    static final String REPEATS = "test.venue.repeats";

    /** What the venue knows of an order: who sent it and under which epoch. */
    record Entry(String member, long epoch) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final IMap<String, Entry> book;
    private final IMap<String, String> repeats;
    private final IMap<String, OrderRecord> claims;
    private final String member;
    private BrokerListener listener;

    LedgerVenue(HazelcastInstance hazelcast, SharedState state, String member) {
        this.book = hazelcast.getMap(BOOK);
        this.repeats = hazelcast.getMap(REPEATS);
        this.claims = state.orders();
        this.member = member;
    }

    @Override
    public String id() {
        return "ledger";
    }

    @Override
    public void connect(BrokerListener listener) {
        this.listener = listener;
    }

    @Override
    public void disconnect() {
        listener = null;
    }

    @Override
    public void submit(SubmitOrder order) {
        String id = order.clientOrderId().value();
        OrderRecord claim = claims.get(id);
        Entry previous = book.putIfAbsent(id, new Entry(member, claim == null ? -1 : claim.epoch()));
        long now = System.currentTimeMillis() * 1_000_000L;
        if (previous == null) {
            listener.onOrderEvent(new OrderAccepted(order.clientOrderId(), OrderId.of("L-" + id), now));
        } else {
            repeats.put(id + "@" + member + "@" + System.nanoTime(), previous.member());
            listener.onOrderEvent(new OrderRejected(order.clientOrderId(), "duplicate client order id", now));
        }
    }

    @Override
    public void cancel(ClientOrderId clientOrderId) {
        throw new UnsupportedOperationException("the test venue takes new orders only");
    }

    @Override
    public void replace(ReplaceOrder replace) {
        throw new UnsupportedOperationException("the test venue takes new orders only");
    }

    @Override
    public Set<ClientOrderId> resend(Collection<ClientOrderId> clientOrderIds) {
        Set<ClientOrderId> unknown = new LinkedHashSet<>();
        for (ClientOrderId id : clientOrderIds) {
            if (!book.containsKey(id.value())) {
                unknown.add(id);
            }
        }
        return unknown;
    }
}
