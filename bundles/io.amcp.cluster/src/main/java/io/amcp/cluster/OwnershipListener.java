package io.amcp.cluster;

import io.amcp.api.model.StrategyId;

/**
 * Told when this member takes a strategy over or loses it. Called on one notification thread, in
 * order; a slow listener delays later notifications but never the lease renewals.
 */
public interface OwnershipListener {

    /** This member now owns {@code strategy} at {@code epoch}; recover it and start it. */
    void acquired(StrategyId strategy, long epoch);

    /** This member no longer owns {@code strategy} (lease lost or expired); stop it at once. */
    void lost(StrategyId strategy, long epoch, String reason);
}
