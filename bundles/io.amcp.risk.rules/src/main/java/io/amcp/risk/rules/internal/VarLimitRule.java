package io.amcp.risk.rules.internal;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.RiskAction;
import io.amcp.api.spi.RiskContext;
import io.amcp.api.spi.RiskRule;
import io.amcp.risk.Portfolio;
import io.amcp.risk.Position;
import io.amcp.risk.ReturnsHistory;
import io.amcp.risk.RiskAnalyzer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Parametric (normal, zero-mean) one-day VaR of the delta-one positions in the configured symbols,
 * plus the new order at its reference price. With {@code returns} configured the VaR comes from
 * io.amcp.risk ({@link RiskAnalyzer#parametricVar}, sample covariance of the history); otherwise from
 * {@code z * sqrt(sum_ij e_i e_j s_i s_j rho_ij)} with the configured volatilities {@code s} and one
 * correlation {@code rho} for every pair. An order in a symbol with neither is refused (fail closed),
 * and so is any order while positions outside the configured symbols hold gross exposure, because
 * their risk cannot be measured. {@code reduce} cuts every configured position by
 * {@code 1 - limit / VaR} (VaR is linear in a common scale of the positions).
 */
@Component(service = RiskRule.class, configurationPid = "io.amcp.risk.rules.var",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = VarLimitConfig.class, factory = true)
public final class VarLimitRule extends LimitRule<VarLimitRule.Limits> {

    record Limits(String name, RiskAction action, double maxVar, double confidence,
            Map<InstrumentId, Double> volatilities, double correlation, ReturnsHistory history)
            implements LimitRule.Limits {

        static Limits of(VarLimitConfig c) {
            double confidence = c.confidencePercent();
            if (!(confidence > 50 && confidence < 100)) {
                throw new IllegalArgumentException("confidencePercent: must be above 50 and below 100, was " + confidence);
            }
            double rho = c.correlation();
            if (!(rho >= -1 && rho <= 1)) {
                throw new IllegalArgumentException("correlation: must be between -1 and 1, was " + rho);
            }
            Map<InstrumentId, Double> vols = Settings.symbolMap("volatilities", c.volatilities(),
                    v -> Settings.positive("volatilities", Settings.number(v)));
            ReturnsHistory history = history(c.returns());
            if (vols.isEmpty() && history == null) {
                throw new IllegalArgumentException("volatilities: set volatilities or returns, both are empty");
            }
            return new Limits(Settings.name(c.name(), "var-limit"), Settings.action(c.action()),
                    Settings.positive("maxVar", c.maxVar()), confidence / 100, Map.copyOf(vols), rho, history);
        }

        private static ReturnsHistory history(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            Map<InstrumentId, double[]> rows = new LinkedHashMap<>();
            for (String series : text.split(";")) {
                rows.putAll(Settings.symbolMap("returns", series, v -> {
                    String[] parts = v.trim().split("\\s+");
                    double[] r = new double[parts.length];
                    for (int i = 0; i < parts.length; i++) {
                        r[i] = Settings.number(parts[i]);
                    }
                    return r;
                }));
            }
            try {
                return new ReturnsHistory(List.copyOf(rows.keySet()), rows.values().toArray(double[][]::new));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("returns: " + e.getMessage(), e);
            }
        }

        boolean models(InstrumentId id) {
            return history != null ? history.indexOf(id) >= 0 : volatilities.containsKey(id);
        }

        List<InstrumentId> symbols() {
            return history != null ? history.symbols() : List.copyOf(volatilities.keySet());
        }
    }

    private static final RiskAnalyzer ANALYZER = RiskAnalyzer.standard();

    @Activate
    public VarLimitRule(VarLimitConfig config) {
        super(Limits.of(config));
    }

    @Modified
    void modified(VarLimitConfig config) {
        update(Limits.of(config));
    }

    @Override
    public boolean monitors() {
        return true;
    }

    /** VaR of market values {@code exposures} (one per {@link Limits#symbols()}), as a positive loss. */
    static double var(Limits l, double[] exposures) {
        List<InstrumentId> symbols = l.symbols();
        if (l.history != null) {
            List<Position> positions = new ArrayList<>();
            for (int i = 0; i < symbols.size(); i++) {
                if (exposures[i] != 0) {
                    positions.add(new Position(symbols.get(i), exposures[i], 1.0, 1.0, Position.UNCLASSIFIED,
                            symbols.get(i), null));
                }
            }
            return positions.isEmpty() ? 0 : ANALYZER.parametricVar(Portfolio.of(positions), l.history, l.confidence).var();
        }
        double variance = 0;
        for (int i = 0; i < symbols.size(); i++) {
            double si = exposures[i] * l.volatilities.get(symbols.get(i));
            for (int j = 0; j < symbols.size(); j++) {
                double sj = exposures[j] * l.volatilities.get(symbols.get(j));
                variance += si * sj * (i == j ? 1 : l.correlation);
            }
        }
        return NormalQuantile.of(l.confidence) * Math.sqrt(Math.max(0, variance));
    }

    private static double[] exposures(Limits l, RiskContext context) {
        List<InstrumentId> symbols = l.symbols();
        double[] e = new double[symbols.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = Exposures.marketValue(context, symbols.get(i));
        }
        return e;
    }

    /** Gross exposure held outside the configured symbols, which the VaR cannot see. */
    private static double unmodelled(double[] exposures, RiskContext context) {
        double modelled = 0;
        for (double e : exposures) {
            modelled += Math.abs(e);
        }
        return Exposures.gross(context.account()) - modelled;
    }

    @Override
    String preTrade(Limits l, SubmitOrder order, StrategyId strategy, RiskContext context) {
        if (!l.models(order.instrument())) {
            return "no volatility or return history configured for " + order.instrument();
        }
        double notional = Exposures.signedNotional(order, context);
        if (Double.isNaN(notional)) {
            return "no price known for " + order.instrument() + " to value the order";
        }
        double[] e = exposures(l, context);
        double outside = unmodelled(e, context);
        if (outside > 0.01) {
            return "positions outside the configured symbols hold " + Exposures.money(outside)
                    + " of gross exposure; their VaR cannot be measured";
        }
        double before = var(l, e);
        e[l.symbols().indexOf(order.instrument())] += notional;
        double after = var(l, e);
        if (after > l.maxVar && after > before) {
            return "VaR(" + Exposures.plain(l.confidence * 100) + "%, 1d) would be " + Exposures.money(after)
                    + " with " + order.side() + " " + order.quantity() + " " + order.instrument() + ", limit "
                    + Exposures.money(l.maxVar);
        }
        return null;
    }

    @Override
    String breach(Limits l, RiskContext context) {
        double var = var(l, exposures(l, context));
        if (var > l.maxVar) {
            return "VaR(" + Exposures.plain(l.confidence * 100) + "%, 1d) " + Exposures.money(var) + " exceeds limit "
                    + Exposures.money(l.maxVar);
        }
        return null;
    }

    @Override
    List<SubmitOrder> reducingOrders(Limits l, RiskContext context) {
        double var = var(l, exposures(l, context));
        return Exposures.scaleDown(context, l.symbols(), 1 - l.maxVar / var);
    }
}
