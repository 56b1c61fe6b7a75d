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

    private final RollingMoments[] returns = new RollingMoments[WINDOWS.length];
    private final RollingMoments[] rangeSquares = new RollingMoments[WINDOWS.length];
    private final RollingMoments[] garmanKlass = new RollingMoments[WINDOWS.length];
    private final RollingMoments[] rogersSatchell = new RollingMoments[WINDOWS.length];
    private final RollingMoments[] overnight = new RollingMoments[WINDOWS.length];
    private final RollingMoments[] openToClose = new RollingMoments[WINDOWS.length];
    private final double[] closeToClose = new double[WINDOWS.length];

    VolatilityBlock() {
        for (int i = 0; i < WINDOWS.length; i++) {
            int n = WINDOWS[i];
            returns[i] = new RollingMoments(n, 2);
            rangeSquares[i] = new RollingMoments(n, 1);
            garmanKlass[i] = new RollingMoments(n, 1);
            rogersSatchell[i] = new RollingMoments(n, 1);
            overnight[i] = new RollingMoments(n, 2);
            openToClose[i] = new RollingMoments(n, 2);
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
        double gk = 0.5 * range * range - GK_CLOSE_OPEN * body * body;
        double rs = (bar.lnHigh - bar.lnClose) * (bar.lnHigh - bar.lnOpen)
                + (bar.lnLow - bar.lnClose) * (bar.lnLow - bar.lnOpen);
        boolean hasPrevious = bar.count > 1;
        double gap = bar.lnOpen - bar.lnPreviousClose;
        int w = WINDOWS.length;
        for (int i = 0; i < w; i++) {
            if (hasPrevious) {
                returns[i].push(bar.logReturn);
                overnight[i].push(gap);
            }
            rangeSquares[i].push(range * range);
            garmanKlass[i].push(gk);
            rogersSatchell[i].push(rs);
            openToClose[i].push(body);
        }
        int j = offset;
        for (int i = 0; i < w; i++) {
            double v = returns[i].isFull() ? Math.sqrt(returns[i].sampleVariance()) : Double.NaN;
            closeToClose[i] = v;
            row[j++] = v;
        }
        for (int i = 0; i < w; i++) {
            row[j++] = Math.sqrt(rangeSquares[i].sum() / (4.0 * WINDOWS[i] * LN2));
        }
        for (int i = 0; i < w; i++) {
            double mean = garmanKlass[i].sum() / WINDOWS[i];
            row[j++] = Math.sqrt(mean > 0.0 ? mean : 0.0);
        }
        for (int i = 0; i < w; i++) {
            double mean = rogersSatchell[i].sum() / WINDOWS[i];
            row[j++] = Math.sqrt(mean > 0.0 ? mean : 0.0);
        }
        for (int i = 0; i < w; i++) {
            if (overnight[i].isFull()) {
                int n = WINDOWS[i];
                double k = 0.34 / (1.34 + (n + 1.0) / (n - 1.0));
                double variance = overnight[i].sampleVariance() + k * openToClose[i].sampleVariance()
                        + (1.0 - k) * rogersSatchell[i].sum() / n;
                row[j++] = Math.sqrt(variance);
            } else {
                row[j++] = Double.NaN;
            }
        }
    }

    @Override
    void reset() {
        for (int i = 0; i < WINDOWS.length; i++) {
            returns[i].clear();
            rangeSquares[i].clear();
            garmanKlass[i].clear();
            rogersSatchell[i].clear();
            overnight[i].clear();
            openToClose[i].clear();
            closeToClose[i] = Double.NaN;
        }
    }
}
