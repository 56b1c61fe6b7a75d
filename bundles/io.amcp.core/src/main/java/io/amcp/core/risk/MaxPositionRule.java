package io.amcp.core.risk;

import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.RiskContext;
import io.amcp.api.spi.RiskDecision;
import io.amcp.api.spi.RiskRule;

/**
 * Refuses an order that could take the absolute position in one symbol above a limit, counting
 * the open orders on the same side as if they filled.
 */
public final class MaxPositionRule implements RiskRule {

    public static final String NAME = "max-position";

    private final Quantity limit;

    public MaxPositionRule(Quantity limit) {
        if (!limit.isPositive()) {
            throw new IllegalArgumentException("maxPositionQuantity: must be positive, was " + limit);
        }
        this.limit = limit;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskDecision check(SubmitOrder order, StrategyId strategy, RiskContext context) {
        long position = context.position(order.instrument()).quantity().raw();
        long pending = 0;
        for (OrderView open : context.openOrders()) {
            if (open.request().instrument().equals(order.instrument()) && open.request().side() == order.side()
                    && open.parentClientOrderId() == null) {
                pending = Math.addExact(pending, open.leavesQuantity().raw());
            }
        }
        long signed = order.side() == Side.BUY ? 1 : -1;
        long worst = Math.addExact(position, signed * Math.addExact(pending, order.quantity().raw()));
        if (Math.abs(worst) > limit.raw() && Math.abs(worst) > Math.abs(position)) {
            return RiskDecision.reject(NAME, "position in " + order.instrument() + " would reach "
                    + FixedPoint.format(worst) + ", limit " + limit);
        }
        return RiskDecision.APPROVED;
    }
}
