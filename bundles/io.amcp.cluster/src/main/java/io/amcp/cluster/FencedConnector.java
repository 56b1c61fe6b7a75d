package io.amcp.cluster;

import io.amcp.api.model.StrategyId;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.api.spi.OrderFence;
import java.util.List;

/**
 * A {@link BrokerConnector} that fences orders by strategy ownership (see {@link ClusterNode#fence}).
 * The {@link OrderFence} methods fence by the owner and epoch the caller names; the plain ones by the
 * strategy an id of the form {@code <strategy>:<sequence>} names, at the epoch this member holds now
 * (cancels and replaces of other ids go to the venue as they are).
 */
public interface FencedConnector extends OrderFence {

    /**
     * Recovery after this member took {@code strategy} over at {@code epoch}: every order of the
     * strategy still claimed under an older epoch is checked with the venue ({@link BrokerConnector#resend})
     * and sent under the new epoch if the venue never got it. Returns all the strategy's orders as the
     * shared map then holds them, for the strategy to restore its state from.
     *
     * @throws IllegalStateException if this member does not hold {@code strategy} at {@code epoch}
     */
    List<OrderRecord> recover(StrategyId strategy, long epoch);
}
