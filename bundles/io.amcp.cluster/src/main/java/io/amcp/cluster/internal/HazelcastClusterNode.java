package io.amcp.cluster.internal;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.StrategyOwnershipGate;
import io.amcp.cluster.AccountRecord;
import io.amcp.cluster.ClusterNode;
import io.amcp.cluster.ClusterSettings;
import io.amcp.cluster.FencedConnector;
import io.amcp.cluster.MarketCache;
import io.amcp.cluster.OrderRecord;
import io.amcp.cluster.Ownership;
import io.amcp.cluster.ParameterSweep;
import io.amcp.cluster.PositionRecord;
import io.amcp.cluster.SharedState;
import io.amcp.cluster.StrategyOwnership;
import java.util.function.Consumer;

/** A Hazelcast member with the platform's maps, ownership leases and research executor. */
public final class HazelcastClusterNode implements ClusterNode, SharedState {

    private final ClusterSettings settings;
    private final HazelcastInstance hazelcast;
    private final OwnershipManager ownership;
    private final MarketCache marketCache;
    private final ParameterSweep sweep;
    private final Clock clusterClock;
    private final ClusterOwnershipGate kernelGate;

    private HazelcastClusterNode(ClusterSettings settings, HazelcastInstance hazelcast) {
        this.settings = settings;
        this.hazelcast = hazelcast;
        long leaseMillis = settings.lease().toMillis();
        // quarantine: long enough for the others to drop a stalled member and for it to merge back
        long quarantineMillis = settings.heartbeatTimeout().toMillis() + 2 * leaseMillis;
        this.ownership = new OwnershipManager(hazelcast, assignments(), settings.memberName(), leaseMillis,
                quarantineMillis, settings.quorum());
        this.marketCache = new HazelcastMarketCache(hazelcast.getMap(HazelcastConfigs.QUOTES),
                hazelcast.getMap(HazelcastConfigs.BARS));
        this.sweep = new ExecutorParameterSweep(hazelcast);
        this.clusterClock = () -> Math.multiplyExact(hazelcast.getCluster().getClusterTime(), 1_000_000L);
        this.kernelGate = new ClusterOwnershipGate(this);
    }

    /** Starts a member; see {@link ClusterNode#start}. */
    public static HazelcastClusterNode start(ClusterSettings settings) {
        HazelcastClusterNode node = new HazelcastClusterNode(settings,
                Hazelcast.newHazelcastInstance(HazelcastConfigs.of(settings)));
        node.ownership.start();
        return node;
    }

    @Override
    public String memberId() {
        return ownership.memberId();
    }

    @Override
    public String memberName() {
        return settings.memberName();
    }

    @Override
    public SharedState state() {
        return this;
    }

    @Override
    public MarketCache marketCache() {
        return marketCache;
    }

    @Override
    public StrategyOwnership ownership() {
        return ownership;
    }

    @Override
    public ParameterSweep sweep() {
        return sweep;
    }

    @Override
    public FencedConnector fence(BrokerConnector venue) {
        return fence(venue, gone -> { });
    }

    /** A fence that tells {@code disconnected} when it is disconnected (its venue removed). */
    FencedOrderGate fence(BrokerConnector venue, Consumer<FencedConnector> disconnected) {
        return new FencedOrderGate(venue, ownership, assignments(), orders(), memberId(), clusterClock,
                settings.lease().toMillis(), disconnected);
    }

    @Override
    public StrategyOwnershipGate kernelGate() {
        return kernelGate;
    }

    @Override
    public HazelcastInstance hazelcast() {
        return hazelcast;
    }

    @Override
    public IMap<String, OrderRecord> orders() {
        return hazelcast.getMap(HazelcastConfigs.ORDERS);
    }

    @Override
    public IMap<String, PositionRecord> positions() {
        return hazelcast.getMap(HazelcastConfigs.POSITIONS);
    }

    @Override
    public IMap<String, AccountRecord> accounts() {
        return hazelcast.getMap(HazelcastConfigs.ACCOUNTS);
    }

    @Override
    public IMap<String, Ownership> assignments() {
        return hazelcast.getMap(HazelcastConfigs.ASSIGNMENTS);
    }

    @Override
    public void close() {
        ownership.stop();
        hazelcast.shutdown();
    }
}
