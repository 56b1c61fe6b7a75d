package io.amcp.samples.pairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

class RollingOlsTest {

    @Test
    void matchesAHandComputedFitAndRollsForward() {
        RollingOls ols = new RollingOls(4);
        ols.add(1, 2);
        ols.add(2, 4);
        ols.add(3, 5);
        assertThat(ols.ready()).isFalse();
        ols.add(4, 4);
        // x = 1..4, y = 2,4,5,4: mx = 2.5, my = 3.75,
        // Sxy = (-1.5)(-1.75) + (-0.5)(0.25) + (0.5)(1.25) + (1.5)(0.25) = 3.5, Sxx = 5
        // beta = 3.5 / 5 = 0.7, alpha = 3.75 - 0.7 * 2.5 = 2.0
        assertThat(ols.beta()).isCloseTo(0.7, within(1e-12));
        assertThat(ols.alpha()).isCloseTo(2.0, within(1e-12));

        ols.add(5, 7);
        // window x = 2..5, y = 4,5,4,7: mx = 3.5, my = 5,
        // Sxy = (-1.5)(-1) + (-0.5)(0) + (0.5)(-1) + (1.5)(2) = 4, Sxx = 5
        // beta = 0.8, alpha = 5 - 0.8 * 3.5 = 2.2
        assertThat(ols.beta()).isCloseTo(0.8, within(1e-12));
        assertThat(ols.alpha()).isCloseTo(2.2, within(1e-12));
    }

    @Test
    void agreesWithCommonsMathOverTheLastWindow() {
        Random random = new Random(11);
        int window = 50;
        double[] x = new double[300];
        double[] y = new double[300];
        RollingOls ols = new RollingOls(window);
        for (int i = 0; i < x.length; i++) {
            x[i] = 4 + (i == 0 ? 0 : x[i - 1] - 4) + 0.02 * random.nextGaussian();
            y[i] = 0.3 + 1.7 * x[i] + 0.01 * random.nextGaussian();
            ols.add(x[i], y[i]);
            if (i >= window - 1) {
                SimpleRegression reference = new SimpleRegression(true);
                for (int j = i - window + 1; j <= i; j++) {
                    reference.addData(x[j], y[j]);
                }
                assertThat(ols.beta()).isCloseTo(reference.getSlope(), within(1e-9));
                assertThat(ols.alpha()).isCloseTo(reference.getIntercept(), within(1e-8));
            }
        }
    }

    @Test
    void zScoreAgreesWithCommonsMath() {
        Random random = new Random(5);
        RollingZScore z = new RollingZScore(20);
        DescriptiveStatistics reference = new DescriptiveStatistics(20);
        for (int i = 0; i < 100; i++) {
            double v = random.nextGaussian();
            z.add(v);
            reference.addValue(v);
            if (i >= 19) {
                double expected = (v - reference.getMean()) / reference.getStandardDeviation();
                assertThat(z.zScore()).isCloseTo(expected, within(1e-12));
            }
        }
    }
}
