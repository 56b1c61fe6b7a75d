package io.amcp.ai.features.internal;

import io.amcp.ai.features.FeatureFamily;
import io.amcp.analytics.indicators.BollingerBands;
import io.amcp.analytics.indicators.ExponentialMovingAverage;
import io.amcp.analytics.indicators.RelativeStrengthIndex;
import io.amcp.analytics.indicators.Seeding;
import java.util.Arrays;

/**
 * Technical indicators at several periods, each normalised to be free of the price scale. Bollinger
 * bands and RSI are the {@code io.amcp.analytics} indicators. The exponential averages of EMA, MACD and
 * ATR and the OBV running total are kept here in primitive arrays with the arithmetic of the analytics
 * {@link ExponentialMovingAverage} ({@code v = (x - v) alpha + v}, alpha {@code 2 / (n + 1)}, Wilder's
 * {@code 1 / n} for ATR) and {@code OnBalanceVolume}, so they give the same numbers; one EMA of
 * the close per distinct period serves both the EMA distances and the MACD lines. The plain window ones
 * are computed from shared state: simple moving averages from one ring of running close sums,
 * stochastics from the rolling extremes in {@link BarState}, and the rate of change from its close
 * history (the same formulas, checked against ta4j). Exponential averages use
 * {@link Seeding#FIRST_VALUE}, the seeding of ta4j 0.17 (the first input is the first value), and are
 * reported from the end of their warm-up on.
 */
final class IndicatorBlock extends FeatureBlock {

    private static final double PERCENT = 0.01;
    private static final int[] AVERAGE_PERIODS = {5, 10, 20, 50, 100, 200};
    private static final int[] RSI_PERIODS = {6, 14, 28};
    private static final int[] ATR_PERIODS = {7, 14, 28};
    private static final int[][] MACD_PERIODS = {{12, 26, 9}, {5, 35, 5}};
    private static final int[] BOLLINGER_PERIODS = {10, 20, 50};
    private static final int[][] STOCHASTIC_PERIODS = {{5, 3}, {14, 3}, {28, 3}};
    private static final int[] ROC_PERIODS = {5, 10, 20, 60};
    private static final int[] OBV_WINDOWS = {10, 20, 60};

    /** Rolling sums of the close over {@link #AVERAGE_PERIODS}: the simple moving averages. */
    private final WindowSums closes = new WindowSums(1, 0, AVERAGE_PERIODS);
    /**
     * Periods of the exponential averages of the close: {@link #AVERAGE_PERIODS}, then the MACD periods
     * not among them.
     */
    private final int[] emaPeriods;
    private final double[] emaAlpha;
    private final double[] ema;
    /** Per MACD: indices into {@link #ema} of its fast and slow averages; its signal EMA's alpha and value. */
    private final int[] macdFast = new int[MACD_PERIODS.length];
    private final int[] macdSlow = new int[MACD_PERIODS.length];
    private final double[] signalAlpha = new double[MACD_PERIODS.length];
    private final double[] signal = new double[MACD_PERIODS.length];
    /** RSI of the close, seeded as ta4j 0.17 (a zero first change). */
    private final RelativeStrengthIndex[] rsi = new RelativeStrengthIndex[RSI_PERIODS.length];
    /** Wilder alphas 1 / n and averages of ATR's true range. */
    private final double[] atrAlpha = new double[ATR_PERIODS.length];
    private final double[] atr = new double[ATR_PERIODS.length];
    private double onBalanceVolume;
    private final BollingerBands[] bollinger = new BollingerBands[BOLLINGER_PERIODS.length];
    /** Per stochastic: index into {@link BarState#EXTREME_WINDOWS} of its %K period. */
    private final int[] stochasticWindow = new int[STOCHASTIC_PERIODS.length];
    /** Per stochastic: the last %D-period values of %K (0 to 100), a ring indexed by the bar count. */
    private final double[][] stochasticK = new double[STOCHASTIC_PERIODS.length][];
    /**
     * Per stochastic: the slot of {@link #stochasticK} the current bar's %K goes to, the bar count modulo
     * the %D period, stepped each bar rather than divided out.
     */
    private final int[] stochasticSlot = new int[STOCHASTIC_PERIODS.length];
    private final RollingRegression[] obvTrend = new RollingRegression[OBV_WINDOWS.length];
    private final WindowSums obvVolume = new WindowSums(1, 0, OBV_WINDOWS);

    IndicatorBlock() {
        int[] periods = Arrays.copyOf(AVERAGE_PERIODS, AVERAGE_PERIODS.length + 2 * MACD_PERIODS.length);
        int distinct = AVERAGE_PERIODS.length;
        for (int i = 0; i < MACD_PERIODS.length; i++) {
            int[] p = MACD_PERIODS[i];
            for (int side = 0; side < 2; side++) {
                int period = p[side];
                int at = 0;
                while (at < distinct && periods[at] != period) {
                    at++;
                }
                if (at == distinct) {
                    periods[distinct++] = period;
                }
                (side == 0 ? macdFast : macdSlow)[i] = at;
            }
            signalAlpha[i] = 2.0 / (p[2] + 1);
        }
        this.emaPeriods = Arrays.copyOf(periods, distinct);
        this.emaAlpha = new double[distinct];
        this.ema = new double[distinct];
        for (int i = 0; i < distinct; i++) {
            emaAlpha[i] = 2.0 / (emaPeriods[i] + 1);
        }
        for (int i = 0; i < RSI_PERIODS.length; i++) {
            rsi[i] = RelativeStrengthIndex.of(RSI_PERIODS[i], Seeding.FIRST_VALUE);
        }
        for (int i = 0; i < ATR_PERIODS.length; i++) {
            atrAlpha[i] = 1.0 / ATR_PERIODS[i];
        }
        for (int i = 0; i < BOLLINGER_PERIODS.length; i++) {
            bollinger[i] = BollingerBands.of(BOLLINGER_PERIODS[i], 2.0);
        }
        for (int i = 0; i < STOCHASTIC_PERIODS.length; i++) {
            stochasticWindow[i] = BarState.extremeWindow(STOCHASTIC_PERIODS[i][0]);
            stochasticK[i] = new double[STOCHASTIC_PERIODS[i][1]];
        }
        for (int i = 0; i < OBV_WINDOWS.length; i++) {
            obvTrend[i] = new RollingRegression(OBV_WINDOWS[i]);
        }
        declareFeatures();
    }

    private void declareFeatures() {
        FeatureFamily f = FeatureFamily.TECHNICAL;
        for (int n : AVERAGE_PERIODS) {
            declare("sma_dist_" + n, f, "C / SMA(C, " + n + ") - 1", n);
        }
        for (int n : AVERAGE_PERIODS) {
            declare("ema_dist_" + n, f, "C / EMA(C, " + n + ") - 1, alpha = 2/(n+1), seeded with the first close", n);
        }
        for (int n : RSI_PERIODS) {
            declare("rsi_" + n, f, "RSI(" + n + ") / 100 (Wilder smoothing, seeded with a zero first change)", n + 1);
        }
        for (int n : ATR_PERIODS) {
            declare("atr_" + n, f, "ATR(" + n + ") / C (Wilder smoothing of the true range, seeded with the first)", n);
        }
        for (int[] p : MACD_PERIODS) {
            String id = p[0] + "_" + p[1] + "_" + p[2];
            String def = "MACD(" + p[0] + ", " + p[1] + ", " + p[2] + ")";
            int lookback = p[1] + p[2] - 1;
            declare("macd_" + id, f, def + " line / C, line = EMA(C, " + p[0] + ") - EMA(C, " + p[1] + ")", lookback);
            declare("macd_signal_" + id, f, def + " signal / C, signal = EMA(line, " + p[2] + ")", lookback);
            declare("macd_hist_" + id, f, def + " (line - signal) / C", lookback);
        }
        for (int n : BOLLINGER_PERIODS) {
            declare("bb_pctb_" + n, f, "(C - lower) / (upper - lower), bands SMA(C, " + n
                    + ") +/- 2 population sigma (0.5 when upper = lower)", n);
            declare("bb_width_" + n, f, "(upper - lower) / SMA(C, " + n + ")", n);
        }
        for (int[] p : STOCHASTIC_PERIODS) {
            declare("stoch_k_" + p[0], f, "%K(" + p[0] + ") / 100 = (C - min L) / (max H - min L) over "
                    + p[0] + " bars (0.5 when max H = min L)", p[0]);
            declare("stoch_d_" + p[0], f, "%D = SMA(%K(" + p[0] + "), " + p[1] + ") / 100", p[0] + p[1] - 1);
        }
        for (int n : ROC_PERIODS) {
            declare("roc_" + n, f, "ROC(" + n + ") / 100 = C_t / C_(t-" + n + ") - 1", n + 1);
        }
        for (int n : OBV_WINDOWS) {
            declare("obv_slope_" + n, f, "OLS slope of OBV over the last " + n
                    + " bars / mean V over them (0 when mean V = 0)", n);
        }
    }

    @Override
    void update(BarState bar, double[] row) {
        double c = bar.close;
        double h = bar.high;
        double l = bar.low;
        int j = offset;
        closes.push(c);
        for (int i = 0; i < AVERAGE_PERIODS.length; i++) {
            row[j++] = ratioMinusOne(c, closes.mean(i));
        }
        boolean first = bar.count == 1;
        double previous = bar.previousClose;
        updateAverages(first, c, previous, h, l);
        for (int i = 0; i < AVERAGE_PERIODS.length; i++) {
            row[j++] = ratioMinusOne(c, ema[i]);
        }
        for (int i = 0; i < RSI_PERIODS.length; i++) {
            row[j++] = rsi[i].update(c) * PERCENT;
        }
        double perClose = 1.0 / c;
        for (int i = 0; i < ATR_PERIODS.length; i++) {
            row[j++] = atr[i] * perClose;
        }
        for (int i = 0; i < MACD_PERIODS.length; i++) {
            double line = ema[macdFast[i]] - ema[macdSlow[i]];
            double s = first ? line : (line - signal[i]) * signalAlpha[i] + signal[i];
            signal[i] = s;
            row[j++] = line * perClose;
            row[j++] = s * perClose;
            row[j++] = (line - s) * perClose;
        }
        for (BollingerBands b : bollinger) {
            double middle = b.update(c);
            double upper = b.upper();
            double lower = b.lower();
            double width = upper - lower;
            row[j++] = width > 0.0 ? (c - lower) / width : 0.5;
            row[j++] = width / middle;
        }
        for (int i = 0; i < STOCHASTIC_PERIODS.length; i++) {
            double highest = bar.highest(stochasticWindow[i]);
            double lowest = bar.lowest(stochasticWindow[i]);
            double range = highest - lowest;
            double k = range == 0.0 ? 50.0 : (c - lowest) / range * 100.0;
            double[] recent = stochasticK[i];
            int slot = stochasticSlot[i] + 1 == recent.length ? 0 : stochasticSlot[i] + 1;
            stochasticSlot[i] = slot;
            recent[slot] = k;
            double sum = 0.0;
            for (double x : recent) {
                sum += x;
            }
            row[j++] = k * PERCENT;
            row[j++] = sum / recent.length * PERCENT;
        }
        for (int n : ROC_PERIODS) {
            double past = bar.closeAgo(n);
            row[j++] = bar.count > n ? (c - past) / past : Double.NaN;
        }
        onBalanceVolume = first ? 0.0 : onBalanceVolume + sign(c, previous) * bar.volume;
        obvVolume.push(bar.volume);
        for (int i = 0; i < OBV_WINDOWS.length; i++) {
            obvTrend[i].push(onBalanceVolume);
            double meanVolume = obvVolume.mean(i);
            row[j++] = meanVolume > 0.0 ? obvTrend[i].slope() / meanVolume : 0.0;
        }
    }

    /**
     * Takes the close into every EMA and the true range into ATR's average (H - L on the first bar); the
     * first bar's input is each average's first value.
     */
    private void updateAverages(boolean first, double c, double previous, double h, double l) {
        double[] v = ema;
        double[] alpha = emaAlpha;
        for (int i = 0; i < v.length; i++) {
            v[i] = first ? c : (c - v[i]) * alpha[i] + v[i];
        }
        double range = h - l;
        if (!first) {
            range = Math.max(Math.abs(range), Math.max(Math.abs(h - previous), Math.abs(previous - l)));
        }
        for (int i = 0; i < ATR_PERIODS.length; i++) {
            atr[i] = first ? range : (range - atr[i]) * atrAlpha[i] + atr[i];
        }
    }

    /**
     * 1 when {@code x > y}, -1 when {@code x < y}, 0 when equal, as a choice between constants (no
     * data-dependent branch); adding {@code sign * v} for {@code v >= 0} gives exactly what adding or
     * subtracting {@code v}, or nothing, gives.
     */
    static double sign(double x, double y) {
        return (x > y ? 1.0 : 0.0) - (x < y ? 1.0 : 0.0);
    }

    @Override
    void reset() {
        closes.clear();
        onBalanceVolume = 0.0;
        Arrays.fill(stochasticSlot, 0);
        for (BollingerBands b : bollinger) {
            b.reset();
        }
        for (RelativeStrengthIndex r : rsi) {
            r.reset();
        }
        for (RollingRegression r : obvTrend) {
            r.clear();
        }
        obvVolume.clear();
    }
}
