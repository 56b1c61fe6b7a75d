package io.amcp.ai.features.legacy;

import io.amcp.ai.features.FeatureFamily;
import io.amcp.analytics.indicators.Vwap;

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

    private final WindowSums amihud = new WindowSums(WINDOWS);
    private final Vwap[] vwap = new Vwap[WINDOWS.length];
    private final WindowSums volume = new WindowSums(WINDOWS);
    private final WindowSums logVolume = new WindowSums(LOG_VOLUME_WINDOWS);
    private final WindowSums signedVolume = new WindowSums(WINDOWS);
    private final WindowSums spreads = new WindowSums(SPREAD_WINDOW);
    private final WindowSums dollarVolume = new WindowSums(DOLLAR_VOLUME_WINDOW);

    MicrostructureBlock() {
        for (int i = 0; i < WINDOWS.length; i++) {
            vwap[i] = Vwap.rolling(WINDOWS[i]);
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
        double alpha = (Math.sqrt(2.0 * beta) - Math.sqrt(beta)) / CS_DENOMINATOR - Math.sqrt(gamma / CS_DENOMINATOR);
        double e = Math.exp(alpha);
        double spread = 2.0 * (e - 1.0) / (1.0 + e);
        return spread > 0.0 ? spread : 0.0;
    }

    @Override
    void update(BarState bar, double[] row) {
        double c = bar.close;
        double v = bar.volume;
        double dollars = c * v;
        int j = offset;
        if (bar.count > 1) {
            amihud.push(dollars > 0.0 ? AMIHUD_SCALE * Math.abs(bar.logReturn) / dollars : 0.0);
        }
        for (int i = 0; i < WINDOWS.length; i++) {
            row[j++] = amihud.mean(i);
        }
        for (Vwap w : vwap) {
            row[j++] = ratioMinusOne(c, w.update(bar.high, bar.low, c, v));
        }
        volume.push(v);
        for (int i = 0; i < WINDOWS.length; i++) {
            row[j++] = zScore(volume, i, v);
        }
        double lnVolume = Math.log1p(v);
        logVolume.push(lnVolume);
        for (int i = 0; i < LOG_VOLUME_WINDOWS.length; i++) {
            row[j++] = zScore(logVolume, i, lnVolume);
        }
        signedVolume.push(bar.close > bar.open ? v : bar.close < bar.open ? -v : 0.0);
        for (int i = 0; i < WINDOWS.length; i++) {
            double total = volume.sum(i);
            row[j++] = total > 0.0 ? signedVolume.sum(i) / total : 0.0;
        }
        double twoBar = Double.NaN;
        if (bar.count > 1) {
            twoBar = corwinSchultz(bar.lnHigh, bar.lnLow, bar.lnPreviousHigh, bar.lnPreviousLow);
            spreads.push(twoBar);
        }
        double averaged = spreads.mean(0);
        row[j++] = twoBar;
        row[j++] = averaged;
        row[j++] = Double.isNaN(bar.quotedSpread) ? averaged : bar.quotedSpread;
        dollarVolume.push(Math.log1p(dollars));
        row[j] = dollarVolume.mean(0);
    }

    private static double zScore(WindowSums sums, int i, double x) {
        double sd = Math.sqrt(sums.sampleVariance(i));
        return sd > 0.0 ? (x - sums.mean(i)) / sd : 0.0;
    }

    @Override
    void reset() {
        for (Vwap w : vwap) {
            w.reset();
        }
        amihud.clear();
        volume.clear();
        logVolume.clear();
        signedVolume.clear();
        spreads.clear();
        dollarVolume.clear();
    }
}
