package io.amcp.ai.research.metarl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReptileTest {

    @Test
    void policyGradientMatchesCentralFiniteDifferences() {
        double[] r = new Regime(0.001, -0.4, 0.01).episode(50, new SplittableRandom(3));
        double[] theta = {0.2, -0.5, 0.1};
        double[] g = LinearPolicy.gradient(theta, r);
        double h = 1e-6;
        for (int j = 0; j < 3; j++) {
            double[] up = theta.clone();
            up[j] += h;
            double[] down = theta.clone();
            down[j] -= h;
            assertThat(g[j]).isCloseTo((LinearPolicy.loss(up, r) - LinearPolicy.loss(down, r)) / (2 * h), within(1e-7));
        }
    }

    @Test
    void regimeReturnsHaveTheirDriftAndLagOneAutocorrelation() {
        double[] r = new Regime(0.001, -0.4, 0.01).episode(200_000, new SplittableRandom(5));
        double mean = 0;
        for (double v : r) {
            mean += v / r.length;
        }
        double c0 = 0;
        double c1 = 0;
        for (int t = 0; t < r.length; t++) {
            c0 += (r[t] - mean) * (r[t] - mean);
            if (t > 0) {
                c1 += (r[t] - mean) * (r[t - 1] - mean);
            }
        }
        assertThat(mean).isCloseTo(0.001, within(5e-5));
        assertThat(c1 / c0).isCloseTo(-0.4, within(0.01));
        // stationary AR(1) variance sigma^2 / (1 - phi^2)
        assertThat(c0 / r.length).isCloseTo(1e-4 / (1 - 0.16), within(2e-6));
    }

    @Test
    void afterThreeToFiveStepsReptileHasLowerLossThanTrainingFromScratchOnUnseenRegimes() {
        MetaLearningStudy.Outcome out = new MetaLearningStudy(new Reptile(300, 5, 0.5, 0.5, 64), 40, 5, 21).run();
        // from zero parameters the position is 0, so the scratch curve starts at a loss of exactly 0
        assertThat(Math.abs(out.scratchCurve()[0])).isEqualTo(0.0);
        for (int step = 3; step <= 5; step++) {
            assertThat(out.reptileCurve()[step]).as("step %d", step).isLessThan(out.scratchCurve()[step]);
        }
        assertThat(out.report().beatBaseline()).isTrue();
    }
}
