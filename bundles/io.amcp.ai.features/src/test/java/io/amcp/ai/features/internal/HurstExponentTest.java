package io.amcp.ai.features.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The one-logarithm Hurst exponent against the textbook regression written out here. */
class HurstExponentTest {

    /** Half the ordinary least-squares slope of ln v on ln k, computed the long way. */
    private static double regression(double[] k, double[] v) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < k.length; i++) {
            mx += Math.log(k[i]) / k.length;
            my += Math.log(v[i]) / k.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < k.length; i++) {
            double dx = Math.log(k[i]) - mx;
            sxy += dx * (Math.log(v[i]) - my);
            sxx += dx * dx;
        }
        return 0.5 * sxy / sxx;
    }

    @Test
    void matchesTheRegressionOfLogVarianceOnLogScale() {
        double[] k = {1, 2, 4, 8};
        double[][] cases = {
            {1e-6, 2e-6, 4e-6, 8e-6},          // random walk: variance grows like k, H = 0.5
            {1e-6, 4e-6, 16e-6, 64e-6},        // variance like k^2: H = 1
            {3.1e-7, 5.2e-7, 9.9e-7, 1.4e-6},  // mean-reverting: H < 0.5
            {2.0, 2.0, 2.0, 2.0},              // no growth: H = 0
        };
        for (double[] v : cases) {
            assertThat(RegimeBlock.hurstExponent(v[0], v[1], v[2], v[3])).as("v=%s", java.util.Arrays.toString(v))
                    .isCloseTo(regression(k, v), within(1e-12));
        }
        assertThat(RegimeBlock.hurstExponent(1e-6, 2e-6, 4e-6, 8e-6)).isCloseTo(0.5, within(1e-12));
        assertThat(RegimeBlock.hurstExponent(1e-6, 4e-6, 16e-6, 64e-6)).isCloseTo(1.0, within(1e-12));
        assertThat(Double.isFinite(RegimeBlock.hurstExponent(0.0, 1e-6, 2e-6, 3e-6))).isFalse();
    }
}
