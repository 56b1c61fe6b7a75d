package io.amcp.ai.features.internal;

import io.amcp.ai.features.FeatureFamily;

/** Rolling skewness and excess kurtosis of one-bar log returns from the shared running power sums. */
final class DistributionBlock extends FeatureBlock {

    private static final int[] WINDOWS = {20, 60};
    private static final double[] INVERSE_WINDOWS = {1.0 / 20, 1.0 / 60};
    private final int[] returnWindows = new int[WINDOWS.length];
    private final double[] skew = new double[WINDOWS.length];
    private final double[] kurtosis = new double[WINDOWS.length];

    DistributionBlock() {
        for (int i = 0; i < WINDOWS.length; i++) {
            returnWindows[i] = BarState.returnWindow(WINDOWS[i]);
        }
        for (int n : WINDOWS) {
            declare("skew_" + n, FeatureFamily.DISTRIBUTION,
                    "m3 / m2^1.5 of the last n=" + n + " returns r, m_k population central moments (0 when m2 = 0)",
                    n + 1);
        }
        for (int n : WINDOWS) {
            declare("kurt_" + n, FeatureFamily.DISTRIBUTION,
                    "m4 / m2^2 - 3 of the last n=" + n + " returns r, m_k population central moments (0 when m2 = 0)",
                    n + 1);
        }
    }

    @Override
    void update(BarState bar, double[] row) {
        for (int i = 0; i < WINDOWS.length; i++) {
            WindowSums sums = bar.returnSums;
            int w = returnWindows[i];
            double inverse = INVERSE_WINDOWS[i];
            double mean = sums.sum(BarState.RETURN, w) * inverse;
            double raw2 = sums.sumOfSquares(BarState.RETURN, w) * inverse;
            double raw3 = sums.sum(BarState.CUBED_RETURN, w) * inverse;
            double raw4 = sums.sum(BarState.FOURTH_POWER_RETURN, w) * inverse;
            double mean2 = mean * mean;
            double m2 = raw2 - mean2;
            double m3 = raw3 - 3.0 * mean * raw2 + 2.0 * mean2 * mean;
            double m4 = raw4 - 4.0 * mean * raw3 + 6.0 * mean2 * raw2 - 3.0 * mean2 * mean2;
            if (m2 > 0.0) {
                skew[i] = m3 / (m2 * Math.sqrt(m2));
                kurtosis[i] = m4 / (m2 * m2) - 3.0;
            } else {
                skew[i] = 0.0;
                kurtosis[i] = 0.0;
            }
        }
        int j = offset;
        for (int i = 0; i < WINDOWS.length; i++) {
            row[j++] = skew[i];
        }
        for (int i = 0; i < WINDOWS.length; i++) {
            row[j++] = kurtosis[i];
        }
    }

    @Override
    void reset() {
        // stateless: the return sums live in BarState
    }
}
