package io.amcp.cluster.internal;

import com.hazelcast.map.IMap;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderRejected;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.api.spi.BrokerListener;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.PluginStatus;
import io.amcp.cluster.ClusterOrderIds;
import io.amcp.cluster.FencedConnector;
import io.amcp.cluster.OrderRecord;
import io.amcp.cluster.Ownership;
import io.amcp.cluster.StrategyOwnership;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The fence in front of a venue. Under the strategy's key lock on the assignment map (the same lock a
 * takeover holds while it bumps the epoch) it checks that this member owns the strategy at the epoch
 * of its local lease and claims the client order id in the shared order map; it sends only after the
 * lease, re-checked on the local monotonic clock, still covers the order. An order claimed by an owner
 * that died or stalled before the send is settled by the next owner ({@link #recover}) by asking the
 * venue, and a stale owner that sends after all is refused by the venue's own idempotence, since the
 * client order id does not change across epochs.
 */
final class FencedOrderGate implements FencedConnector {

    private static final Logger LOG = Logger.getLogger(FencedOrderGate.class.getName());
    /** The epoch asked for when this member holds no lease: no assignment has it. */
    private static final long NOT_HELD = -1;

    private final BrokerConnector venue;
    private final StrategyOwnership ownership;
    private final IMap<String, Ownership> assignments;
    private final IMap<String, OrderRecord> orders;
    private final String memberId;
    private final Clock clock;
    private final long lockWaitMillis;
    private final long lockLeaseMillis;
    private final Consumer<FencedConnector> disconnected;
    private volatile BrokerListener listener;
    /** Test hook run after an order's claim and before its lease is re-checked for the send; null in production. */
    private volatile Runnable claimedBeforeSend;

    FencedOrderGate(BrokerConnector venue, StrategyOwnership ownership, IMap<String, Ownership> assignments,
            IMap<String, OrderRecord> orders, String memberId, Clock clock, long leaseMillis,
            Consumer<FencedConnector> disconnected) {
        this.venue = venue;
        this.ownership = ownership;
        this.assignments = assignments;
        this.orders = orders;
        this.memberId = memberId;
        this.clock = clock;
        this.lockWaitMillis = Math.max(50, leaseMillis / 2);
        this.lockLeaseMillis = leaseMillis;
        this.disconnected = disconnected;
    }

    @Override
    public String id() {
        return venue.id();
    }

    @Override
    public void connect(BrokerListener listener) {
        this.listener = listener;
        venue.connect(listener);
    }

    @Override
    public void disconnect() {
        venue.disconnect();
        disconnected.accept(this);
    }

    @Override
    public PluginStatus status() {
        return venue.status();
    }

    /** Fences by the strategy the id names, at the epoch this member holds it now. */
    @Override
    public void submit(SubmitOrder order) {
        ClientOrderId id = order.clientOrderId();
        if (id == null) {
            throw new IllegalArgumentException("clientOrderId: required for fenced orders (<strategy>:<sequence>)");
        }
        StrategyId strategy;
        try {
            strategy = ClusterOrderIds.strategyOf(id);
        } catch (IllegalArgumentException e) {
            reject(id, "fenced: " + e.getMessage());
            return;
        }
        submit(order, strategy, ownership.heldEpoch(strategy).orElse(NOT_HELD));
    }

    @Override
    public void submit(SubmitOrder order, StrategyId strategy, long epoch) {
        ClientOrderId id = order.clientOrderId();
        if (id == null) {
            throw new IllegalArgumentException("clientOrderId: required for fenced orders");
        }
        if (!holdsLease(strategy, epoch)) {
            reject(id, "fenced: this member holds no current lease on " + strategy + " at epoch " + epoch);
            return;
        }
        OrderRecord claim;
        if (!lock(strategy)) {
            reject(id, "fenced: the assignment of " + strategy + " stayed locked (takeover in progress?)");
            return;
        }
        try {
            Ownership current = assignments.get(strategy.value());
            if (current == null || current.epoch() != epoch || !current.owner().equals(memberId)) {
                reject(id, "fenced: epoch " + epoch + " of " + strategy + " is stale, current is "
                        + (current == null ? "none" : current.epoch() + " held by " + current.ownerName()));
                return;
            }
            OrderRecord existing = orders.get(id.value());
            if (existing != null && (existing.status() == OrderRecord.Status.SENT || existing.epoch() >= epoch)) {
                reject(id, "duplicate: client order id " + id + " was already " + existing.status().name().toLowerCase()
                        + " at epoch " + existing.epoch());
                return;
            }
            if (existing != null && !venue.resend(List.of(id)).contains(id)) {
                orders.set(id.value(), existing.sent());
                return;
            }
            claim = OrderRecord.claimed(order, strategy.value(), epoch, memberId);
            orders.set(id.value(), claim);
        } finally {
            unlock(strategy.value());
        }
        Runnable hook = claimedBeforeSend;
        if (hook != null) {
            hook.run();
        }
        if (!holdsLease(strategy, epoch)) {
            // take the claim back unless a new owner adopted it meanwhile (then the order is its to send):
            // a claim left behind would be sent by the next owner after this kernel was told it was refused
            if (orders.remove(id.value(), claim)) {
                reject(id, "fenced: the lease on " + strategy + " at epoch " + epoch + " ran out before the send");
            } else {
                LOG.info(() -> id + ": the lease at epoch " + epoch + " ran out before the send; the new owner has it");
            }
            return;
        }
        venue.submit(order);
        orders.set(id.value(), claim.sent());
    }

    /**
     * For tests only: {@code hook} runs on the submitting thread once an order is claimed and the key lock
     * released, just before the lease is re-checked and the order sent, so a test can let the lease run out
     * and a new owner take over at that very point. Null (the default) runs nothing.
     */
    void onClaimedBeforeSend(Runnable hook) {
        this.claimedBeforeSend = hook;
    }

    @Override
    public List<OrderRecord> recover(StrategyId strategy, long epoch) {
        OptionalLong held = ownership.heldEpoch(strategy);
        if (held.isEmpty() || held.getAsLong() != epoch) {
            throw new IllegalStateException("strategy " + strategy + ": not held at epoch " + epoch);
        }
        if (!lock(strategy)) {
            throw new IllegalStateException("strategy " + strategy + ": assignment stayed locked");
        }
        List<OrderRecord> all;
        try {
            Ownership current = assignments.get(strategy.value());
            if (current == null || current.epoch() != epoch || !current.owner().equals(memberId)) {
                throw new IllegalStateException("strategy " + strategy + ": epoch " + epoch + " is stale");
            }
            all = new ArrayList<>(orders.values(new OrdersOfStrategy(strategy.value())));
            List<OrderRecord> inFlight = all.stream()
                    .filter(r -> r.status() == OrderRecord.Status.CLAIMED && r.epoch() < epoch).toList();
            if (!inFlight.isEmpty()) {
                settle(inFlight, epoch);
                all = new ArrayList<>(orders.values(new OrdersOfStrategy(strategy.value())));
            }
        } finally {
            unlock(strategy.value());
        }
        all.sort(Comparator.comparingLong(r -> ClusterOrderIds.parseSequence(ClientOrderId.of(r.clientOrderId()))));
        return all;
    }

    /** Orders claimed by a former owner: the venue says which it never got; those go out now, once. */
    private void settle(List<OrderRecord> inFlight, long epoch) {
        Collection<ClientOrderId> ids = inFlight.stream().map(r -> ClientOrderId.of(r.clientOrderId())).toList();
        Set<ClientOrderId> unknown = venue.resend(ids);
        for (OrderRecord r : inFlight) {
            ClientOrderId id = ClientOrderId.of(r.clientOrderId());
            if (!unknown.contains(id)) {
                orders.set(r.clientOrderId(), r.sent());
            } else if (r.resendable()) {
                OrderRecord adopted = r.adoptedBy(memberId, epoch);
                if (!orders.replace(r.clientOrderId(), r, adopted)) {
                    LOG.info(() -> "order " + id + " was taken back by its former owner before the send; not sent");
                    continue;
                }
                venue.submit(r.toSubmitOrder());
                orders.set(r.clientOrderId(), adopted.sent());
                LOG.info(() -> "re-sent " + id + " claimed at epoch " + r.epoch() + " under epoch " + epoch);
            } else {
                LOG.warning(() -> "order " + id + " of a former owner never reached the venue and is linked or "
                        + "trailing; it is left claimed for an operator");
            }
        }
    }

    /** Fences a cancel of an id of the form {@code <strategy>:<sequence>} by the lease held on that strategy now. */
    @Override
    public void cancel(ClientOrderId clientOrderId) {
        StrategyId strategy = namedStrategy(clientOrderId);
        if (strategy == null) {
            venue.cancel(clientOrderId);
        } else {
            cancel(clientOrderId, strategy, ownership.heldEpoch(strategy).orElse(NOT_HELD));
        }
    }

    /** Fences a replace like {@link #cancel(ClientOrderId)}. */
    @Override
    public void replace(ReplaceOrder replace) {
        StrategyId strategy = namedStrategy(replace.clientOrderId());
        if (strategy == null) {
            venue.replace(replace);
        } else {
            replace(replace, strategy, ownership.heldEpoch(strategy).orElse(NOT_HELD));
        }
    }

    @Override
    public boolean cancel(ClientOrderId clientOrderId, StrategyId strategy, long epoch) {
        if (!ownsAt(strategy, epoch, "cancel of " + clientOrderId)) {
            return false;
        }
        venue.cancel(clientOrderId);
        return true;
    }

    @Override
    public boolean replace(ReplaceOrder replace, StrategyId strategy, long epoch) {
        if (!ownsAt(strategy, epoch, "replace of " + replace.clientOrderId())) {
            return false;
        }
        venue.replace(replace);
        return true;
    }

    /** The strategy an id of the form {@code <strategy>:<sequence>} names, or null. */
    private static StrategyId namedStrategy(ClientOrderId id) {
        return ClusterOrderIds.parseSequence(id) == ClusterOrderIds.NOT_FENCED_ID ? null : ClusterOrderIds.strategyOf(id);
    }

    /** Whether the local lease on {@code strategy} is at {@code epoch} and still running. */
    private boolean holdsLease(StrategyId strategy, long epoch) {
        OptionalLong held = ownership.heldEpoch(strategy);
        return held.isPresent() && held.getAsLong() == epoch;
    }

    /**
     * For cancels and replaces: the local lease is at {@code epoch} and the shared assignment names this
     * member at that epoch (a cancel claims nothing, so it needs no key lock).
     */
    private boolean ownsAt(StrategyId strategy, long epoch, String what) {
        Ownership current = holdsLease(strategy, epoch) ? assignments.get(strategy.value()) : null;
        if (current == null || current.epoch() != epoch || !current.owner().equals(memberId)) {
            LOG.warning(() -> "refused " + what + ": " + strategy + " is not held by this member at epoch " + epoch);
            return false;
        }
        return true;
    }

    @Override
    public Set<ClientOrderId> resend(Collection<ClientOrderId> clientOrderIds) {
        return venue.resend(clientOrderIds);
    }

    private boolean lock(StrategyId strategy) {
        try {
            return assignments.tryLock(strategy.value(), lockWaitMillis, TimeUnit.MILLISECONDS, lockLeaseMillis,
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void reject(ClientOrderId id, String reason) {
        BrokerListener l = listener;
        if (l != null) {
            l.onOrderEvent(new OrderRejected(id, reason, clock.nanos()));
        }
        LOG.fine(() -> "refused " + id + ": " + reason);
    }

    /** Releases the key lock; if its lease ran out meanwhile (this thread stalled) there is nothing to release. */
    private void unlock(String key) {
        try {
            assignments.unlock(key);
        } catch (IllegalMonitorStateException e) {
            LOG.fine(() -> "lock on " + key + " had already expired: " + e.getMessage());
        }
    }
}
