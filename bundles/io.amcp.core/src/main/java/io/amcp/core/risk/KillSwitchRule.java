package io.amcp.core.risk;

import io.amcp.api.model.StrategyId;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.RiskContext;
import io.amcp.api.spi.RiskDecision;
import io.amcp.api.spi.RiskRule;

/**
 * Refuses every new order while the kill switch is engaged, except orders of the risk engine that
 * only reduce positions. Always first in the chain.
 */
public final class KillSwitchRule implements RiskRule {

    public static final String NAME = "kill-switch";

    @Override
    public String name() {
        return NAME;
    }

    /** The owner of orders the risk engine itself submits (hedges, liquidation). */
    public static final StrategyId RISK_OWNER = StrategyId.of("risk");

    @Override
    public RiskDecision check(SubmitOrder order, StrategyId strategy, RiskContext context) {
        if (!context.killSwitchEngaged()) {
            return RiskDecision.APPROVED;
        }
        if (RISK_OWNER.equals(strategy) && OrderExposure.increasingQuantityRaw(order, context) == 0) {
            return RiskDecision.APPROVED; // the risk engine may still reduce positions
        }
        return RiskDecision.reject(NAME, "kill switch engaged: no new orders");
    }
}
