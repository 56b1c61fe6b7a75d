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
 * Today's loss {@code dayStartEquity - equity} against {@code maxLossPercent} of the day's starting
 * equity. Monitored after every market event; while breached, orders that open or increase a
 * position are refused (except with action {@code alert}); {@code reduce} sells
 * {@code reduceFraction} of every position the rule has seen.
 */
@Component(service = RiskRule.class, configurationPid = "io.amcp.risk.rules.dailyloss",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DailyLossConfig.class, factory = true)
public final class DailyLossRule extends LimitRule<DailyLossRule.Limits> {

    record Limits(String name, RiskAction action, double maxLossPercent, double reduceFraction)
            implements LimitRule.Limits {

        static Limits of(DailyLossConfig c) {
            double fraction = c.reduceFraction();
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("reduceFraction: must be above 0 and at most 1, was " + fraction);
            }
            return new Limits(Settings.name(c.name(), "daily-loss"), Settings.action(c.action()),
                    Settings.percent("maxLossPercent", c.maxLossPercent()), fraction);
        }
    }

    @Activate
    public DailyLossRule(DailyLossConfig config) {
        super(Limits.of(config));
    }

    @Modified
    void modified(DailyLossConfig config) {
        update(Limits.of(config));
    }

    @Override
    public boolean monitors() {
        return true;
    }

    @Override
    String preTrade(Limits l, SubmitOrder order, StrategyId strategy, RiskContext context) {
        String breach = breach(l, context);
        return breach != null && Exposures.increases(order, context)
                ? breach + "; only orders that reduce positions pass" : null;
    }

    @Override
    String breach(Limits l, RiskContext context) {
        AccountView account = context.account();
        double start = account.dayStartEquity().toDouble();
        double loss = start - account.equity().toDouble();
        if (start > 0 && loss > start * l.maxLossPercent / 100) {
            return "day loss " + Exposures.money(loss) + " is " + Exposures.percent(loss / start)
                    + " of the day's start equity " + Exposures.money(start) + ", limit "
                    + Exposures.plain(l.maxLossPercent) + "%";
        }
        return null;
    }

    @Override
    List<SubmitOrder> reducingOrders(Limits l, RiskContext context) {
        return Exposures.scaleDown(context, seenInstruments(), l.reduceFraction);
    }
}
