package io.amcp.core.risk;

import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.RiskContext;
import io.amcp.api.spi.RiskDecision;
import io.amcp.api.spi.RiskRule;

/**
 * Refuses an order whose position-increasing part costs more than the account's buying power.
 * The part of an order that only reduces a position is always allowed.
 */
public final class BuyingPowerRule implements RiskRule {

    public static final String NAME = "buying-power";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskDecision check(SubmitOrder order, StrategyId strategy, RiskContext context) {
        long increasing = OrderExposure.increasingQuantityRaw(order, context);
        if (increasing == 0) {
            return RiskDecision.APPROVED;
        }
        long cost = OrderExposure.notionalRaw(order, context, increasing);
        if (cost < 0) {
            return RiskDecision.reject(NAME, "no price known for " + order.instrument() + " to value the order");
        }
        long available = context.buyingPower().raw();
        if (cost > available) {
            return RiskDecision.reject(NAME, "insufficient buying power: order needs " + FixedPoint.format(cost)
                    + ", available " + FixedPoint.format(available));
        }
        return RiskDecision.APPROVED;
    }
}
