package io.amcp.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalDistributionTest {

    private final org.apache.commons.math3.distribution.NormalDistribution reference =
            new org.apache.commons.math3.distribution.NormalDistribution(0.0, 1.0);

    @Test
    void quantilesMatchTheTabulatedValues() {
        assertThat(NormalDistribution.quantile(0.95)).isCloseTo(1.6448536269514722, within(1e-15));
        assertThat(NormalDistribution.quantile(0.99)).isCloseTo(2.3263478740408408, within(1e-15));
        assertThat(NormalDistribution.quantile(0.5)).isEqualTo(0.0);
    }

    @Test
    void quantilesMatchCommonsMathAcrossTheRange() {
        double[] probabilities = {1e-6, 0.001, 0.01, 0.025, 0.1, 0.3, 0.4999, 0.6, 0.8, 0.975, 0.999, 1 - 1e-6};
        for (double p : probabilities) {
            double expected = reference.inverseCumulativeProbability(p);
            assertThat(NormalDistribution.quantile(p)).as("p=%s", p)
                    .isCloseTo(expected, within(1e-9 * Math.max(1.0, Math.abs(expected))));
        }
    }

    @Test
    void deepTailMatchesAHighPrecisionValue() {
        // commons-math3's erfInv loses digits this far out; sqrt(2) erfinv(2p - 1) at 30 digits (mpmath)
        assertThat(NormalDistribution.quantile(1e-12)).isCloseTo(-7.03448382530113192980915241853, within(1e-13));
    }

    @Test
    void densityMatchesCommonsMath() {
        for (double x = -5.0; x <= 5.0; x += 0.25) {
            assertThat(NormalDistribution.density(x)).isCloseTo(reference.density(x), within(1e-16));
        }
    }

    @Test
    void rejectsProbabilitiesOutsideTheOpenInterval() {
        assertThatThrownBy(() -> NormalDistribution.quantile(1.0)).hasMessageStartingWith("probability:");
        assertThatThrownBy(() -> NormalDistribution.quantile(0.0)).hasMessageStartingWith("probability:");
    }
}
