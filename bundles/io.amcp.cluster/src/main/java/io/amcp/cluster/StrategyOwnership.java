package io.amcp.cluster;

import io.amcp.api.model.StrategyId;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Runs each registered strategy on exactly one member. The owner renews a lease a few times per lease
 * period; when it stops (process killed, paused, cut off) the lease runs out and another member takes
 * the strategy over with the next epoch. A member that finds it was stalled for longer than a lease
 * drops everything it held and sits out a quarantine before it takes anything again.
 */
public interface StrategyOwnership {

    /** Declares a strategy the cluster must run; registering it again changes nothing. */
    void register(StrategyId strategy);

    /** The current assignment as the shared map holds it. */
    Optional<Ownership> ownership(StrategyId strategy);

    /** Every registered strategy's assignment. */
    Map<StrategyId, Ownership> assignments();

    /**
     * The epoch at which this member holds {@code strategy}, if it holds it and its lease has not run
     * out by this member's own monotonic clock.
     */
    OptionalLong heldEpoch(StrategyId strategy);

    void addListener(OwnershipListener listener);

    void removeListener(OwnershipListener listener);
}
