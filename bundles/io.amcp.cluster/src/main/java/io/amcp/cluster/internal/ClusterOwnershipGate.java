package io.amcp.cluster.internal;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.api.spi.PluginStatus;
import io.amcp.api.spi.StrategyOwnershipGate;
import io.amcp.cluster.ClusterOrderIds;
import io.amcp.cluster.FencedConnector;
import io.amcp.cluster.OrderRecord;
import io.amcp.cluster.OwnershipListener;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The kernel's view of this member's strategy ownership: leases and epochs from the node's
 * {@link io.amcp.cluster.StrategyOwnership}, order ids from {@link ClusterOrderIds}, and one
 * {@link FencedOrderGate} per venue (forgotten when the kernel disconnects it), the first online one of
 * which settles a gained strategy's in-flight orders.
 */
final class ClusterOwnershipGate implements StrategyOwnershipGate {

    private final HazelcastClusterNode node;
    private final List<FencedConnector> fences = new CopyOnWriteArrayList<>();
    private final Map<Listener, OwnershipListener> adapters = new ConcurrentHashMap<>();

    ClusterOwnershipGate(HazelcastClusterNode node) {
        this.node = node;
    }

    @Override
    public void register(StrategyId strategy) {
        node.ownership().register(strategy);
    }

    @Override
    public OptionalLong epoch(StrategyId strategy) {
        return node.ownership().heldEpoch(strategy);
    }

    @Override
    public ClientOrderId orderId(StrategyId strategy, long sequence) {
        return ClusterOrderIds.of(strategy, sequence);
    }

    @Override
    public long sequenceOf(ClientOrderId id) {
        return ClusterOrderIds.parseSequence(id);
    }

    @Override
    public FencedConnector fence(BrokerConnector venue) {
        FencedConnector fence = node.fence(venue, fences::remove);
        fences.add(fence);
        return fence;
    }

    /**
     * Settles the strategy's in-flight orders through the fence of the first venue that is online; with
     * no venue online, returns the cluster's records as they are (orders still claimed by a former owner
     * are then settled by whoever owns the strategy once a venue is there).
     */
    @Override
    public List<SubmitOrder> recover(StrategyId strategy, long epoch) {
        OptionalLong held = epoch(strategy);
        if (held.isEmpty() || held.getAsLong() != epoch) {
            throw new IllegalStateException("strategy " + strategy + ": not held at epoch " + epoch);
        }
        FencedConnector live = fences.stream().filter(f -> f.status().state() == PluginStatus.State.ONLINE)
                .findFirst().orElse(null);
        List<OrderRecord> records = live == null
                ? List.copyOf(node.state().orders().values(new OrdersOfStrategy(strategy.value())))
                : live.recover(strategy, epoch);
        return records.stream()
                .sorted((a, b) -> Long.compare(sequenceOf(ClientOrderId.of(a.clientOrderId())),
                        sequenceOf(ClientOrderId.of(b.clientOrderId()))))
                .map(OrderRecord::toSubmitOrder).toList();
    }

    @Override
    public void addListener(Listener listener) {
        OwnershipListener adapter = new OwnershipListener() {
            @Override
            public void acquired(StrategyId strategy, long epoch) {
                listener.gained(strategy, epoch);
            }

            @Override
            public void lost(StrategyId strategy, long epoch, String reason) {
                listener.lost(strategy, epoch, reason);
            }
        };
        adapters.put(listener, adapter);
        node.ownership().addListener(adapter);
    }

    @Override
    public void removeListener(Listener listener) {
        OwnershipListener adapter = adapters.remove(listener);
        if (adapter != null) {
            node.ownership().removeListener(adapter);
        }
    }
}
