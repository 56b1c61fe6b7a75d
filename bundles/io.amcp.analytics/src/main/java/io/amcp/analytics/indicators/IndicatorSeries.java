package io.amcp.analytics.indicators;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import java.util.List;
import java.util.Locale;

/**
 * Batch computation of whole indicator series over primitive columns, running the same streaming
 * classes bar by bar (one code path for backtests, live trading and reports). Every result has one
 * row per input, {@link Double#NaN} until the indicator {@link StreamingIndicator#isReady() is ready}.
 * Exponential averages use {@link Seeding#SIMPLE_AVERAGE} unless a {@link Seeding} is passed.
 */
public final class IndicatorSeries {

    /** The names {@link #compute} understands. */
    public static final List<String> NAMES =
            List.of("sma", "ema", "rsi", "atr", "macd", "bb", "stoch", "roc", "obv", "vwap");

    private IndicatorSeries() {
    }

    /**
     * Computes a named indicator over an instrument's bars.
     *
     * @see #compute(String, double[], double[], double[], double[], int...)
     */
    public static IndicatorColumns compute(String name, BarSeries series, int... periods) {
        Checks.notNull(series, "series");
        return compute(name, toDouble(series.high()), toDouble(series.low()), toDouble(series.close()),
                toDouble(series.volume()), periods);
    }

    /**
     * Computes a named indicator over OHLCV columns of equal length. Periods, when none are given,
     * take the usual defaults shown here:
     * <ul>
     * <li>{@code sma [20]}, {@code ema [20]}, {@code roc [12]}: one column of the same name</li>
     * <li>{@code rsi [14]}, {@code atr [14]}: one column (Wilder's definitions)</li>
     * <li>{@code macd [12 26 9]} (none or all three): {@code macd, signal, histogram}</li>
     * <li>{@code bb [20]} (k = 2): {@code middle, upper, lower}</li>
     * <li>{@code stoch [14 [3]]}: {@code k, d}</li>
     * <li>{@code obv} (no period): {@code obv}</li>
     * <li>{@code vwap [N]}: cumulative without a period, rolling over N bars with one</li>
     * </ul>
     * Only the columns an indicator reads must be non-null (e.g. {@code close} alone for sma).
     *
     * @param name    one of {@link #NAMES}, case-insensitive
     * @param periods the indicator's periods, see above
     * @throws IllegalArgumentException naming {@code name} when it is unknown, {@code periods} when
     *                                  their number is wrong, or the period at fault when not positive
     */
    public static IndicatorColumns compute(String name, double[] high, double[] low, double[] close,
            double[] volume, int... periods) {
        Checks.notNull(name, "name");
        int[] p = periods == null ? new int[0] : periods;
        String key = name.toLowerCase(Locale.ROOT);
        switch (key) {
            case "sma":
                return single(key, sma(close, period(key, p, 20)));
            case "ema":
                return single(key, ema(close, period(key, p, 20)));
            case "rsi":
                return single(key, rsi(close, period(key, p, 14)));
            case "atr":
                return single(key, atr(high, low, close, period(key, p, 14)));
            case "roc":
                return single(key, roc(close, period(key, p, 12)));
            case "bb":
                return bollinger(close, period(key, p, 20), 2.0);
            case "macd":
                if (p.length == 0) {
                    return macd(close, 12, 26, 9, Seeding.SIMPLE_AVERAGE);
                }
                if (p.length != 3) {
                    throw new IllegalArgumentException(
                            "periods: macd takes none or three (fast, slow, signal), got " + p.length);
                }
                return macd(close, p[0], p[1], p[2], Seeding.SIMPLE_AVERAGE);
            case "stoch":
                if (p.length > 2) {
                    throw new IllegalArgumentException(
                            "periods: stoch takes at most two (k, d), got " + p.length);
                }
                return stochastic(high, low, close, p.length > 0 ? p[0] : 14, p.length > 1 ? p[1] : 3);
            case "obv":
                if (p.length != 0) {
                    throw new IllegalArgumentException("periods: obv takes none, got " + p.length);
                }
                return single(key, obv(close, volume));
            case "vwap":
                if (p.length > 1) {
                    throw new IllegalArgumentException("periods: vwap takes at most one, got " + p.length);
                }
                return single(key, p.length == 0 ? vwap(high, low, close, volume) : vwap(high, low, close, volume, p[0]));
            default:
                throw new IllegalArgumentException("name: unknown indicator '" + name + "', expected one of " + NAMES);
        }
    }

    private static int period(String name, int[] periods, int defaultPeriod) {
        if (periods.length > 1) {
            throw new IllegalArgumentException("periods: " + name + " takes at most one, got " + periods.length);
        }
        return periods.length == 0 ? defaultPeriod : periods[0];
    }

    private static IndicatorColumns single(String name, double[] column) {
        return new IndicatorColumns(name, List.of(name), column);
    }

    /** Simple moving average of {@code values}. */
    public static double[] sma(double[] values, int period) {
        return run(SimpleMovingAverage.of(period), values, "values");
    }

    /** EMA of {@code values}, textbook seeding. */
    public static double[] ema(double[] values, int period) {
        return ema(values, period, Seeding.SIMPLE_AVERAGE);
    }

    public static double[] ema(double[] values, int period, Seeding seeding) {
        return run(ExponentialMovingAverage.of(period, seeding), values, "values");
    }

    /** Wilder's RSI of {@code close}. */
    public static double[] rsi(double[] close, int period) {
        return rsi(close, period, Seeding.SIMPLE_AVERAGE);
    }

    public static double[] rsi(double[] close, int period, Seeding seeding) {
        return run(RelativeStrengthIndex.of(period, seeding), close, "close");
    }

    /** Rate of change of {@code close} in percent. */
    public static double[] roc(double[] close, int period) {
        return run(RateOfChange.of(period), close, "close");
    }

    /** Wilder's ATR. */
    public static double[] atr(double[] high, double[] low, double[] close, int period) {
        return atr(high, low, close, period, Seeding.SIMPLE_AVERAGE);
    }

    public static double[] atr(double[] high, double[] low, double[] close, int period, Seeding seeding) {
        AverageTrueRange atr = AverageTrueRange.of(period, seeding);
        int n = sameLength(high, low, close, close);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double v = atr.update(high[i], low[i], close[i]);
            out[i] = atr.isReady() ? v : Double.NaN;
        }
        return out;
    }

    /** On-balance volume. */
    public static double[] obv(double[] close, double[] volume) {
        OnBalanceVolume obv = OnBalanceVolume.create();
        int n = sameLength(close, close, close, volume);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = obv.update(close[i], volume[i]);
        }
        return out;
    }

    /** Cumulative VWAP of the typical price. */
    public static double[] vwap(double[] high, double[] low, double[] close, double[] volume) {
        return runBars(Vwap.cumulative(), high, low, close, volume);
    }

    /** VWAP of the typical price over the last {@code period} bars. */
    public static double[] vwap(double[] high, double[] low, double[] close, double[] volume, int period) {
        return runBars(Vwap.rolling(period), high, low, close, volume);
    }

    /** MACD columns {@code macd, signal, histogram}; each NaN until the whole indicator is ready. */
    public static IndicatorColumns macd(double[] close, int fastPeriod, int slowPeriod, int signalPeriod,
            Seeding seeding) {
        Macd macd = Macd.of(fastPeriod, slowPeriod, signalPeriod, seeding);
        int n = Checks.notNull(close, "close").length;
        double[] line = new double[n];
        double[] signal = new double[n];
        double[] histogram = new double[n];
        for (int i = 0; i < n; i++) {
            macd.update(close[i]);
            boolean ready = macd.isReady();
            line[i] = ready ? macd.value() : Double.NaN;
            signal[i] = ready ? macd.signal() : Double.NaN;
            histogram[i] = ready ? macd.histogram() : Double.NaN;
        }
        return new IndicatorColumns("macd", List.of("macd", "signal", "histogram"), line, signal, histogram);
    }

    /** Bollinger band columns {@code middle, upper, lower}. */
    public static IndicatorColumns bollinger(double[] close, int period, double k) {
        BollingerBands bands = BollingerBands.of(period, k);
        int n = Checks.notNull(close, "close").length;
        double[] middle = new double[n];
        double[] upper = new double[n];
        double[] lower = new double[n];
        for (int i = 0; i < n; i++) {
            bands.update(close[i]);
            boolean ready = bands.isReady();
            middle[i] = ready ? bands.middle() : Double.NaN;
            upper[i] = ready ? bands.upper() : Double.NaN;
            lower[i] = ready ? bands.lower() : Double.NaN;
        }
        return new IndicatorColumns("bb", List.of("middle", "upper", "lower"), middle, upper, lower);
    }

    /** Stochastic oscillator columns {@code k, d}; %K from its own warm-up, %D from the whole one. */
    public static IndicatorColumns stochastic(double[] high, double[] low, double[] close, int kPeriod, int dPeriod) {
        StochasticOscillator stochastic = StochasticOscillator.of(kPeriod, dPeriod);
        int n = sameLength(high, low, close, close);
        double[] k = new double[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = stochastic.update(high[i], low[i], close[i]);
            d[i] = stochastic.isReady() ? stochastic.d() : Double.NaN;
        }
        return new IndicatorColumns("stoch", List.of("k", "d"), k, d);
    }

    private static double[] run(PriceIndicator indicator, double[] values, String name) {
        Checks.notNull(values, name);
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = indicator.update(values[i]);
            out[i] = indicator.isReady() ? v : Double.NaN;
        }
        return out;
    }

    private static double[] runBars(BarIndicator indicator, double[] high, double[] low, double[] close,
            double[] volume) {
        int n = sameLength(high, low, close, volume);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double v = indicator.update(high[i], low[i], close[i], volume[i]);
            out[i] = indicator.isReady() ? v : Double.NaN;
        }
        return out;
    }

    private static int sameLength(double[] high, double[] low, double[] close, double[] volume) {
        Checks.notNull(high, "high");
        Checks.notNull(low, "low");
        Checks.notNull(close, "close");
        Checks.notNull(volume, "volume");
        int n = close.length;
        if (high.length != n || low.length != n || volume.length != n) {
            throw new IllegalArgumentException("high/low/close/volume: lengths differ (" + high.length + ", "
                    + low.length + ", " + close.length + ", " + volume.length + ")");
        }
        return n;
    }

    private static double[] toDouble(long[] raw) {
        double[] out = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = FixedPoint.toDouble(raw[i]);
        }
        return out;
    }
}
