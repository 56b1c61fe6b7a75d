package io.amcp.risk.rules.internal;

import io.amcp.api.model.StrategyId;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.portfolio.AccountView;
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
 * Margin usage {@code (long% x LMV + short% x |SMV|) / equity}, Reg-T style: 50% of long market value
 * and 50% of short market value beyond the proceeds, over the account's equity (infinite when equity
 * is not positive). Pre-trade, the order's symbol moves between long and short market value at the
 * order's reference price (equity is unchanged by a trade at that price). {@code reduce} cuts every
 * position the rule has seen by {@code 1 - limit / usage} (the requirement is linear in the
 * positions and a trade at market leaves equity unchanged).
 */
@Component(service = RiskRule.class, configurationPid = "io.amcp.risk.rules.margin",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = MarginUsageConfig.class, factory = true)
public final class MarginUsageRule extends LimitRule<MarginUsageRule.Limits> {

    record Limits(String name, RiskAction action, double maxUsage, double longRate, double shortRate)
            implements LimitRule.Limits {

        static Limits of(MarginUsageConfig c) {
            return new Limits(Settings.name(c.name(), "margin-usage"), Settings.action(c.action()),
                    Settings.positive("maxUsagePercent", c.maxUsagePercent()) / 100,
                    Settings.percent("longInitialPercent", c.longInitialPercent()) / 100,
                    Settings.percent("shortInitialPercent", c.shortInitialPercent()) / 100);
        }

        double usage(double longValue, double shortValueAbs, double equity) {
            double requirement = longRate * longValue + shortRate * shortValueAbs;
            return equity > 0 ? requirement / equity : requirement > 0 ? Double.POSITIVE_INFINITY : 0;
        }
    }

    @Activate
    public MarginUsageRule(MarginUsageConfig config) {
        super(Limits.of(config));
    }

    @Modified
    void modified(MarginUsageConfig config) {
        update(Limits.of(config));
    }

    @Override
    public boolean monitors() {
        return true;
    }

    private static double usage(Limits l, AccountView a) {
        return l.usage(a.longMarketValue().toDouble(), -a.shortMarketValue().toDouble(), a.equity().toDouble());
    }

    @Override
    String preTrade(Limits l, SubmitOrder order, StrategyId strategy, RiskContext context) {
        double notional = Exposures.signedNotional(order, context);
        if (Double.isNaN(notional)) {
            return "no price known for " + order.instrument() + " to value the order";
        }
        AccountView a = context.account();
        double held = Exposures.marketValue(context, order.instrument());
        double next = held + notional;
        double longValue = a.longMarketValue().toDouble() - Math.max(held, 0) + Math.max(next, 0);
        double shortValue = -a.shortMarketValue().toDouble() - Math.max(-held, 0) + Math.max(-next, 0);
        double before = usage(l, a);
        double after = l.usage(longValue, shortValue, a.equity().toDouble());
        if (after > l.maxUsage && after > before) {
            return "initial margin would be " + Exposures.percent(after) + " of equity "
                    + Exposures.money(a.equity().toDouble()) + ", limit " + Exposures.plain(l.maxUsage * 100) + "%";
        }
        return null;
    }

    @Override
    String breach(Limits l, RiskContext context) {
        AccountView a = context.account();
        double usage = usage(l, a);
        if (usage > l.maxUsage) {
            return "initial margin is " + Exposures.percent(usage) + " of equity " + Exposures.money(a.equity().toDouble())
                    + ", limit " + Exposures.plain(l.maxUsage * 100) + "%";
        }
        return null;
    }

    @Override
    List<SubmitOrder> reducingOrders(Limits l, RiskContext context) {
        return Exposures.scaleDown(context, seenInstruments(), 1 - l.maxUsage / usage(l, context.account()));
    }
}
