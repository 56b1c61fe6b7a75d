package io.amcp.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Optimisers against closed forms worked out by hand in the test. */
class ClosedFormOptimizerTest {

    private final PortfolioOptimizer optimizer = PortfolioOptimizer.standard();

    // Three assets: vols 20%, 30%, 15%; correlations 0.1, 0.05, 0.2.
    private static final double[][] SIGMA = {
        {0.0400, 0.0060, 0.0015},
        {0.0060, 0.0900, 0.0090},
        {0.0015, 0.0090, 0.0225},
    };
    private static final double[] MU = {0.08, 0.12, 0.05};
    private static final AssetUniverse THREE = AssetUniverse.ofSymbols("AAA", "BBB", "CCC");

    @Test
    void twoAssetMinimumVarianceMatchesTheClosedForm() {
        double s1 = 0.20;
        double s2 = 0.30;
        double s12 = 0.4 * s1 * s2;
        // w1 = (s2^2 - s12) / (s1^2 + s2^2 - 2 s12) = (0.09 - 0.024) / (0.04 + 0.09 - 0.048) = 0.066 / 0.082
        double w1 = (s2 * s2 - s12) / (s1 * s1 + s2 * s2 - 2 * s12);
        assertThat(w1).isCloseTo(0.066 / 0.082, within(1e-15));
        MarketEstimates estimates = MarketEstimates.of(AssetUniverse.ofSymbols("X", "Y"), new double[] {0.05, 0.07},
                new double[][] {{s1 * s1, s12}, {s12, s2 * s2}});

        double[] longOnly = optimizer.minimumVariance(estimates, Constraints.longOnly(2)).weights();
        double[] budgetOnly = optimizer.minimumVariance(estimates, Constraints.unconstrained(2).withBudget(1)).weights();

        assertThat(longOnly[0]).isCloseTo(w1, within(1e-6));
        assertThat(longOnly[1]).isCloseTo(1 - w1, within(1e-6));
        assertThat(budgetOnly[0]).isCloseTo(w1, within(1e-6));
    }

    @Test
    void unconstrainedMinimumVarianceIsSigmaInverseOnesNormalised() {
        double[] sigmaInvOnes = times(inverse3(SIGMA), new double[] {1, 1, 1});
        double[] expected = normalise(sigmaInvOnes);

        OptimalPortfolio p = optimizer.minimumVariance(MarketEstimates.of(THREE, MU, SIGMA),
                Constraints.unconstrained(3).withBudget(1));

        assertThat(p.weights()).containsExactly(expected, within(1e-6));
        assertThat(p.volatility()).isCloseTo(Math.sqrt(1 / sum(sigmaInvOnes)), within(1e-7));
    }

    @Test
    void tangencyPortfolioIsSigmaInverseExcessReturnsNormalised() {
        double rf = 0.02;
        double[] excess = {MU[0] - rf, MU[1] - rf, MU[2] - rf};
        double[] expected = normalise(times(inverse3(SIGMA), excess));

        OptimalPortfolio p = optimizer.maximumSharpe(MarketEstimates.of(THREE, MU, SIGMA),
                Constraints.unconstrained(3).withBudget(1), rf);

        assertThat(p.weights()).containsExactly(expected, within(1e-6));
    }

    @Test
    void meanVarianceFollowsTheTwoFundFrontier() {
        double[][] inv = inverse3(SIGMA);
        double[] ones = {1, 1, 1};
        double a = dot(ones, times(inv, ones));
        double b = dot(ones, times(inv, MU));
        double c = dot(MU, times(inv, MU));
        MarketEstimates estimates = MarketEstimates.of(THREE, MU, SIGMA);
        for (double target : new double[] {0.08, 0.10, 0.14}) {
            // Merton (1972): sigma^2(r) = (A r^2 - 2 B r + C) / (A C - B^2) on the efficient branch r >= B/A
            double variance = (a * target * target - 2 * b * target + c) / (a * c - b * b);

            OptimalPortfolio p = optimizer.meanVariance(estimates, Constraints.unconstrained(3).withBudget(1), target);

            assertThat(p.expectedReturn()).isCloseTo(target, within(1e-7));
            assertThat(p.volatility() * p.volatility()).isCloseTo(variance, within(1e-8));
        }
    }

    @Test
    void maximumUtilityWithoutConstraintsIsSigmaInverseMuOverDelta() {
        double delta = 3;
        double[] expected = times(inverse3(SIGMA), MU);
        for (int i = 0; i < 3; i++) {
            expected[i] /= delta;
        }

        OptimalPortfolio p = optimizer.maximumUtility(MarketEstimates.of(THREE, MU, SIGMA),
                Constraints.unconstrained(3), delta);

        assertThat(p.weights()).containsExactly(expected, within(1e-6));
    }

    @Test
    void riskParityOfUncorrelatedAssetsIsInverseVolatility() {
        double[][] diagonal = {{0.01, 0, 0}, {0, 0.04, 0}, {0, 0, 0.16}};
        // 1/0.1 : 1/0.2 : 1/0.4 = 10 : 5 : 2.5, i.e. 4/7, 2/7, 1/7
        OptimalPortfolio p = optimizer.riskParity(MarketEstimates.of(THREE, MU, diagonal));

        assertThat(p.weights()).containsExactly(new double[] {4.0 / 7, 2.0 / 7, 1.0 / 7}, within(1e-10));
    }

    @Test
    void riskParityEqualisesRiskContributionsUnderCorrelation() {
        OptimalPortfolio p = optimizer.riskParity(MarketEstimates.of(THREE, MU, SIGMA));
        double[] w = p.weights();
        double[] sigmaW = times(SIGMA, w);
        double total = dot(w, sigmaW);

        for (int i = 0; i < 3; i++) {
            assertThat(w[i] * sigmaW[i] / total).isCloseTo(1.0 / 3, within(1e-10));
        }
        assertThat(sum(w)).isCloseTo(1, within(1e-12));
    }

    @Test
    void riskBudgetsSetTheRiskContributionShares() {
        double[] budgets = {0.5, 0.3, 0.2};
        double[] w = optimizer.riskBudgeting(MarketEstimates.of(THREE, MU, SIGMA), budgets).weights();
        double[] sigmaW = times(SIGMA, w);
        double total = dot(w, sigmaW);

        for (int i = 0; i < 3; i++) {
            assertThat(w[i] * sigmaW[i] / total).isCloseTo(budgets[i], within(1e-10));
        }
    }

    /** Inverse of a 3x3 matrix by cofactors (independent of the code's elimination and ojAlgo). */
    static double[][] inverse3(double[][] m) {
        double a = m[0][0], b = m[0][1], c = m[0][2];
        double d = m[1][0], e = m[1][1], f = m[1][2];
        double g = m[2][0], h = m[2][1], i = m[2][2];
        double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
        return new double[][] {
            {(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det},
            {(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det},
            {(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det},
        };
    }

    static double[] times(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int r = 0; r < m.length; r++) {
            out[r] = dot(m[r], v);
        }
        return out;
    }

    static double dot(double[] x, double[] y) {
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            s += x[k] * y[k];
        }
        return s;
    }

    static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    static double[] normalise(double[] x) {
        double s = sum(x);
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            out[k] = x[k] / s;
        }
        return out;
    }
}
