package io.amcp.ai.research.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.amcp.ai.research.internal.Stats;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GanTest {

    @Test
    void statisticsMatchHandCalculations() {
        // mean 3, m2 = (4+1+0+1+4)/5 = 2, m4 = (16+1+0+1+16)/5 = 6.8, kurtosis 6.8 / 4
        assertThat(StylisedFacts.kurtosis(new double[] {1, 2, 3, 4, 5})).isCloseTo(1.7, within(1e-12));
        // mean 0, c0 = 4, c1 = -3
        assertThat(StylisedFacts.autocorrelation(new double[] {1, -1, 1, -1}, 1)).isCloseTo(-0.75, within(1e-12));
        // F_a - F_b is 1/3 on [1, 2), [2, 3) and [3, 4)
        assertThat(StylisedFacts.ksDistance(new double[] {1, 2, 3}, new double[] {2, 3, 4})).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void studentTHasItsTheoreticalKurtosisAndGarchClustersVolatility() {
        SplittableRandom r = new SplittableRandom(1);
        int n = 400_000;
        double[] t = new double[n];
        double[] normal = new double[n];
        for (int i = 0; i < n; i++) {
            double chi = 0;
            for (int k = 0; k < 10; k++) {
                double g = Stats.gaussian(r);
                chi += g * g;
            }
            t[i] = Stats.gaussian(r) / Math.sqrt(chi / 10);
            normal[i] = Stats.gaussian(r);
        }
        // Student t with nu = 10: kurtosis 3 + 6 / (nu - 4) = 4
        assertThat(StylisedFacts.kurtosis(t)).isCloseTo(4, within(0.25));
        assertThat(StylisedFacts.kurtosis(normal)).isCloseTo(3, within(0.05));
        // GARCH(1,1) sigma^2_t = 0.05 + 0.1 r^2_(t-1) + 0.85 sigma^2_(t-1) clusters; i.i.d. normals do not
        double[] garch = new double[n];
        double var = 1;
        double prev = 0;
        for (int i = 0; i < n; i++) {
            var = 0.05 + 0.1 * prev * prev + 0.85 * var;
            prev = Math.sqrt(var) * Stats.gaussian(r);
            garch[i] = prev;
        }
        assertThat(StylisedFacts.volatilityClustering(new double[][] {garch}, 5)).isGreaterThan(0.1);
        assertThat(StylisedFacts.volatilityClustering(new double[][] {normal}, 5)).isCloseTo(0, within(0.01));
    }

    @Test
    void ganLearnsFatTailsAndClusteringOfAScaleMixtureWhereGaussianNoiseHasNeither() {
        // each window has one scale, 0.5 or 2 with equal odds: kurtosis 3 E[s^4] / E[s^2]^2 = 5.34,
        // and |r| at two dates of one window are correlated through the shared scale
        SplittableRandom r = new SplittableRandom(2);
        double[][] real = new double[4000][8];
        for (double[] w : real) {
            double s = r.nextBoolean() ? 0.5 : 2;
            for (int t = 0; t < w.length; t++) {
                w[t] = s * Stats.gaussian(r);
            }
        }
        double kurtosis = 3 * (0.5 * Math.pow(0.5, 4) + 0.5 * 16) / Math.pow(0.5 * 0.25 + 0.5 * 4, 2);
        assertThat(StylisedFacts.kurtosis(StylisedFacts.flatten(real))).isCloseTo(kurtosis, within(0.3));
        double[][] fake = new ReturnGan(8, 4, 32, 800, 32, 1e-3, 3).train(real).sample(2000, 4);
        double fakeKurtosis = StylisedFacts.kurtosis(StylisedFacts.flatten(fake));
        double fakeClustering = StylisedFacts.volatilityClustering(fake, 5);
        // corr(|r_t|, |r_u|) within a window = Var(s) E|Z|^2 / (E[s^2] - E[s]^2 E|Z|^2) with E|Z|^2 = 2/pi; the pooled
        // estimator counts (8 - lag) / 8 of the pairs for lag 1..5, on average 0.625
        double pairCorrelation = 0.5625 * (2 / Math.PI) / (2.125 - 1.5625 * (2 / Math.PI));
        assertThat(StylisedFacts.volatilityClustering(real, 5)).isCloseTo(0.625 * pairCorrelation, within(0.02));
        assertThat(fakeKurtosis).isGreaterThan(3.5);
        assertThat(fakeClustering).isGreaterThan(0.05);
    }
}
