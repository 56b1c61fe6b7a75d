package io.amcp.api.spi;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.SubmitOrder;

/**
 * A venue behind the cluster's fence ({@link StrategyOwnershipGate#fence}). The kernel names the
 * strategy that owns each order (an algorithm's child orders belong to their parent's strategy) and
 * the ownership epoch the strategy instance was started under; the fence lets the order, cancel or
 * replace through only while this node still owns that strategy at exactly that epoch, so a stale
 * owner can neither send nor touch the new owner's orders, whatever the shape of the client order id.
 * Orders of owners that are not under cluster ownership (manual and API orders) do not pass the fence.
 */
public interface OrderFence extends BrokerConnector {

    /**
     * Sends {@code order} of {@code owner} if this node owns {@code owner} at {@code epoch} and the
     * client order id was never sent before; otherwise the order comes back as an
     * {@code OrderRejected} whose reason starts with {@code fenced:} or {@code duplicate:}.
     */
    void submit(SubmitOrder order, StrategyId owner, long epoch);

    /**
     * Cancels an order of {@code owner} if this node owns {@code owner} at {@code epoch}; a refused
     * cancel is not sent and returns false (the order stays with the strategy's current owner).
     */
    boolean cancel(ClientOrderId clientOrderId, StrategyId owner, long epoch);

    /** Replaces an order of {@code owner}, under the same condition as {@link #cancel(ClientOrderId, StrategyId, long)}. */
    boolean replace(ReplaceOrder replace, StrategyId owner, long epoch);
}
