package io.amcp.ai.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.amcp.api.model.FixedPoint;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.StochasticOscillatorDIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * The indicator-derived features against ta4j 0.17 on the 252 real AAPL 2013 daily bars, on every bar
 * from the feature's lookback on, to 1e-9 absolute (features are ratios of order 1e-2 to 1). The
 * engine computes the ETH bars first, so the checks also cover its reset between series.
 */
class Ta4jFeatureTest {

    private static final double TOLERANCE = 1e-9;
    private static FeatureMatrix features;
    private static BarSeries series;
    private static double[] close;

    @BeforeAll
    static void load() {
        io.amcp.api.model.BarSeries aapl = TestBars.aapl();
        // an engine that has seen other bars first: every value below also checks that a reset forgets them
        FeatureEngine engine = FeatureEngine.standard();
        engine.compute(TestBars.eth());
        features = engine.compute(aapl);
        series = new BaseBarSeriesBuilder().withName("AAPL").withNumTypeOf(DoubleNum.class).build();
        close = aapl.closesAsDouble();
        for (int i = 0; i < aapl.size(); i++) {
            series.addBar(Duration.ofDays(1), Instant.ofEpochSecond(0, aapl.time()[i]).atZone(ZoneOffset.UTC),
                    FixedPoint.toDouble(aapl.open()[i]), FixedPoint.toDouble(aapl.high()[i]),
                    FixedPoint.toDouble(aapl.low()[i]), close[i], FixedPoint.toDouble(aapl.volume()[i]));
        }
    }

    private static void check(String feature, IntToDoubleFunction reference) {
        int column = features.registry().indexOf(feature);
        int lookback = features.registry().spec(column).lookback();
        for (int i = lookback - 1; i < features.rows(); i++) {
            double expected = reference.applyAsDouble(i);
            int bar = i;
            assertEquals(expected, features.get(i, column), TOLERANCE, () -> feature + " at bar " + bar);
        }
    }

    private static double v(Indicator<Num> indicator, int i) {
        return indicator.getValue(i).doubleValue();
    }

    @Test
    void movingAverageDistances() {
        ClosePriceIndicator c = new ClosePriceIndicator(series);
        for (int n : new int[] {5, 10, 20, 50, 100, 200}) {
            SMAIndicator sma = new SMAIndicator(c, n);
            EMAIndicator ema = new EMAIndicator(c, n);
            check("sma_dist_" + n, i -> close[i] / v(sma, i) - 1);
            check("ema_dist_" + n, i -> close[i] / v(ema, i) - 1);
        }
    }

    @Test
    void rsiAtrAndRoc() {
        ClosePriceIndicator c = new ClosePriceIndicator(series);
        for (int n : new int[] {6, 14, 28}) {
            RSIIndicator rsi = new RSIIndicator(c, n);
            check("rsi_" + n, i -> v(rsi, i) / 100);
        }
        for (int n : new int[] {7, 14, 28}) {
            ATRIndicator atr = new ATRIndicator(series, n);
            check("atr_" + n, i -> v(atr, i) / close[i]);
        }
        for (int n : new int[] {5, 10, 20, 60}) {
            ROCIndicator roc = new ROCIndicator(c, n);
            check("roc_" + n, i -> v(roc, i) / 100);
        }
    }

    @Test
    void macdLineSignalAndHistogram() {
        ClosePriceIndicator c = new ClosePriceIndicator(series);
        for (int[] p : new int[][] {{12, 26, 9}, {5, 35, 5}}) {
            MACDIndicator line = new MACDIndicator(c, p[0], p[1]);
            Indicator<Num> signal = line.getSignalLine(p[2]);
            Indicator<Num> histogram = line.getHistogram(p[2]);
            String id = p[0] + "_" + p[1] + "_" + p[2];
            check("macd_" + id, i -> v(line, i) / close[i]);
            check("macd_signal_" + id, i -> v(signal, i) / close[i]);
            check("macd_hist_" + id, i -> v(histogram, i) / close[i]);
        }
    }

    @Test
    void bollingerPercentBAndBandwidth() {
        ClosePriceIndicator c = new ClosePriceIndicator(series);
        for (int n : new int[] {10, 20, 50}) {
            BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(c, n));
            StandardDeviationIndicator sd = new StandardDeviationIndicator(c, n);
            BollingerBandsUpperIndicator upper = new BollingerBandsUpperIndicator(middle, sd, series.numOf(2));
            BollingerBandsLowerIndicator lower = new BollingerBandsLowerIndicator(middle, sd, series.numOf(2));
            check("bb_pctb_" + n, i -> (close[i] - v(lower, i)) / (v(upper, i) - v(lower, i)));
            check("bb_width_" + n, i -> (v(upper, i) - v(lower, i)) / v(middle, i));
        }
    }

    @Test
    void stochasticKAndD() {
        for (int n : new int[] {5, 14, 28}) {
            StochasticOscillatorKIndicator k = new StochasticOscillatorKIndicator(series, n);
            StochasticOscillatorDIndicator d = new StochasticOscillatorDIndicator(k);
            check("stoch_k_" + n, i -> v(k, i) / 100);
            check("stoch_d_" + n, i -> v(d, i) / 100);
        }
    }

    @Test
    void vwapDistance() {
        for (int n : new int[] {5, 20, 60}) {
            VWAPIndicator vwap = new VWAPIndicator(series, n);
            check("vwap_dist_" + n, i -> close[i] / v(vwap, i) - 1);
        }
    }
}
