package io.amcp.risk;

import io.amcp.risk.internal.Checks;
import io.amcp.risk.internal.FactorModel;
import io.amcp.risk.internal.RiskCalculations;
import io.amcp.risk.stress.StressResult;
import io.amcp.risk.stress.StressScenario;
import java.util.List;

/**
 * Entry point of the risk analytics: one {@link RiskReport} per call to {@link #analyze}, single
 * measures for callers that need only one, and {@link #monitor} for streaming prices.
 *
 * <p>Every position's {@link Position#underlying()} must have a row in the returns history (an
 * option is exposed through its underlying's returns). VaR is over one day (the history's period),
 * with zero mean for the parametric method; historical and Monte Carlo revalue each scenario to
 * second order (dollar delta and gamma); vega, theta and rho enter only the stress scenarios.
 * Immutable and thread-safe.
 */
public final class RiskAnalyzer {

    private final RiskConfig config;

    private RiskAnalyzer(RiskConfig config) {
        this.config = Checks.present("config", config);
    }

    /** An analyzer with {@code config}. */
    public static RiskAnalyzer of(RiskConfig config) {
        return new RiskAnalyzer(config);
    }

    /** An analyzer with {@link RiskConfig#defaults()}. */
    public static RiskAnalyzer standard() {
        return new RiskAnalyzer(RiskConfig.defaults());
    }

    /** The configuration. */
    public RiskConfig config() {
        return config;
    }

    /** Every measure for {@code portfolio}, without pending orders. */
    public RiskReport analyze(Portfolio portfolio, ReturnsHistory history, BenchmarkReturns benchmark) {
        return analyze(portfolio, history, benchmark, List.of());
    }

    /** Every measure for {@code portfolio}, with the exposure, margin and VaR projected over {@code pendingOrders}. */
    public RiskReport analyze(Portfolio portfolio, ReturnsHistory history, BenchmarkReturns benchmark,
            List<PendingOrder> pendingOrders) {
        return monitor(portfolio, history, benchmark).report(pendingOrders);
    }

    /** A streaming monitor of {@code portfolio} that analyses the history once. */
    public RiskMonitor monitor(Portfolio portfolio, ReturnsHistory history, BenchmarkReturns benchmark) {
        Checks.present("portfolio", portfolio);
        return new RiskMonitor(config, FactorModel.of(history, benchmark), portfolio);
    }

    /** Historical-simulation VaR/CVaR (see {@code docs/risk.md} for the quantile convention). */
    public VarEstimate historicalVar(Portfolio portfolio, ReturnsHistory history, double confidence) {
        Checks.confidence("confidence", confidence);
        FactorModel model = FactorModel.of(history);
        double[][] e = RiskCalculations.factorExposures(Checks.present("portfolio", portfolio).positions(), model,
                "positions");
        return RiskCalculations.fromSample(VarMethod.HISTORICAL, RiskCalculations.historicalPnl(e[0], e[1], model),
                List.of(confidence)).get(0);
    }

    /** Normal variance-covariance VaR/CVaR, zero mean, delta exposures. */
    public VarEstimate parametricVar(Portfolio portfolio, ReturnsHistory history, double confidence) {
        Checks.confidence("confidence", confidence);
        FactorModel model = FactorModel.of(history);
        double[][] e = RiskCalculations.factorExposures(Checks.present("portfolio", portfolio).positions(), model,
                "positions");
        return RiskCalculations.parametric(e[0], model, confidence);
    }

    /** Monte Carlo VaR/CVaR with the configured paths, seed, innovations and parallelism. */
    public VarEstimate monteCarloVar(Portfolio portfolio, ReturnsHistory history, double confidence) {
        Checks.confidence("confidence", confidence);
        FactorModel model = FactorModel.of(history);
        double[][] e = RiskCalculations.factorExposures(Checks.present("portfolio", portfolio).positions(), model,
                "positions");
        double[] pnl = RiskCalculations.monteCarloPnl(e[0], e[1], model, config.monteCarloPaths(), config.seed(),
                config.distribution(), config.parallel());
        return RiskCalculations.fromSample(VarMethod.MONTE_CARLO, pnl, List.of(confidence)).get(0);
    }

    /** Euler allocation of the parametric VaR per asset; the components sum to the parametric VaR. */
    public List<ComponentVar> componentVar(Portfolio portfolio, ReturnsHistory history, double confidence) {
        Checks.confidence("confidence", confidence);
        FactorModel model = FactorModel.of(history);
        double[][] e = RiskCalculations.factorExposures(Checks.present("portfolio", portfolio).positions(), model,
                "positions");
        return RiskCalculations.componentVar(e[0], model, confidence);
    }

    /** Pearson correlation of the assets' returns. */
    public CorrelationMatrix correlation(ReturnsHistory history) {
        FactorModel model = FactorModel.of(history);
        return new CorrelationMatrix(model.symbols(), model.correlation());
    }

    /** Betas of the assets and the portfolio to {@code benchmark}. */
    public BetaReport beta(Portfolio portfolio, ReturnsHistory history, BenchmarkReturns benchmark) {
        FactorModel model = FactorModel.of(history, benchmark);
        double[][] e = RiskCalculations.factorExposures(Checks.present("portfolio", portfolio).positions(), model,
                "positions");
        return RiskCalculations.beta(e[0], model);
    }

    /** Long, short, gross and net market value. */
    public Exposure exposure(Portfolio portfolio) {
        Checks.present("portfolio", portfolio);
        return RiskCalculations.exposure(portfolio.positions(), portfolio.cash());
    }

    /** Margin requirements and usage under the configured policy. */
    public MarginUsage margin(Portfolio portfolio) {
        Checks.present("portfolio", portfolio);
        return RiskCalculations.margin(portfolio.positions(), portfolio.cash(), config.margin());
    }

    /** Greeks summed over positions. */
    public AggregatedGreeks greeks(Portfolio portfolio) {
        return RiskCalculations.greeks(Checks.present("portfolio", portfolio).positions());
    }

    /** Per-position and total P&L of {@code scenario}. */
    public StressResult stress(Portfolio portfolio, StressScenario scenario) {
        Checks.present("portfolio", portfolio);
        Checks.present("scenario", scenario);
        return RiskCalculations.stress(portfolio.positions(), portfolio.cash(), scenario);
    }
}
