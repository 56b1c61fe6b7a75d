package io.amcp.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.Money;
import io.amcp.api.model.OrderId;
import io.amcp.api.model.Price;
import io.amcp.api.order.OrderAccepted;
import io.amcp.api.order.OrderFilled;
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
 * The venue of the kernel failover test: one book shared by all member processes (a Hazelcast map
 * keyed by client order id, so it survives any one member's death). It takes a client order id once,
 * fills it at once in full at {@link #PRICE} without commission, and refuses it after, writing every
 * refused repeat to a second map so the test sees any attempt to send an order twice. Like a real
 * venue's reconciliation, {@link #resend} re-sends the accept and fill of every order it has.
 */
final class KernelVenue implements BrokerConnector {

    static final String BOOK = "test.kernel-venue.book";
    static final String REPEATS = "test.kernel-venue.repeats";
    static final Price PRICE = Price.of("100");

    /** What the venue knows of an order: who sent it, under which epoch, and the signed quantity filled (raw). */
    record Entry(String member, long epoch, String strategy, long signedQuantityRaw, String side, String instrument,
            long quantityRaw) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final IMap<String, Entry> book;
    private final IMap<String, String> repeats;
    private final IMap<String, OrderRecord> claims;
    private final String member;
    private volatile BrokerListener listener;

    KernelVenue(HazelcastInstance hazelcast, SharedState state, String member) {
        this.book = hazelcast.getMap(BOOK);
        this.repeats = hazelcast.getMap(REPEATS);
        this.claims = state.orders();
        this.member = member;
    }

    @Override
    public String id() {
        return "kernel-venue";
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
        long signed = order.side() == io.amcp.api.model.Side.BUY ? order.quantity().raw() : -order.quantity().raw();
        Entry entry = new Entry(member, claim == null ? -1 : claim.epoch(), ClusterOrderIds.strategyOf(order.clientOrderId())
                .value(), signed, order.side().name(), order.instrument().value(), order.quantity().raw());
        Entry previous = book.putIfAbsent(id, entry);
        long now = System.currentTimeMillis() * 1_000_000L;
        if (previous == null) {
            report(order.clientOrderId(), entry, now);
        } else {
            repeats.put(id + "@" + member + "@" + System.nanoTime(), previous.member());
            listener.onOrderEvent(new OrderRejected(order.clientOrderId(), "duplicate client order id", now));
        }
    }

    private void report(ClientOrderId id, Entry e, long now) {
        BrokerListener l = listener;
        l.onOrderEvent(new OrderAccepted(id, OrderId.of("K-" + id.value()), now));
        l.onOrderEvent(new OrderFilled(id, "KT-" + id.value(), io.amcp.api.model.InstrumentId.of(e.instrument()),
                io.amcp.api.model.Side.valueOf(e.side()), io.amcp.api.model.Quantity.ofRaw(e.quantityRaw()), PRICE,
                Money.ZERO, now));
    }

    @Override
    public void cancel(ClientOrderId clientOrderId) {
        throw new UnsupportedOperationException("the test venue fills at once; nothing is left to cancel");
    }

    @Override
    public void replace(ReplaceOrder replace) {
        throw new UnsupportedOperationException("the test venue fills at once; nothing is left to replace");
    }

    @Override
    public Set<ClientOrderId> resend(Collection<ClientOrderId> clientOrderIds) {
        Set<ClientOrderId> unknown = new LinkedHashSet<>();
        long now = System.currentTimeMillis() * 1_000_000L;
        for (ClientOrderId id : clientOrderIds) {
            Entry e = book.get(id.value());
            if (e == null) {
                unknown.add(id);
            } else {
                report(id, e, now);
            }
        }
        return unknown;
    }
}
