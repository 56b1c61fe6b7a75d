package io.amcp.analytics.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.amcp.analytics.indicators.AaplBars.NumKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.StochasticOscillatorDIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.TRIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.num.Num;

/**
 * Every indicator against ta4j 0.17 on the 252 real AAPL 2013 daily bars, to an ABSOLUTE tolerance of
 * 1e-9 (prices are around 400-560, so this is about 2e-12 relative), with ta4j computing in
 * {@code DoubleNum} and again in {@code DecimalNum}.
 *
 * <p>Where ta4j's values before the warm-up differ by definition (SMA, Bollinger, stochastic and ROC
 * over a shorter window), comparison starts where this library's indicator is ready, which is the
 * first bar ta4j computes over a full window too. The exponential indicators (EMA, RSI, ATR, MACD) are
 * compared on every bar from the first, with {@link Seeding#FIRST_VALUE}, ta4j's seeding: its
 * recursion is exact, so ta4j's unstable period needs no exclusion. The textbook
 * {@link Seeding#SIMPLE_AVERAGE} is checked against ta4j through the exact decay of the seed
 * difference (see {@link #textbookEmaDiffersFromTa4jOnlyByTheDecayingSeedDifference}).
 */
class Ta4jReferenceTest {

    private static final double TOLERANCE = 1e-9;
    private static AaplBars bars;

    @BeforeAll
    static void load() {
        bars = AaplBars.load();
    }

    @Test
    void datasetIsTheFullYear() {
        assertEquals(252, bars.size());
        assertEquals(549.03, bars.close[0]);
    }

    private static void assertClose(String what, int index, Num expected, double actual) {
        assertClose(what, index, expected.doubleValue(), actual);
    }

    private static void assertClose(String what, int index, double expected, double actual) {
        assertEquals(expected, actual, TOLERANCE, () -> what + " at bar " + index);
    }

    @ParameterizedTest
    @EnumSource(NumKind.class)
    void simpleMovingAverageFromTheFirstFullWindow(NumKind kind) {
        BarSeries series = bars.ta4jSeries(kind);
        for (int period : new int[] {1, 5, 20, 50, 200}) {
            SMAIndicator reference = new SMAIndicator(new ClosePriceIndicator(series), period);
            SimpleMovingAverage sma = SimpleMovingAverage.of(period);
            double[] batch = IndicatorSeries.sma(bars.close, period);
            for (int i = 0; i < bars.size(); i++) {
                double v = sma.update(bars.close[i]);
                assertEquals(i >= period - 1, sma.isReady(), "ready at " + i);
                if (i >= period - 1) {
                    assertClose("SMA(" + period + ")", i, reference.getValue(i), v);
                    assertClose("batch SMA(" + period + ")", i, reference.getValue(i), batch[i]);
                } else {
                    assertTrue(Double.isNaN(v) && Double.isNaN(batch[i]));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(NumKind.class)
    void exponentialMovingAverageWithTa4jSeedingOnEveryBar(NumKind kind) {
        BarSeries series = bars.ta4jSeries(kind);
        for (int period : new int[] {1, 9, 12, 26, 50}) {
            EMAIndicator reference = new EMAIndicator(new ClosePriceIndicator(series), period);
            ExponentialMovingAverage ema = ExponentialMovingAverage.of(period, Seeding.FIRST_VALUE);
            double[] batch = IndicatorSeries.ema(bars.close, period, Seeding.FIRST_VALUE);
            for (int i = 0; i < bars.size(); i++) {
                assertClose("EMA(" + period + ")", i, reference.getValue(i), ema.update(bars.close[i]));
                assertEquals(i >= period - 1, ema.isReady());
                if (i >= period - 1) {
                    assertClose("batch EMA(" + period + ")", i, reference.getValue(i), batch[i]);
                }
            }
        }
    }

    /**
     * The EMA recursion is linear, so the textbook EMA (seeded with SMA at bar {@code p - 1}) and ta4j's
     * (seeded with the first close) differ at bar i by exactly
     * {@code (1 - alpha)^(i - p + 1) * (SMA[p - 1] - ta4jEMA[p - 1])}; both terms come from ta4j.
     */
    @ParameterizedTest
    @EnumSource(NumKind.class)
    void textbookEmaDiffersFromTa4jOnlyByTheDecayingSeedDifference(NumKind kind) {
        BarSeries series = bars.ta4jSeries(kind);
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        for (int period : new int[] {10, 26}) {
            assertSeedDecay("EMA(" + period + ")", new EMAIndicator(close, period), new SMAIndicator(close, period),
                    period, 2.0 / (period + 1), IndicatorSeries.ema(bars.close, period));
        }
    }

    /** Same decay argument for Wilder's ATR seeded with the mean of the first true ranges. */
    @ParameterizedTest
    @EnumSource(NumKind.class)
    void wilderAtrDiffersFromTa4jOnlyByTheDecayingSeedDifference(NumKind kind) {
        BarSeries series = bars.ta4jSeries(kind);
        int period = 14;
        assertSeedDecay("ATR(14)", new ATRIndicator(series, period), new SMAIndicator(new TRIndicator(series), period),
                period, 1.0 / period, IndicatorSeries.atr(bars.high, bars.low, bars.close, period));
    }

    private static void assertSeedDecay(String what, Indicator<Num> ta4jSeeded, Indicator<Num> seed, int period,
            double alpha, double[] textbook) {
        double seedDifference = seed.getValue(period - 1).doubleValue() - ta4jSeeded.getValue(period - 1).doubleValue();
        for (int i = 0; i < textbook.length; i++) {
            if (i < period - 1) {
                assertTrue(Double.isNaN(textbook[i]), what + " NaN before ready at " + i);
                continue;
            }
            double expected = ta4jSeeded.getValue(i).doubleValue() + Math.pow(1 - alpha, i - period + 1) * seedDifference;
            assertClose(what, i, expected, textbook[i]);
        }
    }

    @ParameterizedTest
    @EnumSource(NumKind.class)
    void rsiWithTa4jSeedingOnEveryBar(NumKind kind) {
        BarSeries series = bars.ta4jSeries(kind);
        for (int period : new int[] {2, 14, 30}) {
            RSIIndicator reference = new RSIIndicator(new ClosePriceIndicator(series), period);
            RelativeStrengthIndex rsi = RelativeStrengthIndex.of(period, Seeding.FIRST_VALUE);
            for (int i = 0; i < bars.size(); i++) {
                assertClose("RSI(" + period + ")", i, reference.getValue(i), rsi.update(bars.close[i]));
                assertEquals(i >= period, rsi.isReady());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(NumKind.class)
    void atrWithTa4jSeedingOnEveryBar(NumKind kind) {
        BarSeries series = bars.ta4jSeries(kind);
        for (int period : new int[] {1, 14, 20}) {
            ATRIndicator reference = new ATRIndicator(series, period);
            AverageTrueRange atr = AverageTrueRange.of(period, Seeding.FIRST_VALUE);
            for (int i = 0; i < bars.size(); i++) {
                double v = atr.update(bars.high[i], bars.low[i], bars.close[i], bars.volume[i]);
                assertClose("ATR(" + period + ")", i, reference.getValue(i), v);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(NumKind.class)
    void macdLineSignalAndHistogramWithTa4jSeedingOnEveryBar(NumKind kind) {
        BarSeries series = bars.ta4jSeries(kind);
        MACDIndicator line = new MACDIndicator(new ClosePriceIndicator(series), 12, 26);
        Indicator<Num> signal = line.getSignalLine(9);
        Indicator<Num> histogram = line.getHistogram(9);
        Macd macd = Macd.of(12, 26, 9, Seeding.FIRST_VALUE);
        IndicatorColumns batch = IndicatorSeries.macd(bars.close, 12, 26, 9, Seeding.FIRST_VALUE);
        for (int i = 0; i < bars.size(); i++) {
            assertClose("MACD line", i, line.getValue(i), macd.update(bars.close[i]));
            assertClose("MACD signal", i, signal.getValue(i), macd.signal());
            assertClose("MACD histogram", i, histogram.getValue(i), macd.histogram());
            assertEquals(i >= 26 + 9 - 2, macd.isReady());
            if (macd.isReady()) {
                assertClose("batch MACD line", i, line.getValue(i), batch.column("macd")[i]);
                assertClose("batch MACD signal", i, signal.getValue(i), batch.column("signal")[i]);
                assertClose("batch MACD histogram", i, histogram.getValue(i), batch.column("histogram")[i]);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(NumKind.class)
    void bollingerBandsWithPopulationDeviationFromTheFirstFullWindow(NumKind kind) {
        BarSeries series = bars.ta4jSeries(kind);
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        int[] periods = {20, 5, 50};
        double[] ks = {2.0, 1.5, 2.5};
        for (int c = 0; c < periods.length; c++) {
            int period = periods[c];
            double k = ks[c];
            BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, period));
            StandardDeviationIndicator deviation = new StandardDeviationIndicator(close, period);
            BollingerBandsUpperIndicator upper = new BollingerBandsUpperIndicator(middle, deviation, series.numOf(k));
            BollingerBandsLowerIndicator lower = new BollingerBandsLowerIndicator(middle, deviation, series.numOf(k));
            BollingerBands bands = BollingerBands.of(period, k);
            IndicatorColumns batch = IndicatorSeries.bollinger(bars.close, period, k);
            String what = "BB(" + period + ", " + k + ")";
            for (int i = 0; i < bars.size(); i++) {
                bands.update(bars.close[i]);
                assertEquals(i >= period - 1, bands.isReady());
                if (i < period - 1) {
                    continue;
                }
                assertClose(what + " middle", i, middle.getValue(i), bands.middle());
                assertClose(what + " sigma", i, deviation.getValue(i), bands.standardDeviation());
                assertClose(what + " upper", i, upper.getValue(i), bands.upper());
                assertClose(what + " lower", i, lower.getValue(i), bands.lower());
                assertClose(what + " batch middle", i, middle.getValue(i), batch.column("middle")[i]);
                assertClose(what + " batch upper", i, upper.getValue(i), batch.column("upper")[i]);
                assertClose(what + " batch lower", i, lower.getValue(i), batch.column("lower")[i]);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(NumKind.class)
    void stochasticFromTheFirstFullWindows(NumKind kind) {
        BarSeries series = bars.ta4jSeries(kind);
        for (int period : new int[] {5, 14}) {
            StochasticOscillatorKIndicator k = new StochasticOscillatorKIndicator(series, period);
            StochasticOscillatorDIndicator d = new StochasticOscillatorDIndicator(k);
            StochasticOscillator stochastic = StochasticOscillator.of(period, 3);
            for (int i = 0; i < bars.size(); i++) {
                double v = stochastic.update(bars.high[i], bars.low[i], bars.close[i], bars.volume[i]);
                if (i >= period - 1) {
                    assertClose("%K(" + period + ")", i, k.getValue(i), v);
                } else {
                    assertTrue(Double.isNaN(v));
                }
                assertEquals(i >= period + 1, stochastic.isReady());
                if (stochastic.isReady()) {
                    assertClose("%D(" + period + ", 3)", i, d.getValue(i), stochastic.d());
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(NumKind.class)
    void rateOfChangeFromTheFirstFullWindow(NumKind kind) {
        BarSeries series = bars.ta4jSeries(kind);
        for (int period : new int[] {1, 12, 100}) {
            ROCIndicator reference = new ROCIndicator(new ClosePriceIndicator(series), period);
            double[] batch = IndicatorSeries.roc(bars.close, period);
            for (int i = period; i < bars.size(); i++) {
                assertClose("ROC(" + period + ")", i, reference.getValue(i), batch[i]);
            }
            for (int i = 0; i < period; i++) {
                assertTrue(Double.isNaN(batch[i]));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(NumKind.class)
    void onBalanceVolumeOnEveryBar(NumKind kind) {
        BarSeries series = bars.ta4jSeries(kind);
        OnBalanceVolumeIndicator reference = new OnBalanceVolumeIndicator(series);
        double[] batch = IndicatorSeries.obv(bars.close, bars.volume);
        for (int i = 0; i < bars.size(); i++) {
            assertClose("OBV", i, reference.getValue(i), batch[i]);
        }
    }

    @ParameterizedTest
    @EnumSource(NumKind.class)
    void vwapRollingFromTheFirstFullWindowAndCumulativeOnEveryBar(NumKind kind) {
        BarSeries series = bars.ta4jSeries(kind);
        for (int period : new int[] {1, 10, 50}) {
            VWAPIndicator reference = new VWAPIndicator(series, period);
            double[] batch = IndicatorSeries.vwap(bars.high, bars.low, bars.close, bars.volume, period);
            for (int i = period - 1; i < bars.size(); i++) {
                assertClose("VWAP(" + period + ")", i, reference.getValue(i), batch[i]);
            }
        }
        // ta4j's VWAP over a window as long as the series is the cumulative VWAP
        VWAPIndicator whole = new VWAPIndicator(series, bars.size());
        Vwap cumulative = Vwap.cumulative();
        for (int i = 0; i < bars.size(); i++) {
            double v = cumulative.update(bars.high[i], bars.low[i], bars.close[i], bars.volume[i]);
            assertClose("cumulative VWAP", i, whole.getValue(i), v);
        }
        assertFalse(cumulative.isRolling());
    }

    @Test
    void computeByNameMatchesTheTypedEntryPoints() {
        IndicatorColumns rsi = IndicatorSeries.compute("RSI", bars.high, bars.low, bars.close, bars.volume, 14);
        double[] direct = IndicatorSeries.rsi(bars.close, 14);
        for (int i = 0; i < bars.size(); i++) {
            assertEquals(direct[i], rsi.column("rsi")[i]);
        }
        IndicatorColumns macd = IndicatorSeries.compute("macd", bars.high, bars.low, bars.close, bars.volume);
        assertEquals(java.util.List.of("macd", "signal", "histogram"), macd.names());
        assertTrue(Double.isNaN(macd.column("signal")[32]));
        assertFalse(Double.isNaN(macd.column("signal")[33]));
    }
}
