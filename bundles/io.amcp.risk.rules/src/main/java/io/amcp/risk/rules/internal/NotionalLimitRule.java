package io.amcp.risk.rules.internal;

import io.amcp.api.model.StrategyId;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.RiskAction;
import io.amcp.api.spi.RiskContext;
import io.amcp.api.spi.RiskRule;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Per-order notional (a fat-finger check) and the account's gross exposure after the order
 * ({@code gross - |MV| + |MV + order notional|} for the order's symbol). Monitors the gross exposure
 * after every market event; {@code reduce} cuts every position the rule has seen by the fraction
 * {@code 1 - limit / gross}.
 */
@Component(service = RiskRule.class, configurationPid = "io.amcp.risk.rules.notional",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = NotionalLimitConfig.class, factory = true)
public final class NotionalLimitRule extends LimitRule<NotionalLimitRule.Limits> {

    record Limits(String name, RiskAction action, double maxOrderNotional, double maxGrossExposure)
            implements LimitRule.Limits {

        static Limits of(NotionalLimitConfig c) {
            Limits l = new Limits(Settings.name(c.name(), "notional-limit"), Settings.action(c.action()),
                    Settings.optional("maxOrderNotional", c.maxOrderNotional()),
                    Settings.optional("maxGrossExposure", c.maxGrossExposure()));
            if (l.maxOrderNotional == 0 && l.maxGrossExposure == 0) {
                throw new IllegalArgumentException("maxOrderNotional: set it or maxGrossExposure, both are 0");
            }
            return l;
        }
    }

    @Activate
    public NotionalLimitRule(NotionalLimitConfig config) {
        super(Limits.of(config));
    }

    @Modified
    void modified(NotionalLimitConfig config) {
        update(Limits.of(config));
    }

    @Override
    public boolean monitors() {
        return true;
    }

    @Override
    String preTrade(Limits l, SubmitOrder order, StrategyId strategy, RiskContext context) {
        double notional = Exposures.signedNotional(order, context);
        if (Double.isNaN(notional)) {
            return "no price known for " + order.instrument() + " to value the order";
        }
        if (l.maxOrderNotional > 0 && Math.abs(notional) > l.maxOrderNotional) {
            return "order notional " + Exposures.money(Math.abs(notional)) + " of " + order.instrument()
                    + " exceeds limit " + Exposures.money(l.maxOrderNotional);
        }
        if (l.maxGrossExposure > 0) {
            double gross = Exposures.gross(context.account());
            double held = Exposures.marketValue(context, order.instrument());
            double after = gross - Math.abs(held) + Math.abs(held + notional);
            if (after > l.maxGrossExposure && after > gross) {
                return "gross exposure would be " + Exposures.money(after) + ", limit "
                        + Exposures.money(l.maxGrossExposure);
            }
        }
        return null;
    }

    @Override
    String breach(Limits l, RiskContext context) {
        double gross = Exposures.gross(context.account());
        if (l.maxGrossExposure > 0 && gross > l.maxGrossExposure) {
            return "gross exposure " + Exposures.money(gross) + " exceeds limit " + Exposures.money(l.maxGrossExposure);
        }
        return null;
    }

    @Override
    List<SubmitOrder> reducingOrders(Limits l, RiskContext context) {
        double gross = Exposures.gross(context.account());
        return Exposures.scaleDown(context, seenInstruments(), 1 - l.maxGrossExposure / gross);
    }
}
