package io.amcp.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The Rockafellar-Uryasev LP against a brute-force search over a weight grid. */
class MinimumCvarTest {

    private final PortfolioOptimizer optimizer = PortfolioOptimizer.standard();

    // Ten equally likely scenarios of three assets.
    private static final double[][] SCENARIOS = {
        {0.02, 0.05, -0.01}, {-0.03, 0.02, 0.01}, {0.01, -0.06, 0.00}, {0.04, 0.03, -0.02}, {-0.05, -0.02, 0.03},
        {0.00, 0.07, -0.03}, {0.03, -0.04, 0.02}, {-0.02, 0.01, 0.01}, {0.01, -0.01, -0.04}, {0.02, 0.04, 0.02},
    };
    private static final ReturnHistory HISTORY = ReturnHistory.of(AssetUniverse.ofSymbols("A", "B", "C"), SCENARIOS);

    /** CVaR straight from its definition: mean of the worst (1 - beta) share of losses, with a fractional last one. */
    private static double cvarByDefinition(double[] w, double beta) {
        double[] losses = new double[SCENARIOS.length];
        for (int s = 0; s < SCENARIOS.length; s++) {
            losses[s] = -(SCENARIOS[s][0] * w[0] + SCENARIOS[s][1] * w[1] + SCENARIOS[s][2] * w[2]);
        }
        Arrays.sort(losses);
        double tail = (1 - beta) * losses.length;
        double sum = 0;
        double left = tail;
        for (int k = losses.length - 1; k >= 0 && left > 1e-12; k--) {
            double share = Math.min(1, left);
            sum += share * losses[k];
            left -= share;
        }
        return sum / tail;
    }

    @Test
    void linearProgramFindsTheGridMinimumOrBetter() {
        double beta = 0.8;
        double best = Double.POSITIVE_INFINITY;
        int steps = 200;
        for (int i = 0; i <= steps; i++) {
            for (int j = 0; i + j <= steps; j++) {
                double[] w = {i / (double) steps, j / (double) steps, (steps - i - j) / (double) steps};
                best = Math.min(best, cvarByDefinition(w, beta));
            }
        }

        OptimalPortfolio p = optimizer.minimumCvar(HISTORY, Constraints.longOnly(3), beta);
        double lpCvar = cvarByDefinition(p.weights(), beta);

        assertThat(lpCvar).isLessThanOrEqualTo(best + 1e-9);
        // CVaR is piecewise linear in w: a 0.005 grid lands within a few basis points of the optimum
        assertThat(lpCvar).isGreaterThan(best - 5e-4);
        assertThat(Arrays.stream(p.weights()).min().orElseThrow()).isGreaterThanOrEqualTo(-1e-9);
        assertThat(Arrays.stream(p.weights()).sum()).isCloseTo(1, within(1e-9));
    }

    @Test
    void returnFloorIsKeptAndRaisesCvar() {
        double beta = 0.8;
        OptimalPortfolio free = optimizer.minimumCvar(HISTORY, Constraints.longOnly(3), beta);
        double floor = 0.008; // asset means are 0.003, 0.009 and -0.001

        OptimalPortfolio constrained = optimizer.minimumCvar(HISTORY, Constraints.longOnly(3), beta, floor);

        double[] w = constrained.weights();
        double mean = 0;
        for (double[] s : SCENARIOS) {
            mean += (s[0] * w[0] + s[1] * w[1] + s[2] * w[2]) / SCENARIOS.length;
        }
        assertThat(mean).isGreaterThanOrEqualTo(floor - 1e-9);
        assertThat(free.expectedReturn()).isLessThan(floor);
        assertThat(cvarByDefinition(w, beta)).isGreaterThan(cvarByDefinition(free.weights(), beta));
    }
}
