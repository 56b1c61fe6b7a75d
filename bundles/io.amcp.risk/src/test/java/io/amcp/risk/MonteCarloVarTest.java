package io.amcp.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;

class MonteCarloVarTest {

    private static final int PATHS = 100_000;

    private static Portfolio longShortBook(int assets) {
        List<Position> positions = new ArrayList<>();
        for (int a = 0; a < assets; a++) {
            positions.add(Position.of("S" + a, (a % 4 == 3 ? -1 : 1) * (200 + 13 * a), 30.0 + 2 * a));
        }
        return Portfolio.of(positions);
    }

    @Test
    void normalMonteCarloConvergesToTheParametricVar() {
        // standard error of the 99% quantile of 100k normal paths: sqrt(0.99 * 0.01 / 1e5) / phi(2.326)
        // = 0.0083 sigma, 0.36% of the VaR; the tolerance of 1.5% is four standard errors
        ReturnsHistory history = SampleData.history(10, 500, 5);
        Portfolio portfolio = longShortBook(10);
        RiskAnalyzer analyzer = RiskAnalyzer.of(RiskConfig.defaults().withMonteCarlo(PATHS, 2024L));
        for (double confidence : new double[] {0.95, 0.99}) {
            VarEstimate parametric = analyzer.parametricVar(portfolio, history, confidence);
            VarEstimate monteCarlo = analyzer.monteCarloVar(portfolio, history, confidence);
            assertThat(monteCarlo.var()).as("VaR %s", confidence)
                    .isCloseTo(parametric.var(), within(0.015 * parametric.var()));
            assertThat(monteCarlo.cvar()).as("CVaR %s", confidence)
                    .isCloseTo(parametric.cvar(), within(0.02 * parametric.cvar()));
        }
    }

    @Test
    void monteCarloQuantilesKeepTheNormalRatio() {
        ReturnsHistory history = SampleData.history(10, 500, 6);
        Portfolio portfolio = longShortBook(10);
        RiskAnalyzer analyzer = RiskAnalyzer.of(RiskConfig.defaults().withMonteCarlo(PATHS, 99L));
        // the 95% and 99% Monte Carlo VaRs of a normal P&L are z * sigma: their ratio is z99 / z95
        double ratio = analyzer.monteCarloVar(portfolio, history, 0.99).var()
                / analyzer.monteCarloVar(portfolio, history, 0.95).var();
        assertThat(ratio).isCloseTo(2.3263478740408408 / 1.6448536269514722, within(0.02));
    }

    @Test
    void resultDependsOnTheSeedOnlyNotOnParallelism() {
        ReturnsHistory history = SampleData.history(8, 300, 7);
        Portfolio portfolio = longShortBook(8);
        RiskConfig config = RiskConfig.defaults().withMonteCarlo(50_000, 17L);
        VarEstimate sequential = RiskAnalyzer.of(config).monteCarloVar(portfolio, history, 0.99);
        VarEstimate parallel = RiskAnalyzer.of(config.withParallel(true)).monteCarloVar(portfolio, history, 0.99);
        assertThat(parallel).isEqualTo(sequential);
        VarEstimate otherSeed = RiskAnalyzer.of(config.withMonteCarlo(50_000, 18L))
                .monteCarloVar(portfolio, history, 0.99);
        assertThat(otherSeed.var()).isNotEqualTo(sequential.var());
    }

    @Test
    void studentTMonteCarloMatchesTheScaledTQuantile() {
        // one asset, exposure e, daily sd s: r = s sqrt((nu - 2) / nu) T_nu, so VaR = e s sqrt(3/5) t_5(0.99)
        double[][] returns = SampleData.returns(1, 400, 8);
        ReturnsHistory history = ReturnsHistory.of(List.of("S0"), returns);
        double s = new StandardDeviation(true).evaluate(returns[0]);
        double exposure = 1_000_000.0;
        Portfolio portfolio = Portfolio.of(List.of(Position.of("S0", 10_000, 100.0)));
        RiskAnalyzer analyzer = RiskAnalyzer.of(RiskConfig.defaults().withMonteCarlo(200_000, 3L)
                .withDistribution(ReturnDistribution.studentT(5.0)));
        double expected = exposure * s * Math.sqrt(3.0 / 5.0) * new TDistribution(5.0).inverseCumulativeProbability(0.99);
        assertThat(analyzer.monteCarloVar(portfolio, history, 0.99).var()).isCloseTo(expected, within(0.03 * expected));
    }

    @Test
    void shortGammaLossesFollowAScaledChiSquare() {
        // a delta-neutral short option book on one asset: P&L = 0.5 g r^2 with g < 0 and r ~ N(0, s^2),
        // so the loss is 0.5 |g| s^2 chi2(1) and VaR99 = 0.5 |g| s^2 * chi2_1^-1(0.99)
        double[][] returns = SampleData.returns(1, 400, 9);
        ReturnsHistory history = ReturnsHistory.of(List.of("S0"), returns);
        double s = new StandardDeviation(true).evaluate(returns[0]);
        Greeks greeks = Greeks.of(100.0, 0.2, 0.0, 0.05, 0.0, 0.0, 0.0);
        Position shortStraddle = Position.option("S0C", "S0", -50, 8.0, 100, "TECH", greeks);
        double returnGamma = -50 * 100 * 0.05 * 100.0 * 100.0;
        RiskAnalyzer analyzer = RiskAnalyzer.of(RiskConfig.defaults().withMonteCarlo(200_000, 4L));
        double expected = 0.5 * Math.abs(returnGamma) * s * s * new ChiSquaredDistribution(1.0)
                .inverseCumulativeProbability(0.99);
        VarEstimate var = analyzer.monteCarloVar(Portfolio.of(List.of(shortStraddle)), history, 0.99);
        assertThat(var.var()).isCloseTo(expected, within(0.03 * expected));
    }
}
