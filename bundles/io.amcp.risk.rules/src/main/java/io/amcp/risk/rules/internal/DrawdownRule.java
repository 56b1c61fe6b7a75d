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
 * Drawdown {@code (peak - equity) / peak}, the peak being the highest equity this rule has seen
 * (after every market event and order). A configuration change keeps the peak (the component is
 * modified in place, not re-created). While breached, orders that add to positions are refused
 * (except with action {@code alert}).
 */
@Component(service = RiskRule.class, configurationPid = "io.amcp.risk.rules.drawdown",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DrawdownConfig.class, factory = true)
public final class DrawdownRule extends LimitRule<DrawdownRule.Limits> {

    record Limits(String name, RiskAction action, double maxDrawdownPercent, double reduceFraction)
            implements LimitRule.Limits {

        static Limits of(DrawdownConfig c) {
            double fraction = c.reduceFraction();
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("reduceFraction: must be above 0 and at most 1, was " + fraction);
            }
            return new Limits(Settings.name(c.name(), "drawdown"), Settings.action(c.action()),
                    Settings.percent("maxDrawdownPercent", c.maxDrawdownPercent()), fraction);
        }
    }

    private double peak;

    @Activate
    public DrawdownRule(DrawdownConfig config) {
        super(Limits.of(config));
    }

    @Modified
    void modified(DrawdownConfig config) {
        update(Limits.of(config));
    }

    @Override
    public boolean monitors() {
        return true;
    }

    /** The highest equity seen so far. */
    double peak() {
        return peak;
    }

    @Override
    String preTrade(Limits l, SubmitOrder order, StrategyId strategy, RiskContext context) {
        String breach = breach(l, context);
        return breach != null && Exposures.increases(order, context)
                ? breach + "; only orders that reduce positions pass" : null;
    }

    @Override
    String breach(Limits l, RiskContext context) {
        double equity = context.account().equity().toDouble();
        peak = Math.max(peak, equity);
        double drawdown = peak > 0 ? (peak - equity) / peak : 0;
        if (drawdown > l.maxDrawdownPercent / 100) {
            return "drawdown " + Exposures.percent(drawdown) + " from peak equity " + Exposures.money(peak)
                    + " to " + Exposures.money(equity) + ", limit " + Exposures.plain(l.maxDrawdownPercent) + "%";
        }
        return null;
    }

    @Override
    List<SubmitOrder> reducingOrders(Limits l, RiskContext context) {
        return Exposures.scaleDown(context, seenInstruments(), l.reduceFraction);
    }
}
