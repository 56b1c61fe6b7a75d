package io.amcp.ai.features.internal;

import io.amcp.ai.features.FeatureFamily;
import java.util.Arrays;

/**
 * Regime indicators: Wilder's ADX and the R^2 and slope of a linear fit of log prices (trend strength),
 * ratios of short to long close-to-close volatility (volatility regime), an aggregated-variance Hurst
 * exponent estimate, return autocorrelations and Kaufman's efficiency ratio.
 */
final class RegimeBlock extends FeatureBlock {

    private static final int[] ADX_PERIODS = {14, 28};
    /** Wilder's alpha 1 / n of each ADX period. */
    private static final double[] ADX_ALPHA = {1.0 / ADX_PERIODS[0], 1.0 / ADX_PERIODS[1]};
    private static final int[] TREND_WINDOWS = {10, 20, 60};
    private static final int[] SLOPE_WINDOW_INDICES = {1, 2};
    /** Pairs of indices into {@link VolatilityBlock#WINDOWS}: short, long. */
    private static final int[][] VOL_RATIOS = {{0, 2}, {1, 3}, {2, 3}};
    private static final int[] HURST_WINDOWS = {64, 128};
    private static final int[] HURST_SCALES = {1, 2, 4, 8};
    /** Lag, window, and 1 when the autocorrelation is of absolute returns. */
    private static final int[][] AUTOCORRELATIONS = {{1, 20, 0}, {1, 60, 0}, {2, 60, 0}, {5, 60, 0}, {1, 60, 1}};
    /** 1 / n of each autocorrelation's window. */
    private static final double[] AUTOCORRELATION_INVERSE = {1.0 / 20, 1.0 / 60, 1.0 / 60, 1.0 / 60, 1.0 / 60};
    private static final int[] EFFICIENCY_WINDOWS = {10, 20, 60};

    /** 1 / (20 ln 2): see {@link #hurstExponent}. */
    private static final double HURST_SCALE = 1.0 / (20.0 * Math.log(2.0));

    private final VolatilityBlock volatility;
    /**
     * Wilder averages of ADX, per period: alpha 1/n, seeded with the plain mean of the first n inputs
     * (the arithmetic of {@code ExponentialMovingAverage.wilder(n, Seeding.SIMPLE_AVERAGE)}, kept in
     * arrays). True range and directional moves share one input count, the ADX average its own.
     */
    private final long[] moveCount = new long[ADX_PERIODS.length];
    private final double[] trueRangeSeed = new double[ADX_PERIODS.length];
    private final double[] plusSeed = new double[ADX_PERIODS.length];
    private final double[] minusSeed = new double[ADX_PERIODS.length];
    private final double[] trueRange = new double[ADX_PERIODS.length];
    private final double[] plusMove = new double[ADX_PERIODS.length];
    private final double[] minusMove = new double[ADX_PERIODS.length];
    private final long[] adxCount = new long[ADX_PERIODS.length];
    private final double[] adxSeed = new double[ADX_PERIODS.length];
    private final double[] adx = new double[ADX_PERIODS.length];
    private final RollingRegression[] trend = new RollingRegression[TREND_WINDOWS.length];
    /**
     * Rolling sums of the k-bar log returns, one channel per scale k; a return that does not exist yet
     * enters as 0 and has left every window when the lookback (n + 8) starts.
     */
    private final WindowSums hurst = new WindowSums(HURST_SCALES.length, HURST_SCALES.length, HURST_WINDOWS);
    /** Per autocorrelation: channels of {@link BarState#returnSums} of its values and of its lagged products. */
    private final int[] valueChannel = new int[AUTOCORRELATIONS.length];
    private final int[] productChannel = new int[AUTOCORRELATIONS.length];
    private final int[] autocorrelationWindow = new int[AUTOCORRELATIONS.length];
    private final int[] efficiencyWindow = new int[EFFICIENCY_WINDOWS.length];

    RegimeBlock(VolatilityBlock volatility) {
        this.volatility = volatility;
        clearAdx();
        for (int i = 0; i < TREND_WINDOWS.length; i++) {
            trend[i] = new RollingRegression(TREND_WINDOWS[i]);
        }
        for (int i = 0; i < AUTOCORRELATIONS.length; i++) {
            int lag = AUTOCORRELATIONS[i][0];
            boolean absolute = AUTOCORRELATIONS[i][2] == 1;
            valueChannel[i] = absolute ? BarState.ABS_RETURN : BarState.RETURN;
            productChannel[i] = productChannel(lag, absolute);
            autocorrelationWindow[i] = BarState.returnWindow(AUTOCORRELATIONS[i][1]);
        }
        for (int i = 0; i < EFFICIENCY_WINDOWS.length; i++) {
            efficiencyWindow[i] = BarState.returnWindow(EFFICIENCY_WINDOWS[i]);
        }
        declareFeatures();
    }

    private static int productChannel(int lag, boolean absolute) {
        if (absolute && lag == 1) {
            return BarState.ABS_LAG_1_PRODUCT;
        }
        if (!absolute) {
            switch (lag) {
                case 1:
                    return BarState.LAG_1_PRODUCT;
                case 2:
                    return BarState.LAG_2_PRODUCT;
                case 5:
                    return BarState.LAG_5_PRODUCT;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("no lagged product kept for lag " + lag + (absolute ? " of |r|" : ""));
    }

    private void declareFeatures() {
        FeatureFamily f = FeatureFamily.REGIME;
        for (int n : ADX_PERIODS) {
            declare("adx_" + n, f, "ADX(" + n + ") / 100: Wilder averages (seeded with plain means) of TR, +DM, -DM;"
                    + " DX = |+DI - -DI| / (+DI + -DI); ADX = Wilder average of DX", 2 * n);
        }
        for (int n : TREND_WINDOWS) {
            declare("trend_r2_" + n, f, "R^2 of the OLS fit of ln C on time over the last " + n + " bars", n);
        }
        for (int i : SLOPE_WINDOW_INDICES) {
            int n = TREND_WINDOWS[i];
            declare("trend_slope_" + n, f, "OLS slope per bar of ln C on time over the last " + n + " bars", n);
        }
        for (int[] p : VOL_RATIOS) {
            int s = VolatilityBlock.WINDOWS[p[0]];
            int l = VolatilityBlock.WINDOWS[p[1]];
            declare("vol_ratio_" + s + "_" + l, f, "vol_cc_" + s + " / vol_cc_" + l, l + 1);
        }
        for (int n : HURST_WINDOWS) {
            declare("hurst_" + n, f, "half the OLS slope of ln Var(ln(C_t / C_(t-k))) on ln k, k = 1, 2, 4, 8, sample"
                    + " variances of the last " + n + " overlapping k-bar returns (aggregated variance)", n + 8);
        }
        for (int[] a : AUTOCORRELATIONS) {
            String of = a[2] == 1 ? "|r|" : "r";
            declare((a[2] == 1 ? "abs_autocorr_" : "autocorr_") + a[0] + "_" + a[1], f, "Pearson correlation of "
                    + of + "_t and " + of + "_(t-" + a[0] + ") over the last " + a[1] + " pairs (0 when a variance is 0)",
                    a[1] + a[0] + 1);
        }
        for (int n : EFFICIENCY_WINDOWS) {
            declare("efficiency_ratio_" + n, f, "|ln(C_t / C_(t-" + n + "))| / sum(|r|) over the last " + n
                    + " returns (0 when the sum is 0)", n + 1);
        }
    }

    @Override
    void update(BarState bar, double[] row) {
        int j = offset;
        j = updateAdx(bar, row, j);
        for (RollingRegression r : trend) {
            r.push(bar.lnClose);
            row[j++] = r.rSquared();
        }
        for (int i : SLOPE_WINDOW_INDICES) {
            row[j++] = trend[i].slope();
        }
        for (int[] p : VOL_RATIOS) {
            row[j++] = volatility.closeToClose(p[0]) / volatility.closeToClose(p[1]);
        }
        j = updateHurst(bar, row, j);
        j = updateAutocorrelations(bar, row, j);
        for (int i = 0; i < EFFICIENCY_WINDOWS.length; i++) {
            int n = EFFICIENCY_WINDOWS[i];
            double path = bar.returnSums.sum(BarState.ABS_RETURN, efficiencyWindow[i]);
            row[j++] = bar.count > n && path > 0.0 ? Math.abs(bar.lnClose - bar.lnCloseAgo(n)) / path : 0.0;
        }
    }

    private int updateAdx(BarState bar, double[] row, int j) {
        boolean hasPrevious = bar.count > 1;
        double tr = 0.0;
        double plus = 0.0;
        double minus = 0.0;
        if (hasPrevious) {
            tr = Math.max(bar.high - bar.low,
                    Math.max(Math.abs(bar.high - bar.previousClose), Math.abs(bar.low - bar.previousClose)));
            double up = bar.high - bar.previousHigh;
            double down = bar.previousLow - bar.low;
            plus = up > down ? Math.max(up, 0.0) : 0.0;
            minus = down > up ? Math.max(down, 0.0) : 0.0;
        }
        for (int i = 0; i < ADX_PERIODS.length; i++) {
            if (hasPrevious) {
                int n = ADX_PERIODS[i];
                long count = ++moveCount[i];
                double alpha = ADX_ALPHA[i];
                double smoothedRange = wilder(trueRange, trueRangeSeed, i, count, n, alpha, tr);
                double plusIndex = wilder(plusMove, plusSeed, i, count, n, alpha, plus) / smoothedRange;
                double minusIndex = wilder(minusMove, minusSeed, i, count, n, alpha, minus) / smoothedRange;
                if (count >= n) {
                    double sum = plusIndex + minusIndex;
                    double dx = sum > 0.0 ? 100.0 * Math.abs(plusIndex - minusIndex) / sum : 0.0;
                    wilder(adx, adxSeed, i, ++adxCount[i], n, alpha, dx);
                }
            }
            row[j++] = adx[i] / 100.0;
        }
        return j;
    }

    /**
     * Takes input {@code x}, the {@code count}-th, into Wilder average {@code i} of period {@code n}:
     * NaN while seeding, the mean of the first n inputs at the n-th, then {@code (x - v) alpha + v} with
     * {@code alpha = 1 / n}.
     */
    private static double wilder(double[] value, double[] seed, int i, long count, int n, double alpha, double x) {
        if (count < n) {
            seed[i] += x;
        } else if (count == n) {
            value[i] = (seed[i] + x) / n;
        } else {
            value[i] = (x - value[i]) * alpha + value[i];
        }
        return value[i];
    }

    private void clearAdx() {
        Arrays.fill(moveCount, 0L);
        Arrays.fill(trueRangeSeed, 0.0);
        Arrays.fill(plusSeed, 0.0);
        Arrays.fill(minusSeed, 0.0);
        Arrays.fill(trueRange, Double.NaN);
        Arrays.fill(plusMove, Double.NaN);
        Arrays.fill(minusMove, Double.NaN);
        Arrays.fill(adxCount, 0L);
        Arrays.fill(adxSeed, 0.0);
        Arrays.fill(adx, Double.NaN);
    }

    private int updateHurst(BarState bar, double[] row, int j) {
        for (int s = 0; s < HURST_SCALES.length; s++) {
            int k = HURST_SCALES[s];
            hurst.stage(s, bar.count > k ? bar.lnClose - bar.lnCloseAgo(k) : 0.0);
        }
        hurst.push();
        int widest = HURST_SCALES[HURST_SCALES.length - 1];
        for (int i = 0; i < HURST_WINDOWS.length; i++) {
            if (bar.count < HURST_WINDOWS[i] + widest) {
                row[j++] = Double.NaN;
                continue;
            }
            double h = hurstExponent(hurst.sampleVariance(0, i), hurst.sampleVariance(1, i),
                    hurst.sampleVariance(2, i), hurst.sampleVariance(3, i));
            row[j++] = Double.isFinite(h) ? h : Double.NaN;
        }
        return j;
    }

    /**
     * Half the OLS slope of ln v_k on ln k for k = 1, 2, 4, 8. The centred regressors are
     * ln 2 x (-1.5, -0.5, 0.5, 1.5) with sum of squares 5 (ln 2)^2, so
     * slope = (-1.5 ln v1 - 0.5 ln v2 + 0.5 ln v4 + 1.5 ln v8) / (5 ln 2)
     *       = ln(v4 v8^3 / (v1^3 v2)) / (10 ln 2),
     * and H = slope / 2: one logarithm instead of three. A zero variance gives a non-finite value.
     */
    static double hurstExponent(double v1, double v2, double v4, double v8) {
        double v1Cubed = v1 * v1 * v1;
        double v8Cubed = v8 * v8 * v8;
        return Math.log(v4 * v8Cubed / (v1Cubed * v2)) * HURST_SCALE;
    }

    private int updateAutocorrelations(BarState bar, double[] row, int j) {
        WindowSums sums = bar.returnSums;
        double sx = 0.0;
        double sxx = 0.0;
        for (int i = 0; i < AUTOCORRELATIONS.length; i++) {
            int lag = AUTOCORRELATIONS[i][0];
            int n = AUTOCORRELATIONS[i][1];
            int c = valueChannel[i];
            if (i == 0 || c != valueChannel[i - 1] || n != AUTOCORRELATIONS[i - 1][1]) {
                sx = sums.sumAgo(c, n, 0);
                sxx = sums.sumOfSquaresAgo(c, n, 0);
            }
            double inverse = AUTOCORRELATION_INVERSE[i];
            double sy = sums.sumAgo(c, n, lag);
            double covariance = sums.sum(productChannel[i], autocorrelationWindow[i]) - sx * sy * inverse;
            double vx = sxx - sx * sx * inverse;
            double vy = sums.sumOfSquaresAgo(c, n, lag) - sy * sy * inverse;
            double denominator = Math.sqrt(vx * vy);
            row[j++] = vx > 0.0 && vy > 0.0 && denominator > 0.0 ? covariance / denominator : 0.0;
        }
        return j;
    }

    @Override
    void reset() {
        clearAdx();
        for (RollingRegression r : trend) {
            r.clear();
        }
        hurst.clear();
    }
}
