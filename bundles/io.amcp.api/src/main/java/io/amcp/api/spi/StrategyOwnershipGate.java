package io.amcp.api.spi;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.SubmitOrder;
import java.util.List;
import java.util.OptionalLong;

/**
 * Strategy ownership when nodes run as a cluster: each strategy runs on exactly one node, the one
 * holding its lease, at an epoch that grows with every takeover. The trading kernel binds this
 * service when it is present (without it every strategy is local): a strategy this node does not
 * own waits in standby; when ownership is gained the kernel recovers the strategy's orders and
 * positions ({@link #recover}) and starts it; when it is lost the kernel stops it at once, leaving
 * its orders to the new owner. Orders of owned strategies (their own and their algorithms' child
 * orders) go out through {@link #fence} with the epoch the strategy was started under, which refuses
 * an order, cancel or replace whose epoch is no longer current, so a stale owner can never send.
 */
public interface StrategyOwnershipGate {

    /** Declares a strategy the cluster must run somewhere; declaring it again changes nothing. */
    void register(StrategyId strategy);

    /** The epoch at which this node owns {@code strategy}, empty if it does not own it now. */
    OptionalLong epoch(StrategyId strategy);

    /** Whether this node owns {@code strategy} now. */
    default boolean owns(StrategyId strategy) {
        return epoch(strategy).isPresent();
    }

    /**
     * The client order id of the {@code sequence}-th order of {@code strategy} (from 1). The id names
     * the strategy, so the fence knows whose lease must cover it; the epoch travels beside it in the
     * cluster's claim of the id, so a re-sent order keeps its id and the venue's idempotence holds.
     */
    ClientOrderId orderId(StrategyId strategy, long sequence);

    /** The sequence number of an id made by {@link #orderId}, or 0 if the id is not of that form. */
    long sequenceOf(ClientOrderId id);

    /**
     * The fence in front of {@code venue}: orders, cancels and replaces of a strategy go through it
     * with the strategy's owner and epoch ({@link OrderFence}), and it reports the orders it refuses.
     */
    OrderFence fence(BrokerConnector venue);

    /**
     * After this node gained {@code strategy} at {@code epoch}: settles the orders a former owner
     * claimed but may not have sent (asking the venue behind the fence), and returns every order of
     * the strategy the cluster knows of, in sequence order, for the kernel to rebuild its order book
     * and positions from (by reconciling them with the venue).
     *
     * @throws IllegalStateException if this node does not own {@code strategy} at {@code epoch}
     */
    List<SubmitOrder> recover(StrategyId strategy, long epoch);

    void addListener(Listener listener);

    void removeListener(Listener listener);

    /** Told, on one thread and in order, when this node gains or loses a strategy. */
    interface Listener {

        /** This node now owns {@code strategy} at {@code epoch}. */
        void gained(StrategyId strategy, long epoch);

        /** This node no longer owns {@code strategy} (lease expired or taken over); stop it at once. */
        void lost(StrategyId strategy, long epoch, String reason);
    }
}
