package io.amcp.risk.rules.internal;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.RiskAction;
import io.amcp.api.spi.RiskContext;
import io.amcp.api.spi.RiskRule;
import io.amcp.risk.AggregatedGreeks;
import io.amcp.risk.Greeks;
import io.amcp.risk.Portfolio;
import io.amcp.risk.Position;
import io.amcp.risk.RiskAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Net delta (shares), gamma (shares per 1.00 move of the underlying) and vega (currency per
 * volatility point) per underlying, over the underlying's own position (delta 1 per share) and every
 * option on it that the rule has seen in an order (OCC symbols). Each option's Greeks are
 * Black-Scholes at the underlying's last price, the configured implied volatility and rate, and the
 * kernel clock's time to expiry; io.amcp.risk ({@link RiskAnalyzer#greeks}) sums them, weighted by
 * quantity and multiplier. io.amcp.options exports no pricer yet, hence the Black-Scholes here.
 * {@code reduce} hedges a delta breach with a market order in the underlying back to the limit; a
 * gamma or vega breach cuts the options on that underlying by {@code 1 - limit / value}.
 */
@Component(service = RiskRule.class, configurationPid = "io.amcp.risk.rules.greeks",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = GreeksLimitConfig.class, factory = true)
public final class GreeksLimitRule extends LimitRule<GreeksLimitRule.Limits> {

    record Limits(String name, RiskAction action, double maxDelta, double maxGamma, double maxVega,
            double volatility, Map<InstrumentId, Double> volatilities, double rate) implements LimitRule.Limits {

        static Limits of(GreeksLimitConfig c) {
            Limits l = new Limits(Settings.name(c.name(), "greeks-limit"), Settings.action(c.action()),
                    Settings.optional("maxDelta", c.maxDelta()), Settings.optional("maxGamma", c.maxGamma()),
                    Settings.optional("maxVega", c.maxVega()), Settings.positive("volatility", c.volatility()),
                    Map.copyOf(Settings.symbolMap("volatilities", c.volatilities(),
                            v -> Settings.positive("volatilities", Settings.number(v)))), c.rate());
            if (!Double.isFinite(l.rate)) {
                throw new IllegalArgumentException("rate: must be finite, was " + l.rate);
            }
            if (l.maxDelta == 0 && l.maxGamma == 0 && l.maxVega == 0) {
                throw new IllegalArgumentException("maxDelta: set at least one of maxDelta, maxGamma, maxVega");
            }
            return l;
        }

        double volatility(InstrumentId underlying) {
            return volatilities.getOrDefault(underlying, volatility);
        }
    }

    /** Net Greeks of one underlying in the rule's units. */
    record Net(double delta, double gamma, double vega) {
    }

    private static final RiskAnalyzer ANALYZER = RiskAnalyzer.standard();

    @Activate
    public GreeksLimitRule(GreeksLimitConfig config) {
        super(Limits.of(config));
    }

    @Modified
    void modified(GreeksLimitConfig config) {
        update(Limits.of(config));
    }

    @Override
    public boolean monitors() {
        return true;
    }

    private static InstrumentId underlyingOf(InstrumentId id) {
        OccOption option = OccOption.parse(id);
        return option == null ? id : option.underlying();
    }

    /**
     * Net Greeks of {@code underlying} with {@code extra} (signed quantity) added to {@code extraId}'s
     * position; null when the underlying was never priced.
     */
    Net net(Limits l, RiskContext context, InstrumentId underlying, InstrumentId extraId, double extra) {
        Price last = context.lastPrice(underlying);
        if (last == null) {
            return null;
        }
        double s = last.toDouble();
        List<Position> positions = new ArrayList<>();
        Set<InstrumentId> members = new TreeSet<>(seenInstruments());
        members.add(underlying);
        for (InstrumentId id : members) {
            if (!underlyingOf(id).equals(underlying)) {
                continue;
            }
            double q = context.position(id).quantity().toDouble() + (id.equals(extraId) ? extra : 0);
            if (q == 0) {
                continue;
            }
            OccOption option = OccOption.parse(id);
            if (option == null) {
                positions.add(new Position(id, q, s, 1, Position.UNCLASSIFIED, id, null));
            } else {
                double[] g = option.greeks(s, l.volatility(underlying), l.rate, context.clock().nanos());
                Price mark = context.lastPrice(id);
                positions.add(Position.option(id.value(), underlying.value(), q, mark == null ? 0 : mark.toDouble(),
                        Exposures.multiplier(context, id), Position.UNCLASSIFIED,
                        Greeks.of(s, l.volatility(underlying), g[0], g[1], g[2], 0, 0)));
            }
        }
        if (positions.isEmpty()) {
            return new Net(0, 0, 0);
        }
        AggregatedGreeks a = ANALYZER.greeks(Portfolio.of(positions));
        // dollarDelta = sum q m delta S; dollarGamma = sum q m gamma S^2 / 100; vega per 1.00 of volatility
        return new Net(a.dollarDelta() / s, a.dollarGamma() * 100 / (s * s), a.vega() / 100);
    }

    private static String excess(Limits l, InstrumentId underlying, Net n, String verb) {
        if (l.maxDelta > 0 && Math.abs(n.delta) > l.maxDelta) {
            return "net delta of " + underlying + verb + Exposures.plain(round(n.delta)) + " shares, limit "
                    + Exposures.plain(l.maxDelta);
        }
        if (l.maxGamma > 0 && Math.abs(n.gamma) > l.maxGamma) {
            return "net gamma of " + underlying + verb + Exposures.plain(round(n.gamma)) + ", limit "
                    + Exposures.plain(l.maxGamma);
        }
        if (l.maxVega > 0 && Math.abs(n.vega) > l.maxVega) {
            return "net vega of " + underlying + verb + Exposures.money(n.vega) + " per vol point, limit "
                    + Exposures.plain(l.maxVega);
        }
        return null;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static boolean grows(Net before, Net after) {
        return Math.abs(after.delta) > Math.abs(before.delta) || Math.abs(after.gamma) > Math.abs(before.gamma)
                || Math.abs(after.vega) > Math.abs(before.vega);
    }

    @Override
    String preTrade(Limits l, SubmitOrder order, StrategyId strategy, RiskContext context) {
        InstrumentId underlying = underlyingOf(order.instrument());
        Net before = net(l, context, underlying, order.instrument(), 0);
        if (before == null) {
            return "no price known for " + underlying + " to compute the Greeks";
        }
        Net after = net(l, context, underlying, order.instrument(), Exposures.signedQuantity(order));
        String excess = excess(l, underlying, after, " would be ");
        return excess != null && grows(before, after) ? excess : null;
    }

    private Set<InstrumentId> underlyings() {
        Set<InstrumentId> all = new TreeSet<>();
        for (InstrumentId id : seenInstruments()) {
            all.add(underlyingOf(id));
        }
        return all;
    }

    @Override
    String breach(Limits l, RiskContext context) {
        for (InstrumentId underlying : underlyings()) {
            Net n = net(l, context, underlying, underlying, 0);
            String excess = n == null ? null : excess(l, underlying, n, " is ");
            if (excess != null) {
                return excess;
            }
        }
        return null;
    }

    @Override
    List<SubmitOrder> reducingOrders(Limits l, RiskContext context) {
        List<SubmitOrder> orders = new ArrayList<>();
        for (InstrumentId underlying : underlyings()) {
            Net n = net(l, context, underlying, underlying, 0);
            if (n == null) {
                continue;
            }
            if (l.maxDelta > 0 && Math.abs(n.delta) > l.maxDelta) {
                long shares = (long) Math.ceil(Math.abs(n.delta) - l.maxDelta - 1e-9);
                orders.add(SubmitOrder.market(underlying, n.delta > 0 ? Side.SELL : Side.BUY, Quantity.of(shares)));
            } else if (l.maxGamma > 0 && Math.abs(n.gamma) > l.maxGamma) {
                orders.addAll(Exposures.scaleDown(context, options(underlying), 1 - l.maxGamma / Math.abs(n.gamma)));
            } else if (l.maxVega > 0 && Math.abs(n.vega) > l.maxVega) {
                orders.addAll(Exposures.scaleDown(context, options(underlying), 1 - l.maxVega / Math.abs(n.vega)));
            }
        }
        return orders;
    }

    private List<InstrumentId> options(InstrumentId underlying) {
        List<InstrumentId> options = new ArrayList<>();
        for (InstrumentId id : seenInstruments()) {
            if (!id.equals(underlying) && underlyingOf(id).equals(underlying)) {
                options.add(id);
            }
        }
        return options;
    }
}
