package io.amcp.cluster;

import com.hazelcast.core.HazelcastInstance;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.api.spi.StrategyOwnershipGate;

/** One member of the trading cluster; registered as an OSGi service by the {@code io.amcp.cluster} component. */
public interface ClusterNode extends AutoCloseable {

    /** Starts a member with {@code settings} and joins the members it lists. */
    static ClusterNode start(ClusterSettings settings) {
        return io.amcp.cluster.internal.HazelcastClusterNode.start(settings);
    }

    /** This member's Hazelcast UUID, as stored in {@link Ownership#owner()}. */
    String memberId();

    /** This member's configured name. */
    String memberName();

    SharedState state();

    MarketCache marketCache();

    StrategyOwnership ownership();

    ParameterSweep sweep();

    /**
     * A gate in front of {@code venue}: an order goes through only if its client order id
     * ({@link ClusterOrderIds}) names a strategy this member holds at the current epoch, and a client
     * order id is never sent twice. Refused orders come back as {@code OrderRejected} events whose
     * reason starts with {@code fenced:} or {@code duplicate:}.
     */
    FencedConnector fence(BrokerConnector venue);

    /**
     * This member's strategy ownership as the trading kernel binds it: a strategy runs in the kernel
     * only while this member holds it, and its orders go out through a {@link #fence}.
     */
    StrategyOwnershipGate kernelGate();

    /** The Hazelcast member, for what this interface does not cover. */
    HazelcastInstance hazelcast();

    /** Gives up every lease at once and leaves the cluster. */
    @Override
    void close();
}
