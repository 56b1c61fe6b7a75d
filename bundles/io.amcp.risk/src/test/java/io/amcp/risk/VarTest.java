package io.amcp.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class VarTest {

    private static final double Z95 = 1.6448536269514722;
    private static final double Z99 = 2.3263478740408408;

    // A: mean 0.005, deviations .005 -.025 .025 -.005, sum of squares 0.0013 -> variance 0.0013/3
    // B: mean 0.010, deviations .010 0 -.020 .010,       sum of squares 0.0006 -> variance 0.0006/3
    // cross products .005*.01 + 0 + .025*-.02 + -.005*.01 = -0.0005 -> covariance -0.0005/3
    private static final ReturnsHistory TWO_ASSETS = ReturnsHistory.of(List.of("AAA", "BBB"), new double[][] {
        {0.01, -0.02, 0.03, 0.00},
        {0.02, 0.01, -0.01, 0.02}});

    /** 100 AAA at 50 and 200 BBB at 25: 5,000 each, weights 0.5 / 0.5, value 10,000. */
    private static final Portfolio HALF_HALF = Portfolio.of(List.of(
            Position.of("AAA", 100, 50.0), Position.of("BBB", 200, 25.0)));

    private final RiskAnalyzer analyzer = RiskAnalyzer.standard();

    @Test
    void parametricVarOfTwoAssetsByHand() {
        // w' Σ w = (0.25 * 0.0013 + 0.25 * 0.0006 + 2 * 0.25 * -0.0005) / 3 = 0.000225 / 3 = 0.000075
        double sigmaP = Math.sqrt(0.000075);
        double value = 10_000.0;
        VarEstimate var95 = analyzer.parametricVar(HALF_HALF, TWO_ASSETS, 0.95);
        VarEstimate var99 = analyzer.parametricVar(HALF_HALF, TWO_ASSETS, 0.99);
        assertThat(var95.var()).isCloseTo(Z95 * sigmaP * value, within(1e-9));
        assertThat(var99.var()).isCloseTo(Z99 * sigmaP * value, within(1e-9));
        // normal expected shortfall: sigma * phi(z) / (1 - c)
        NormalDistribution normal = new NormalDistribution(0.0, 1.0);
        assertThat(var95.cvar()).isCloseTo(sigmaP * value * normal.density(Z95) / 0.05, within(1e-9));
        assertThat(var99.cvar()).isCloseTo(sigmaP * value * normal.density(Z99) / 0.01, within(1e-9));
    }

    @Test
    void componentVarOfTwoAssetsByHand() {
        // Σ w = ((0.5 * 0.0013 - 0.5 * 0.0005) / 3, (-0.5 * 0.0005 + 0.5 * 0.0006) / 3) = (0.0004 / 3, 0.00005 / 3)
        // contributions w_i (Σ w)_i / w' Σ w = (0.0002 / 0.000225, 0.000025 / 0.000225) = (8/9, 1/9)
        double totalVar = Z99 * Math.sqrt(0.000075) * 10_000.0;
        List<ComponentVar> components = analyzer.componentVar(HALF_HALF, TWO_ASSETS, 0.99);
        assertThat(components).hasSize(2);
        assertThat(components.get(0).contribution()).isCloseTo(8.0 / 9.0, within(1e-12));
        assertThat(components.get(1).contribution()).isCloseTo(1.0 / 9.0, within(1e-12));
        assertThat(components.get(0).componentVar()).isCloseTo(totalVar * 8.0 / 9.0, within(1e-9));
        // marginal VaR of A: z (Σ e)_A / sigma_p in dollars = z * (0.0004 / 3) * 10,000 / (sqrt(0.000075) * 10,000)
        assertThat(components.get(0).marginalVar()).isCloseTo(Z99 * (0.0004 / 3) / Math.sqrt(0.000075), within(1e-12));
    }

    @Test
    void componentVarsOfALargerPortfolioSumToTheParametricVar() {
        ReturnsHistory history = SampleData.history(12, 300, 21);
        List<Position> positions = new ArrayList<>();
        for (int a = 0; a < 12; a++) {
            positions.add(Position.of("S" + a, (a % 3 == 0 ? -1 : 1) * (100 + 37 * a), 20.0 + a));
        }
        Portfolio portfolio = Portfolio.of(positions);
        for (double confidence : new double[] {0.95, 0.99}) {
            double total = analyzer.parametricVar(portfolio, history, confidence).var();
            double sum = analyzer.componentVar(portfolio, history, confidence).stream()
                    .mapToDouble(ComponentVar::componentVar).sum();
            assertThat(sum).isCloseTo(total, within(1e-9 * total));
        }
    }

    @Test
    void historicalVarOfAHandSortedSample() {
        // one asset, 20 days, position worth 1,000,000: P&L = return * 1,000,000
        double[] returns = {0.012, -0.031, 0.004, 0.022, -0.008, -0.045, 0.017, 0.001, -0.019, 0.009,
            -0.027, 0.013, 0.006, -0.002, 0.030, -0.012, 0.008, -0.038, 0.015, -0.005};
        ReturnsHistory history = ReturnsHistory.of(List.of("ONE"), new double[][] {returns});
        Portfolio portfolio = Portfolio.of(List.of(Position.of("ONE", 10_000, 100.0)));
        // sorted ascending the worst returns are -0.045, -0.038, -0.031, -0.027, -0.019, ...
        // convention k = ceil(n (1 - c)): n = 20 -> k = 1 at 95% and 99%, k = 2 at 90%, k = 4 at 80%
        VarEstimate var95 = analyzer.historicalVar(portfolio, history, 0.95);
        assertThat(var95.var()).isCloseTo(45_000.0, within(1e-6));
        assertThat(var95.cvar()).isCloseTo(45_000.0, within(1e-6));
        VarEstimate var90 = analyzer.historicalVar(portfolio, history, 0.90);
        assertThat(var90.var()).isCloseTo(38_000.0, within(1e-6));
        assertThat(var90.cvar()).isCloseTo((45_000.0 + 38_000.0) / 2, within(1e-6));
        VarEstimate var80 = analyzer.historicalVar(portfolio, history, 0.80);
        assertThat(var80.var()).isCloseTo(27_000.0, within(1e-6));
        assertThat(var80.cvar()).isCloseTo((45_000.0 + 38_000.0 + 31_000.0 + 27_000.0) / 4, within(1e-6));
    }

    @Test
    void historicalVarOfTwoAssetsRevaluesEachDay() {
        // daily P&L = 5,000 r_A + 5,000 r_B: 150, -50, 100, 100 -> worst is -50 (k = 1 for n = 4 at 95%)
        VarEstimate var = analyzer.historicalVar(HALF_HALF, TWO_ASSETS, 0.95);
        assertThat(var.var()).isCloseTo(50.0, within(1e-9));
        // a short book loses on the up days: worst of -150, 50, -100, -100 is -150
        Portfolio shortBook = Portfolio.of(List.of(Position.of("AAA", -100, 50.0), Position.of("BBB", -200, 25.0)));
        assertThat(analyzer.historicalVar(shortBook, TWO_ASSETS, 0.95).var()).isCloseTo(150.0, within(1e-9));
    }
}
