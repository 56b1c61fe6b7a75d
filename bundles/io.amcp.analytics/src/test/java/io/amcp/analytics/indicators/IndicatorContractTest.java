package io.amcp.analytics.indicators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Instrument;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Argument checks, reset, and numerical drift over long series. */
class IndicatorContractTest {

    private static void assertRejects(String field, Executable construction) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction);
        assertTrue(e.getMessage().startsWith(field + " ") || e.getMessage().startsWith(field + ":"),() -> "message should name " + field + ": " + e.getMessage());
    }

    @Test
    void nonPositivePeriodsAreRejectedByName() {
        for (int bad : new int[] {0, -1, Integer.MIN_VALUE}) {
            assertRejects("period", () -> SimpleMovingAverage.of(bad));
            assertRejects("period", () -> ExponentialMovingAverage.of(bad));
            assertRejects("period", () -> ExponentialMovingAverage.wilder(bad, Seeding.FIRST_VALUE));
            assertRejects("period", () -> RelativeStrengthIndex.of(bad));
            assertRejects("period", () -> AverageTrueRange.of(bad));
            assertRejects("period", () -> BollingerBands.of(bad, 2));
            assertRejects("period", () -> RateOfChange.of(bad));
            assertRejects("period", () -> Vwap.rolling(bad));
            assertRejects("kPeriod", () -> StochasticOscillator.of(bad, 3));
            assertRejects("dPeriod", () -> StochasticOscillator.of(14, bad));
            assertRejects("fastPeriod", () -> Macd.of(bad, 26, 9, Seeding.SIMPLE_AVERAGE));
            assertRejects("slowPeriod", () -> Macd.of(12, bad, 9, Seeding.SIMPLE_AVERAGE));
            assertRejects("signalPeriod", () -> Macd.of(12, 26, bad, Seeding.SIMPLE_AVERAGE));
            assertRejects("period", () -> IndicatorSeries.sma(new double[3], bad));
            assertRejects("period", () -> IndicatorSeries.compute("ema", null, null, new double[3], null, bad));
        }
    }

    @Test
    void otherBadArgumentsAreRejectedByName() {
        assertRejects("fastPeriod", () -> Macd.of(26, 12, 9, Seeding.SIMPLE_AVERAGE));
        assertRejects("k", () -> BollingerBands.of(20, -1));
        assertRejects("k", () -> BollingerBands.of(20, Double.NaN));
        assertRejects("name", () -> IndicatorSeries.compute("kama", null, null, new double[3], null));
        assertRejects("periods", () -> IndicatorSeries.compute("macd", null, null, new double[3], null, 12));
        assertRejects("periods", () -> IndicatorSeries.compute("sma", null, null, new double[3], null, 2, 3));
        assertRejects("high/low/close/volume",
                () -> IndicatorSeries.atr(new double[2], new double[3], new double[3], 2));
        NullPointerException npe = assertThrows(NullPointerException.class, () -> IndicatorSeries.sma(null, 3));
        assertTrue(npe.getMessage().startsWith("values"));
        assertRejects("name", () -> IndicatorSeries.bollinger(new double[3], 2, 2).column("width"));
    }

    @Test
    void computeKnowsEveryAdvertisedName() {
        double[] x = {10, 11, 12, 11, 10, 12, 13, 14, 13, 15};
        for (String name : IndicatorSeries.NAMES) {
            IndicatorColumns columns = IndicatorSeries.compute(name, x, x, x, x, name.equals("macd") ? new int[] {2, 3, 2}
                    : name.equals("obv") ? new int[0] : new int[] {3});
            assertEquals(x.length, columns.rows(), name);
            assertEquals(name, columns.indicator());
        }
    }

    /** After reset an indicator gives exactly what a new one gives. */
    @Test
    void resetForgetsEverything() {
        List<Supplier<Fed>> all = List.of(
                () -> price(SimpleMovingAverage.of(5)),
                () -> price(ExponentialMovingAverage.of(5)),
                () -> price(ExponentialMovingAverage.of(5, Seeding.FIRST_VALUE)),
                () -> price(RelativeStrengthIndex.of(5)),
                () -> price(Macd.of(3, 6, 4, Seeding.SIMPLE_AVERAGE)),
                () -> price(BollingerBands.of(5, 2)),
                () -> price(RateOfChange.of(5)),
                () -> bar(AverageTrueRange.of(5)),
                () -> bar(StochasticOscillator.of(5, 3)),
                () -> bar(OnBalanceVolume.create()),
                () -> bar(Vwap.cumulative()),
                () -> bar(Vwap.rolling(5)));
        SplittableRandom random = new SplittableRandom(7);
        double[] prices = new double[40];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = 100 + random.nextDouble(-5, 5);
        }
        for (Supplier<Fed> factory : all) {
            Fed used = factory.get();
            for (int i = 0; i < 17; i++) {
                used.update(prices[(i * 7) % prices.length]);
            }
            used.indicator.reset();
            assertEquals(0, used.indicator.count());
            assertFalse(used.indicator.isReady());
            Fed fresh = factory.get();
            for (double p : prices) {
                assertEquals(fresh.update(p), used.update(p), 0.0, used.indicator.getClass().getSimpleName());
                assertEquals(fresh.indicator.isReady(), used.indicator.isReady());
            }
            assertEquals(prices.length, used.indicator.count());
        }
    }

    private record Fed(StreamingIndicator indicator, DoubleUnaryOperator step) {
        double update(double price) {
            return step.applyAsDouble(price);
        }
    }

    private static Fed price(PriceIndicator indicator) {
        return new Fed(indicator, indicator::update);
    }

    private static Fed bar(BarIndicator indicator) {
        return new Fed(indicator, p -> indicator.update(p + 1, p - 1, p, 1000 + p));
    }

    /**
     * A million prices far from zero (about 10,000) with a small spread, where naive running sums and
     * {@code sum(x^2) - n*mean^2} lose digits: the streaming mean and deviation still equal an exact
     * two-pass computation of the last window to 1e-9 absolute.
     */
    @Test
    void noDriftOverAMillionPrices() {
        int period = 20;
        SplittableRandom random = new SplittableRandom(42);
        BollingerBands bands = BollingerBands.of(period, 2);
        SimpleMovingAverage sma = SimpleMovingAverage.of(period);
        Vwap rolling = Vwap.rolling(period);
        double[] prices = new double[1_000_000];
        double[] volumes = new double[prices.length];
        double level = 10_000;
        for (int i = 0; i < prices.length; i++) {
            level += random.nextDouble(-0.01, 0.01);
            prices[i] = level + random.nextDouble(-0.001, 0.001);
            volumes[i] = random.nextInt(1, 1_000_000);
            bands.update(prices[i]);
            sma.update(prices[i]);
            rolling.update(prices[i], prices[i], prices[i], volumes[i]);
            if (i % 99_991 == 0 || i == prices.length - 1) {
                assertWindow(prices, volumes, i, period, bands, sma, rolling);
            }
        }
    }

    private static void assertWindow(double[] prices, double[] volumes, int end, int period, BollingerBands bands,
            SimpleMovingAverage sma, Vwap rolling) {
        if (end < period - 1) {
            return;
        }
        double sum = 0;
        double weighted = 0;
        double volume = 0;
        for (int i = end - period + 1; i <= end; i++) {
            sum += prices[i];
            weighted += prices[i] * volumes[i];
            volume += volumes[i];
        }
        double mean = sum / period;
        double squares = 0;
        for (int i = end - period + 1; i <= end; i++) {
            squares += (prices[i] - mean) * (prices[i] - mean);
        }
        assertEquals(mean, sma.value(), 1e-9, "SMA at " + end);
        assertEquals(mean, bands.middle(), 1e-9, "middle at " + end);
        assertEquals(Math.sqrt(squares / period), bands.standardDeviation(), 1e-9, "sigma at " + end);
        assertEquals(weighted / volume, rolling.value(), 1e-9, "VWAP at " + end);
    }

    @Test
    void batchOverApiBarSeriesUsesItsDecimalPrices() {
        long[] time = {1, 2, 3, 4};
        long[] close = {FixedPoint.fromDouble(1), FixedPoint.fromDouble(2), FixedPoint.fromDouble(3),
                FixedPoint.fromDouble(4)};
        BarSeries series = new BarSeries(Instrument.equity("AAPL"), time, close, close, close, close, close);
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, 2, 3},
                IndicatorSeries.compute("sma", series, 3).column("sma"), 1e-12);
    }
}
