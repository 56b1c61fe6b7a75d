package io.amcp.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

class ZigguratNormalTest {

    @Test
    void drawsPassKolmogorovSmirnovAgainstTheNormalDistribution() {
        ZigguratNormal normal = new ZigguratNormal(new SplittableRandom(7));
        double[] sample = new double[200_000];
        normal.fill(sample, 0, sample.length);
        double pValue = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(
                new org.apache.commons.math3.distribution.NormalDistribution(0.0, 1.0), sample);
        assertThat(pValue).isGreaterThan(0.001);
    }

    @Test
    void momentsAndTailFrequencyMatchTheNormal() {
        ZigguratNormal normal = new ZigguratNormal(new SplittableRandom(11));
        int n = 2_000_000;
        double sum = 0.0;
        double sumSquares = 0.0;
        int beyondTailStart = 0;
        for (int i = 0; i < n; i++) {
            double x = normal.next();
            sum += x;
            sumSquares += x * x;
            if (Math.abs(x) > 3.442619855899) {
                beyondTailStart++;
            }
        }
        // standard errors: mean 1/sqrt(n) = 7e-4, variance sqrt(2/n) = 1e-3
        assertThat(sum / n).isCloseTo(0.0, within(4e-3));
        assertThat(sumSquares / n).isCloseTo(1.0, within(5e-3));
        // P(|Z| > 3.4426) = 2 (1 - Phi(3.4426)) = 5.76e-4 from commons-math3; expected 1152 hits, sd 34
        double expected = 2.0 * (1.0 - new org.apache.commons.math3.distribution.NormalDistribution(0.0, 1.0)
                .cumulativeProbability(3.442619855899)) * n;
        assertThat((double) beyondTailStart).isCloseTo(expected, within(5.0 * Math.sqrt(expected)));
    }

    @Test
    void chiSquareDrawsPassKolmogorovSmirnov() {
        ZigguratNormal normal = new ZigguratNormal(new SplittableRandom(3));
        double[] sample = new double[100_000];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = normal.chiSquare(5.0);
        }
        double pValue = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new ChiSquaredDistribution(5.0), sample);
        assertThat(pValue).isGreaterThan(0.001);
    }

    @Test
    void sameSeedGivesTheSameDraws() {
        ZigguratNormal first = new ZigguratNormal(new SplittableRandom(5));
        ZigguratNormal second = new ZigguratNormal(new SplittableRandom(5));
        for (int i = 0; i < 1000; i++) {
            assertThat(first.next()).isEqualTo(second.next());
        }
    }
}
