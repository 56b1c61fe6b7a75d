package io.amcp.ai.features.internal;

import io.amcp.ai.features.FeatureFamily;

/**
 * Per-bar (not annualised) volatility estimators over several windows: close-to-close, Parkinson
 * (1980), Garman-Klass (1980), Rogers-Satchell (1991) and Yang-Zhang (2000). Each keeps rolling sums
 * of its per-bar terms, O(1) per bar.
 */
final class VolatilityBlock extends FeatureBlock {

    static final int[] WINDOWS = {5, 10, 20, 60};
    private static final double LN2 = Math.log(2.0);
    private static final double GK_CLOSE_OPEN = 2.0 * LN2 - 1.0;

    /** Channels of {@link #terms}: the per-bar terms of the estimators; the first two keep squares. */
    private static final int OVERNIGHT = 0;
    private static final int OPEN_TO_CLOSE = 1;
    private static final int RANGE_SQUARED = 2;
    private static final int GARMAN_KLASS = 3;
    private static final int ROGERS_SATCHELL = 4;

    /**
     * Rolling sums of every per-bar term over every window in one ring (the returns' sums are
     * {@link BarState#returnSums}). The overnight term does not exist on the first bar and enters it as
     * 0; its features' lookback (n + 1) starts once that bar has left every window.
     */
    private final WindowSums terms = new WindowSums(5, 2, WINDOWS);
    private final int[] returnWindows = new int[WINDOWS.length];
    /** Per window: 1 / (4 n ln 2) of Parkinson and the Yang-Zhang weight k = 0.34 / (1.34 + (n+1)/(n-1)). */
    private final double[] parkinsonScale = new double[WINDOWS.length];
    private final double[] yangZhangWeight = new double[WINDOWS.length];
    private final double[] closeToClose = new double[WINDOWS.length];

    VolatilityBlock() {
        for (int i = 0; i < WINDOWS.length; i++) {
            int n = WINDOWS[i];
            returnWindows[i] = BarState.returnWindow(n);
            parkinsonScale[i] = 1.0 / (4.0 * n * LN2);
            yangZhangWeight[i] = 0.34 / (1.34 + (n + 1.0) / (n - 1.0));
        }
        for (int n : WINDOWS) {
            declare("vol_cc_" + n, FeatureFamily.VOLATILITY,
                    "sample standard deviation (divisor n-1) of r over the last n=" + n + " returns", n + 1);
        }
        for (int n : WINDOWS) {
            declare("vol_parkinson_" + n, FeatureFamily.VOLATILITY,
                    "sqrt(sum(ln(H/L)^2) / (4 n ln 2)), n=" + n, n);
        }
        for (int n : WINDOWS) {
            declare("vol_garman_klass_" + n, FeatureFamily.VOLATILITY,
                    "sqrt(max(0, mean(0.5 ln(H/L)^2 - (2 ln 2 - 1) ln(C/O)^2))), n=" + n, n);
        }
        for (int n : WINDOWS) {
            declare("vol_rogers_satchell_" + n, FeatureFamily.VOLATILITY,
                    "sqrt(mean(ln(H/C) ln(H/O) + ln(L/C) ln(L/O))), n=" + n, n);
        }
        for (int n : WINDOWS) {
            declare("vol_yang_zhang_" + n, FeatureFamily.VOLATILITY,
                    "sqrt(s_o^2 + k s_c^2 + (1-k) RS), s_o^2, s_c^2 sample variances of ln(O_t/C_(t-1)) and ln(C/O), "
                            + "RS the Rogers-Satchell mean, k = 0.34 / (1.34 + (n+1)/(n-1)), n=" + n, n + 1);
        }
    }

    /** The close-to-close volatility over {@code WINDOWS[windowIndex]} computed for the current bar. */
    double closeToClose(int windowIndex) {
        return closeToClose[windowIndex];
    }

    @Override
    void update(BarState bar, double[] row) {
        double range = bar.lnHigh - bar.lnLow;
        double body = bar.lnClose - bar.lnOpen;
        boolean hasPrevious = bar.count > 1;
        terms.stage(OVERNIGHT, hasPrevious ? bar.lnOpen - bar.lnPreviousClose : 0.0);
        terms.stage(RANGE_SQUARED, range * range);
        terms.stage(GARMAN_KLASS, 0.5 * range * range - GK_CLOSE_OPEN * body * body);
        terms.stage(ROGERS_SATCHELL, (bar.lnHigh - bar.lnClose) * (bar.lnHigh - bar.lnOpen)
                + (bar.lnLow - bar.lnClose) * (bar.lnLow - bar.lnOpen));
        terms.stage(OPEN_TO_CLOSE, body);
        terms.push();
        int w = WINDOWS.length;
        int j = offset;
        long returnCount = bar.count - 1;
        for (int i = 0; i < w; i++) {
            double v = returnCount >= WINDOWS[i] ? Math.sqrt(bar.returnSums.sampleVariance(BarState.RETURN, returnWindows[i])) : Double.NaN;
            closeToClose[i] = v;
            row[j++] = v;
        }
        for (int i = 0; i < w; i++) {
            row[j++] = Math.sqrt(terms.sum(RANGE_SQUARED, i) * parkinsonScale[i]);
        }
        for (int i = 0; i < w; i++) {
            double mean = terms.mean(GARMAN_KLASS, i);
            row[j++] = Math.sqrt(mean > 0.0 ? mean : 0.0);
        }
        for (int i = 0; i < w; i++) {
            double mean = terms.mean(ROGERS_SATCHELL, i);
            row[j++] = Math.sqrt(mean > 0.0 ? mean : 0.0);
        }
        for (int i = 0; i < w; i++) {
            if (returnCount >= WINDOWS[i]) {
                double k = yangZhangWeight[i];
                double variance = terms.sampleVariance(OVERNIGHT, i) + k * terms.sampleVariance(OPEN_TO_CLOSE, i)
                        + (1.0 - k) * terms.mean(ROGERS_SATCHELL, i);
                row[j++] = Math.sqrt(variance);
            } else {
                row[j++] = Double.NaN;
            }
        }
    }

    @Override
    void reset() {
        terms.clear();
        java.util.Arrays.fill(closeToClose, Double.NaN);
    }
}
