package io.amcp.ai.features.internal;

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

    private final RollingMoments[] amihud = new RollingMoments[WINDOWS.length];
    private final Vwap[] vwap = new Vwap[WINDOWS.length];
    private final RollingMoments[] volume = new RollingMoments[WINDOWS.length];
    private final RollingMoments[] logVolume = new RollingMoments[LOG_VOLUME_WINDOWS.length];
    private final RollingMoments[] signedVolume = new RollingMoments[WINDOWS.length];
    private final RollingMoments spreads = new RollingMoments(SPREAD_WINDOW, 1);
    private final RollingMoments dollarVolume = new RollingMoments(DOLLAR_VOLUME_WINDOW, 1);

    MicrostructureBlock() {
        for (int i = 0; i < WINDOWS.length; i++) {
            amihud[i] = new RollingMoments(WINDOWS[i], 1);
            vwap[i] = Vwap.rolling(WINDOWS[i]);
            volume[i] = new RollingMoments(WINDOWS[i], 2);
            signedVolume[i] = new RollingMoments(WINDOWS[i], 1);
        }
        for (int i = 0; i < LOG_VOLUME_WINDOWS.length; i++) {
            logVolume[i] = new RollingMoments(LOG_VOLUME_WINDOWS[i], 2);
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

    /** The Corwin-Schultz spread estimate from two consecutive bars, 0 when negative. */
    static double corwinSchultz(double high, double low, double previousHigh, double previousLow) {
        double current = Math.log(high / low);
        double previous = Math.log(previousHigh / previousLow);
        double beta = current * current + previous * previous;
        double joint = Math.log(Math.max(high, previousHigh) / Math.min(low, previousLow));
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
        double illiquidity = dollars > 0.0 ? AMIHUD_SCALE * Math.abs(bar.logReturn) / dollars : 0.0;
        double direction = bar.close > bar.open ? v : bar.close < bar.open ? -v : 0.0;
        int j = offset;
        for (RollingMoments a : amihud) {
            if (bar.count > 1) {
                a.push(illiquidity);
            }
            row[j++] = a.mean();
        }
        for (Vwap w : vwap) {
            row[j++] = ratioMinusOne(c, w.update(bar.high, bar.low, c, v));
        }
        for (RollingMoments m : volume) {
            m.push(v);
            row[j++] = zScore(m, v);
        }
        double lnVolume = Math.log1p(v);
        for (RollingMoments m : logVolume) {
            m.push(lnVolume);
            row[j++] = zScore(m, lnVolume);
        }
        for (int i = 0; i < WINDOWS.length; i++) {
            signedVolume[i].push(direction);
            double total = volume[i].sum();
            row[j++] = total > 0.0 ? signedVolume[i].sum() / total : 0.0;
        }
        double twoBar = Double.NaN;
        if (bar.count > 1) {
            twoBar = corwinSchultz(bar.high, bar.low, bar.previousHigh, bar.previousLow);
            spreads.push(twoBar);
        }
        double averaged = spreads.mean();
        row[j++] = twoBar;
        row[j++] = averaged;
        row[j++] = Double.isNaN(bar.quotedSpread) ? averaged : bar.quotedSpread;
        dollarVolume.push(Math.log1p(dollars));
        row[j] = dollarVolume.mean();
    }

    private static double zScore(RollingMoments m, double x) {
        double sd = Math.sqrt(m.sampleVariance());
        return sd > 0.0 ? (x - m.mean()) / sd : 0.0;
    }

    @Override
    void reset() {
        for (int i = 0; i < WINDOWS.length; i++) {
            amihud[i].clear();
            vwap[i].reset();
            volume[i].clear();
            signedVolume[i].clear();
        }
        for (RollingMoments m : logVolume) {
            m.clear();
        }
        spreads.clear();
        dollarVolume.clear();
    }
}
