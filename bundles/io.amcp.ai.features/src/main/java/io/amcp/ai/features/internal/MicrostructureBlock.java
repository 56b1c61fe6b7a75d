package io.amcp.ai.features.internal;

import io.amcp.ai.features.FeatureFamily;

/**
 * Volume and microstructure features: Amihud (2002) illiquidity, distance from a rolling VWAP, volume
 * z-scores, the volume imbalance between up and down bars, and the relative spread, quoted when a
 * fresh quote exists and otherwise the Corwin-Schultz (2012) high-low estimate.
 */
final class MicrostructureBlock extends FeatureBlock {

    private static final int[] WINDOWS = {5, 20, 60};
    private static final int[] LOG_VOLUME_WINDOWS = {20, 60};
    private static final int SPREAD_WINDOW = 20;
    private static final int DOLLAR_VOLUME_WINDOW = 20;
    private static final double AMIHUD_SCALE = 1e6;
    private static final double CS_DENOMINATOR = 3.0 - 2.0 * Math.sqrt(2.0);
    /** sqrt(2 b) - sqrt(b) = (sqrt 2 - 1) sqrt(b): one square root instead of two. */
    private static final double SQRT2_LESS_ONE = Math.sqrt(2.0) - 1.0;

    /** Channels of {@link #flows} over {@link #WINDOWS}; only volume keeps squares. */
    private static final int VOLUME = 0;
    private static final int AMIHUD = 1;
    private static final int SIGNED_VOLUME = 2;
    private static final int TYPICAL_DOLLARS = 3;
    /**
     * Channels of {@link #logs} over {@link #LOG_VOLUME_WINDOWS}, whose first is {@link #SPREAD_WINDOW};
     * only log volume keeps squares.
     */
    private static final int LOG_VOLUME = 0;
    private static final int TWO_BAR_SPREAD = 1;
    private static final int LOG_DOLLAR_VOLUME = 2;

    /**
     * Rolling sums of the per-bar volume terms. Amihud's term needs a return and is 0 on the first bar,
     * which has left every window when its lookback (n + 1) starts.
     */
    private final WindowSums flows = new WindowSums(4, 1, WINDOWS);
    /** Rolling sums of the log terms; the two-bar spread is 0 on the first bar, as Amihud's term. */
    private final WindowSums logs = new WindowSums(3, 1, LOG_VOLUME_WINDOWS);

    MicrostructureBlock() {
        if (LOG_VOLUME_WINDOWS[0] != SPREAD_WINDOW || DOLLAR_VOLUME_WINDOW != SPREAD_WINDOW) {
            throw new IllegalStateException("the spread and dollar-volume windows must be the first log-volume window");
        }
        FeatureFamily f = FeatureFamily.MICROSTRUCTURE;
        for (int n : WINDOWS) {
            declare("amihud_" + n, f, "1e6 * mean(|r| / (C V)) over the last " + n
                    + " bars (a bar with C V = 0 adds 0)", n + 1);
        }
        for (int n : WINDOWS) {
            declare("vwap_dist_" + n, f, "C / VWAP - 1, VWAP = sum(V (H+L+C)/3) / sum(V) over the last " + n
                    + " bars (NaN when sum(V) = 0)", n);
        }
        for (int n : WINDOWS) {
            declare("volume_z_" + n, f, "(V - mean(V)) / sd(V), sample sd over the last " + n
                    + " bars including the current one (0 when sd = 0)", n);
        }
        for (int n : LOG_VOLUME_WINDOWS) {
            declare("log_volume_z_" + n, f, "z-score of ln(1 + V) over the last " + n + " bars (0 when sd = 0)", n);
        }
        for (int n : WINDOWS) {
            declare("volume_imbalance_" + n, f, "sum(sign(C - O) V) / sum(V) over the last " + n
                    + " bars (0 when sum(V) = 0)", n);
        }
        declare("spread_cs_2", f, "Corwin-Schultz two-bar spread 2(e^a - 1)/(1 + e^a), a = (sqrt(2b) - sqrt(b))/(3 - 2 sqrt 2)"
                + " - sqrt(g/(3 - 2 sqrt 2)), b = ln(H_t/L_t)^2 + ln(H_(t-1)/L_(t-1))^2, g = ln(max H / min L)^2"
                + " over the two bars; negative estimates set to 0", 2);
        declare("spread_cs_" + SPREAD_WINDOW, f, "mean of spread_cs_2 over the last " + SPREAD_WINDOW + " bars",
                SPREAD_WINDOW + 1);
        declare("spread", f, "(ask - bid) / mid of the latest quote after the previous bar and at or before this "
                + "bar's end, else spread_cs_" + SPREAD_WINDOW, SPREAD_WINDOW + 1);
        declare("log_dollar_volume_" + DOLLAR_VOLUME_WINDOW, f, "mean(ln(1 + C V)) over the last "
                + DOLLAR_VOLUME_WINDOW + " bars", DOLLAR_VOLUME_WINDOW);
    }

    /**
     * The Corwin-Schultz spread estimate from two consecutive bars given as log prices, 0 when negative.
     */
    static double corwinSchultz(double lnHigh, double lnLow, double lnPreviousHigh, double lnPreviousLow) {
        double current = lnHigh - lnLow;
        double previous = lnPreviousHigh - lnPreviousLow;
        double beta = current * current + previous * previous;
        double joint = Math.max(lnHigh, lnPreviousHigh) - Math.min(lnLow, lnPreviousLow);
        double gamma = joint * joint;
        double alpha = SQRT2_LESS_ONE * Math.sqrt(beta) / CS_DENOMINATOR - Math.sqrt(gamma / CS_DENOMINATOR);
        double e = Math.exp(alpha);
        double spread = 2.0 * (e - 1.0) / (1.0 + e);
        return spread > 0.0 ? spread : 0.0;
    }

    @Override
    void update(BarState bar, double[] row) {
        double c = bar.close;
        double v = bar.volume;
        double dollars = c * v;
        boolean hasPrevious = bar.count > 1;
        flows.stage(AMIHUD, hasPrevious && dollars > 0.0 ? AMIHUD_SCALE * Math.abs(bar.logReturn) / dollars : 0.0);
        flows.stage(VOLUME, v);
        flows.stage(SIGNED_VOLUME, IndicatorBlock.sign(c, bar.open) * v);
        flows.stage(TYPICAL_DOLLARS, (bar.high + bar.low + c) / 3.0 * v);
        flows.push();
        double lnVolume = logOnePlus(v);
        double twoBar = hasPrevious ? corwinSchultz(bar.lnHigh, bar.lnLow, bar.lnPreviousHigh, bar.lnPreviousLow)
                : Double.NaN;
        logs.stage(LOG_VOLUME, lnVolume);
        logs.stage(TWO_BAR_SPREAD, hasPrevious ? twoBar : 0.0);
        logs.stage(LOG_DOLLAR_VOLUME, logOnePlus(dollars));
        logs.push();
        int j = offset;
        for (int i = 0; i < WINDOWS.length; i++) {
            row[j++] = flows.mean(AMIHUD, i);
        }
        for (int i = 0; i < WINDOWS.length; i++) {
            double total = flows.sum(VOLUME, i);
            row[j++] = total == 0.0 ? Double.NaN : ratioMinusOne(c, flows.sum(TYPICAL_DOLLARS, i) / total);
        }
        for (int i = 0; i < WINDOWS.length; i++) {
            row[j++] = zScore(flows, VOLUME, i, v);
        }
        for (int i = 0; i < LOG_VOLUME_WINDOWS.length; i++) {
            row[j++] = zScore(logs, LOG_VOLUME, i, lnVolume);
        }
        for (int i = 0; i < WINDOWS.length; i++) {
            double total = flows.sum(VOLUME, i);
            row[j++] = total > 0.0 ? flows.sum(SIGNED_VOLUME, i) / total : 0.0;
        }
        double averaged = logs.mean(TWO_BAR_SPREAD, 0);
        row[j++] = twoBar;
        row[j++] = averaged;
        row[j++] = Double.isNaN(bar.quotedSpread) ? averaged : bar.quotedSpread;
        row[j] = logs.mean(LOG_DOLLAR_VOLUME, 0);
    }

    /**
     * ln(1 + x) for x not negative: {@link Math#log1p} below 1, where it matters, and the faster
     * {@link Math#log} of {@code 1 + x} above, where rounding {@code 1 + x} moves the result by at most
     * 1.2e-16 of a value at least ln 2.
     */
    static double logOnePlus(double x) {
        return x >= 1.0 ? Math.log(1.0 + x) : Math.log1p(x);
    }

    private static double zScore(WindowSums sums, int channel, int i, double x) {
        double sd = Math.sqrt(sums.sampleVariance(channel, i));
        return sd > 0.0 ? (x - sums.mean(channel, i)) / sd : 0.0;
    }

    @Override
    void reset() {
        flows.clear();
        logs.clear();
    }
}
