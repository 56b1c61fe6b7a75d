package io.amcp.risk;

import io.amcp.api.model.InstrumentId;
import io.amcp.risk.internal.Checks;
import io.amcp.risk.internal.FactorModel;
import io.amcp.risk.internal.RiskCalculations;
import io.amcp.risk.stress.StressResult;
import io.amcp.risk.stress.StressScenario;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming risk of one portfolio: the returns history and benchmark are analysed once (covariance,
 * correlation, Cholesky factor, betas) and reused while prices change. {@link #updatePrice} is O(number
 * of positions on that symbol); {@link #parametricVar} is O(assets²) with no allocation beyond its
 * result; {@link #report} reruns only the price-dependent measures (historical revaluation
 * O(assets x days), Monte Carlo O(paths x exposed assets²) on the cached factor with the same seed, so
 * successive reports use common random numbers and move only because prices moved).
 *
 * <p>Not thread-safe: feed it from one thread (the kernel thread or a risk worker).
 */
public final class RiskMonitor {

    private final RiskConfig config;
    private final FactorModel model;
    private List<Position> positions;
    private double cash;
    private double[][] exposures;

    RiskMonitor(RiskConfig config, FactorModel model, Portfolio portfolio) {
        this.config = config;
        this.model = model;
        replacePortfolio(portfolio);
    }

    /**
     * Marks {@code symbol} at {@code price}: positions on that symbol take the price, and positions
     * with Greeks on that underlying take it as their underlying price (Greeks are not re-priced).
     */
    public void updatePrice(InstrumentId symbol, double price) {
        Checks.present("symbol", symbol);
        Checks.positive("price", price);
        List<Position> marked = null;
        for (int k = 0; k < positions.size(); k++) {
            Position position = positions.get(k);
            Position updated = position;
            if (position.symbol().equals(symbol)) {
                updated = updated.withPrice(price);
            }
            if (position.hasGreeks() && position.underlying().equals(symbol)) {
                updated = updated.withUnderlyingPrice(price);
            }
            if (updated != position) {
                if (marked == null) {
                    marked = new ArrayList<>(positions);
                }
                marked.set(k, updated);
            }
        }
        if (marked != null) {
            positions = marked;
            exposures = null;
        }
    }

    /** Replaces positions and cash (after fills); the analysed history is kept. */
    public void replacePortfolio(Portfolio portfolio) {
        Checks.present("portfolio", portfolio);
        RiskCalculations.factorExposures(portfolio.positions(), model, "positions");
        this.positions = portfolio.positions();
        this.cash = portfolio.cash();
        this.exposures = null;
    }

    /** The portfolio at the latest prices. */
    public Portfolio portfolio() {
        return Portfolio.of(positions, cash);
    }

    /** Parametric VaR/CVaR at the latest prices: the cheap figure to recompute on every tick. */
    public VarEstimate parametricVar(double confidence) {
        Checks.confidence("confidence", confidence);
        return RiskCalculations.parametric(exposures()[0], model, confidence);
    }

    /** Every measure at the latest prices, without pending orders. */
    public RiskReport report() {
        return report(List.of());
    }

    /** Every measure at the latest prices, with the projection of {@code pendingOrders}. */
    public RiskReport report(List<PendingOrder> pendingOrders) {
        Checks.present("pendingOrders", pendingOrders);
        if (model.betas() == null) {
            throw new IllegalStateException("benchmark: a report needs the monitor to be created with a benchmark");
        }
        double[] delta = exposures()[0];
        double[] gamma = exposures()[1];
        List<Double> levels = config.confidenceLevels();

        List<VarEstimate> var = new ArrayList<>();
        var.addAll(RiskCalculations.fromSample(VarMethod.HISTORICAL,
                RiskCalculations.historicalPnl(delta, gamma, model), levels));
        List<ComponentVar> components = new ArrayList<>();
        for (double level : levels) {
            var.add(RiskCalculations.parametric(delta, model, level));
            components.addAll(RiskCalculations.componentVar(delta, model, level));
        }
        var.addAll(RiskCalculations.fromSample(VarMethod.MONTE_CARLO,
                RiskCalculations.monteCarloPnl(delta, gamma, model, config.monteCarloPaths(), config.seed(),
                        config.distribution(), config.parallel()), levels));

        Portfolio projected = Portfolio.of(positions, cash).withFilled(pendingOrders);
        double[] projectedDelta = RiskCalculations.factorExposures(projected.positions(), model, "positions+orders")[0];
        List<VarEstimate> projectedVar = new ArrayList<>();
        for (double level : levels) {
            projectedVar.add(RiskCalculations.parametric(projectedDelta, model, level));
        }

        List<StressResult> stress = new ArrayList<>();
        for (StressScenario scenario : config.scenarios()) {
            stress.add(RiskCalculations.stress(positions, cash, scenario));
        }
        Exposure exposure = RiskCalculations.exposure(positions, cash);
        return new RiskReport(cash + exposure.net(), exposure, RiskCalculations.margin(positions, cash, config.margin()),
                RiskCalculations.exposure(projected.positions(), projected.cash()),
                RiskCalculations.margin(projected.positions(), projected.cash(), config.margin()), projectedVar, var,
                components, new CorrelationMatrix(model.symbols(), model.correlation()),
                RiskCalculations.beta(delta, model), RiskCalculations.bySymbol(positions),
                RiskCalculations.bySector(positions), RiskCalculations.greeks(positions), stress);
    }

    private double[][] exposures() {
        if (exposures == null) {
            exposures = RiskCalculations.factorExposures(positions, model, "positions");
        }
        return exposures;
    }
}
