package io.amcp.risk.rules.internal;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.RiskAction;
import io.amcp.api.spi.RiskContext;
import io.amcp.api.spi.RiskRule;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Refuses an order that could take the absolute position in its symbol above the limit, counting the
 * strategy-independent open orders on the same side as if they filled. Orders that move the position
 * towards flat always pass. Pre-trade only.
 */
@Component(service = RiskRule.class, configurationPid = "io.amcp.risk.rules.position",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = PositionLimitConfig.class, factory = true)
public final class PositionLimitRule extends LimitRule<PositionLimitRule.Limits> {

    record Limits(String name, RiskAction action, double maxQuantity, Map<InstrumentId, Double> perSymbol)
            implements LimitRule.Limits {

        static Limits of(PositionLimitConfig c) {
            return new Limits(Settings.name(c.name(), "position-limit"), Settings.action(c.action()),
                    Settings.positiveDecimal("maxQuantity", c.maxQuantity()),
                    Settings.symbolMap("limits", c.limits(), v -> Settings.positiveDecimal("limits", v)));
        }

        double limit(InstrumentId id) {
            return perSymbol.getOrDefault(id, maxQuantity);
        }
    }

    @Activate
    public PositionLimitRule(PositionLimitConfig config) {
        super(Limits.of(config));
    }

    @Modified
    void modified(PositionLimitConfig config) {
        update(Limits.of(config));
    }

    @Override
    String preTrade(Limits l, SubmitOrder order, StrategyId strategy, RiskContext context) {
        double position = context.position(order.instrument()).quantity().toDouble();
        double pending = 0;
        for (OrderView open : context.openOrders()) {
            if (open.request().instrument().equals(order.instrument()) && open.request().side() == order.side()
                    && open.parentClientOrderId() == null) {
                pending += open.leavesQuantity().toDouble();
            }
        }
        double worst = position + order.side().sign() * (pending + order.quantity().toDouble());
        double limit = l.limit(order.instrument());
        if (Math.abs(worst) > limit && Math.abs(worst) > Math.abs(position)) {
            return order.instrument() + " position would reach " + Exposures.plain(worst) + ", limit "
                    + Exposures.plain(limit);
        }
        return null;
    }
}
