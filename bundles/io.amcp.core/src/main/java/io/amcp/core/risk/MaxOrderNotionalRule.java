package io.amcp.core.risk;

import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Money;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.RiskContext;
import io.amcp.api.spi.RiskDecision;
import io.amcp.api.spi.RiskRule;

/** Refuses any single order whose notional exceeds a limit (fat-finger check). */
public final class MaxOrderNotionalRule implements RiskRule {

    public static final String NAME = "max-order-notional";

    private final Money limit;

    public MaxOrderNotionalRule(Money limit) {
        if (limit.raw() <= 0) {
            throw new IllegalArgumentException("maxOrderNotional: must be positive, was " + limit);
        }
        this.limit = limit;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskDecision check(SubmitOrder order, StrategyId strategy, RiskContext context) {
        long notional = OrderExposure.notionalRaw(order, context);
        if (notional < 0) {
            return RiskDecision.reject(NAME, "no price known for " + order.instrument() + " to value the order");
        }
        if (notional > limit.raw()) {
            return RiskDecision.reject(NAME, "order notional " + FixedPoint.format(notional) + " exceeds limit "
                    + limit);
        }
        return RiskDecision.APPROVED;
    }
}
