package io.amcp.core.risk;

import io.amcp.api.model.StrategyId;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.RiskContext;
import io.amcp.api.spi.RiskDecision;
import io.amcp.api.spi.RiskRule;

/** Refuses every new order while the kill switch is engaged. Always first in the chain. */
public final class KillSwitchRule implements RiskRule {

    public static final String NAME = "kill-switch";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskDecision check(SubmitOrder order, StrategyId strategy, RiskContext context) {
        return context.killSwitchEngaged()
                ? RiskDecision.reject(NAME, "kill switch engaged: no new orders")
                : RiskDecision.APPROVED;
    }
}
