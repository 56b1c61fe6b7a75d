package io.amcp.core.risk;

import io.amcp.api.model.Money;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.RiskContext;
import io.amcp.api.spi.RiskDecision;
import io.amcp.api.spi.RiskRule;

/**
 * Once today's loss (equity against the day's starting equity) reaches the limit, refuses orders
 * that open or increase positions; orders that only reduce positions still pass.
 */
public final class MaxDailyLossRule implements RiskRule {

    public static final String NAME = "max-daily-loss";

    private final Money limit;

    public MaxDailyLossRule(Money limit) {
        if (limit.raw() <= 0) {
            throw new IllegalArgumentException("maxDailyLoss: must be positive, was " + limit);
        }
        this.limit = limit;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskDecision check(SubmitOrder order, StrategyId strategy, RiskContext context) {
        Money dayPnl = context.account().dayPnl();
        if (dayPnl.raw() <= -limit.raw() && OrderExposure.increasingQuantityRaw(order, context) > 0) {
            return RiskDecision.reject(NAME, "daily loss " + dayPnl.negate() + " reached limit " + limit
                    + ": only position-reducing orders allowed");
        }
        return RiskDecision.APPROVED;
    }
}
