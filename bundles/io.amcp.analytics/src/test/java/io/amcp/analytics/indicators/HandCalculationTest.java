package io.amcp.analytics.indicators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Small cases worked out by hand; each expected value is derived in the comment beside it. */
class HandCalculationTest {

    private static final double NAN = Double.NaN;
    private static final double EPS = 1e-12;

    @Test
    void smaOfThree() {
        // (1+2+3)/3 = 2, (2+3+4)/3 = 3
        assertArrayEquals(new double[] {NAN, NAN, 2, 3}, IndicatorSeries.sma(new double[] {1, 2, 3, 4}, 3), EPS);
        SimpleMovingAverage sma = SimpleMovingAverage.of(3);
        sma.update(1);
        sma.update(2);
        assertFalse(sma.isReady());
        assertEquals(2, sma.update(3), EPS);
        assertTrue(sma.isReady());
        assertEquals(3, sma.count());
    }

    @Test
    void emaOfThreeWithBothSeedings() {
        // alpha = 2/(3+1) = 0.5. Textbook: seed (1+2+3)/3 = 2; 2 + 0.5*(4-2) = 3; 3 + 0.5*(5-3) = 4
        double[] prices = {1, 2, 3, 4, 5};
        assertArrayEquals(new double[] {NAN, NAN, 2, 3, 4}, IndicatorSeries.ema(prices, 3), EPS);
        // ta4j seeding: 1; 1 + 0.5*(2-1) = 1.5; 1.5 + 0.5*1.5 = 2.25; 2.25 + 0.5*1.75 = 3.125; 3.125 + 0.5*1.875 = 4.0625
        ExponentialMovingAverage ema = ExponentialMovingAverage.of(3, Seeding.FIRST_VALUE);
        double[] expected = {1, 1.5, 2.25, 3.125, 4.0625};
        for (int i = 0; i < prices.length; i++) {
            assertEquals(expected[i], ema.update(prices[i]), EPS);
            assertEquals(i >= 2, ema.isReady());
        }
    }

    @Test
    void wilderRsiOfTwo() {
        // changes +1, -0.5, +1, -0.5; alpha = 1/2
        // bar 2: avgGain (1+0)/2 = 0.5, avgLoss (0+0.5)/2 = 0.25, RS 2, RSI 100 - 100/3
        // bar 3: avgGain 0.5 + (1-0.5)/2 = 0.75, avgLoss 0.25 + (0-0.25)/2 = 0.125, RS 6, RSI 100 - 100/7
        // bar 4: avgGain 0.75 + (0-0.75)/2 = 0.375, avgLoss 0.125 + (0.5-0.125)/2 = 0.3125, RS 1.2, RSI 100 - 100/2.2
        double[] rsi = IndicatorSeries.rsi(new double[] {10, 11, 10.5, 11.5, 11}, 2);
        assertArrayEquals(new double[] {NAN, NAN, 100 - 100 / 3.0, 100 - 100 / 7.0, 100 - 100 / 2.2}, rsi, 1e-9);
    }

    @Test
    void rsiOfOnlyRisesIsHundredAndOfAFlatLineIsZero() {
        assertEquals(100, IndicatorSeries.rsi(new double[] {1, 2, 3, 4}, 3)[3], EPS);
        assertEquals(0, IndicatorSeries.rsi(new double[] {5, 5, 5, 5}, 3)[3], EPS);
    }

    @Test
    void wilderAtrOfThree() {
        // TR0 = 10-8 = 2; TR1 = max(11-9, |11-9|, |9-9|) = 2; TR2 = max(12-10, |12-10.5|, |10.5-10|) = 2
        // TR3 (gap up) = max(14-12.5, |14-11|, |11-12.5|) = 3
        // ATR2 = (2+2+2)/3 = 2; ATR3 = 2 + (3-2)/3 = 7/3
        double[] high = {10, 11, 12, 14};
        double[] low = {8, 9, 10, 12.5};
        double[] close = {9, 10.5, 11, 13};
        assertArrayEquals(new double[] {NAN, NAN, 2, 7 / 3.0}, IndicatorSeries.atr(high, low, close, 3), EPS);
    }

    @Test
    void macdTwoThreeTwo() {
        // closes 1, 2, 4, 8, 16. EMA(2): alpha 2/3, seed (1+2)/2 = 3/2, then 19/6, 115/18, 691/54.
        // EMA(3): alpha 1/2, seed 7/3, then 31/6, 127/12.
        // line: 19/6 - 7/3 = 5/6, 115/18 - 31/6 = 11/9, 691/54 - 127/12 = 239/108
        // signal EMA(2) of the line: seed (5/6 + 11/9)/2 = 37/36, then 37/36 + 2/3*(239/108 - 37/36) = 589/324
        // histogram: 239/108 - 589/324 = 128/324 = 32/81
        IndicatorColumns macd = IndicatorSeries.macd(new double[] {1, 2, 4, 8, 16}, 2, 3, 2, Seeding.SIMPLE_AVERAGE);
        assertArrayEquals(new double[] {NAN, NAN, NAN, 11 / 9.0, 239 / 108.0}, macd.column("macd"), EPS);
        assertArrayEquals(new double[] {NAN, NAN, NAN, 37 / 36.0, 589 / 324.0}, macd.column("signal"), EPS);
        assertArrayEquals(new double[] {NAN, NAN, NAN, 11 / 9.0 - 37 / 36.0, 32 / 81.0}, macd.column("histogram"), EPS);

        Macd streaming = Macd.of(2, 3, 2, Seeding.SIMPLE_AVERAGE);
        streaming.update(1);
        streaming.update(2);
        assertEquals(5 / 6.0, streaming.update(4), EPS); // the line exists before the signal
        assertTrue(Double.isNaN(streaming.signal()));
        assertFalse(streaming.isReady());
    }

    @Test
    void bollingerOfThreeUsesPopulationDeviation() {
        // window 1,2,3: mean 2, population variance ((1-2)^2 + 0 + (3-2)^2)/3 = 2/3 (sample would be 1)
        BollingerBands bands = BollingerBands.of(3, 2);
        bands.update(1);
        bands.update(2);
        assertEquals(2, bands.update(3), EPS);
        assertEquals(Math.sqrt(2 / 3.0), bands.standardDeviation(), EPS);
        assertEquals(2 + 2 * Math.sqrt(2 / 3.0), bands.upper(), EPS);
        assertEquals(2 - 2 * Math.sqrt(2 / 3.0), bands.lower(), EPS);
        // window 2,3,4: mean 3, same deviation
        assertEquals(3, bands.update(4), EPS);
        assertEquals(3 + 2 * Math.sqrt(2 / 3.0), bands.upper(), EPS);
    }

    @Test
    void stochasticThreeTwo() {
        // bar 2: HH 12, LL 8, %K = 100*(11-8)/(12-8) = 75
        // bar 3: HH 12, LL 9 (bar 0 left the window), %K = 100*(9-9)/3 = 0; %D = (75+0)/2 = 37.5
        double[] high = {10, 11, 12, 11};
        double[] low = {8, 9, 10, 9};
        double[] close = {9, 10, 11, 9};
        IndicatorColumns s = IndicatorSeries.stochastic(high, low, close, 3, 2);
        assertArrayEquals(new double[] {NAN, NAN, 75, 0}, s.column("k"), EPS);
        assertArrayEquals(new double[] {NAN, NAN, NAN, 37.5}, s.column("d"), EPS);
    }

    @Test
    void stochasticOfAFlatRangeIsFifty() {
        StochasticOscillator s = StochasticOscillator.of(2, 1);
        s.update(5, 5, 5);
        assertEquals(50, s.update(5, 5, 5), EPS);
    }

    @Test
    void stochasticFollowsAMovingMaximumOverALongSeries() {
        // %K(3) against a brute-force window scan on a zig-zag with new highs and lows
        double[] high = new double[60];
        double[] low = new double[60];
        double[] close = new double[60];
        for (int i = 0; i < 60; i++) {
            double mid = 100 + (i % 7) * 3 - (i % 5) * 4 + i * 0.1;
            high[i] = mid + 1 + (i % 3);
            low[i] = mid - 1 - (i % 4);
            close[i] = mid + ((i % 2) == 0 ? 0.5 : -0.5);
        }
        double[] k = IndicatorSeries.stochastic(high, low, close, 4, 1).column("k");
        for (int i = 3; i < 60; i++) {
            double hh = Math.max(Math.max(high[i], high[i - 1]), Math.max(high[i - 2], high[i - 3]));
            double ll = Math.min(Math.min(low[i], low[i - 1]), Math.min(low[i - 2], low[i - 3]));
            assertEquals(100 * (close[i] - ll) / (hh - ll), k[i], EPS, "bar " + i);
        }
    }

    @Test
    void rateOfChangeOfTwo() {
        // (12.1 - 10)/10 * 100 = 21
        assertArrayEquals(new double[] {NAN, NAN, 21}, IndicatorSeries.roc(new double[] {10, 11, 12.1}, 2), 1e-9);
    }

    @Test
    void onBalanceVolume() {
        // 0; up +200 = 200; unchanged 200; down -400 = -200
        assertArrayEquals(new double[] {0, 200, 200, -200},
                IndicatorSeries.obv(new double[] {10, 11, 11, 10.5}, new double[] {100, 200, 300, 400}), EPS);
    }

    @Test
    void vwapCumulativeAndRolling() {
        // typical prices (12+9+9)/3 = 10 and (13+11+12)/3 = 12, volumes 100 and 300
        // cumulative: 10, (10*100 + 12*300)/400 = 11.5; rolling(1): 10, 12
        double[] high = {12, 13};
        double[] low = {9, 11};
        double[] close = {9, 12};
        double[] volume = {100, 300};
        assertArrayEquals(new double[] {10, 11.5}, IndicatorSeries.vwap(high, low, close, volume), EPS);
        assertArrayEquals(new double[] {10, 12}, IndicatorSeries.vwap(high, low, close, volume, 1), EPS);
        assertTrue(Double.isNaN(Vwap.cumulative().update(1, 1, 1, 0)), "no volume, no VWAP");
    }
}
