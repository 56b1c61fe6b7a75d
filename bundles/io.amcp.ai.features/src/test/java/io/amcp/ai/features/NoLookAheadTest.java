package io.amcp.ai.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A feature at bar t must not change when anything after t changes: truncating the series after t,
 * or replacing every later bar by random ones, leaves row t bit-for-bit equal. Checked at random t on
 * the real AAPL 2013 and ETH 5-minute bars and on synthetic bars; streaming rows equal batch rows.
 */
class NoLookAheadTest {

    private final FeatureEngine engine = FeatureEngine.standard();

    @Test
    void aaplRowsDoNotDependOnLaterBars() {
        check(TestBars.aapl(), 11);
    }

    @Test
    void ethRowsDoNotDependOnLaterBars() {
        check(TestBars.eth(), 12);
    }

    @Test
    void syntheticRowsDoNotDependOnLaterBars() {
        check(TestBars.synthetic("SYN", 1500, 5), 13);
    }

    private void check(BarSeries series, long seed) {
        FeatureMatrix full = engine.compute(series);
        SplittableRandom random = new SplittableRandom(seed);
        int n = series.size();
        for (int trial = 0; trial < 12; trial++) {
            int t = trial == 0 ? n - 2 : random.nextInt(n - 1);
            FeatureMatrix truncated = engine.compute(TestBars.head(series, t + 1));
            FeatureMatrix randomised = engine.compute(randomiseAfter(series, t, random));
            for (int j = 0; j < full.columns(); j++) {
                String what = full.registry().spec(j).name() + " at bar " + t;
                assertSame(full.get(t, j), truncated.get(t, j), what + " (truncated)");
                assertSame(full.get(t, j), randomised.get(t, j), what + " (randomised)");
            }
        }
    }

    @Test
    void streamingRowsEqualTheBatchMatrix() {
        BarSeries series = TestBars.aapl();
        FeatureMatrix batch = FeatureEngine.standard().compute(series);
        FeatureEngine streaming = FeatureEngine.standard();
        double[] row = new double[streaming.width()];
        for (int i = 0; i < series.size(); i++) {
            streaming.update(series.bar(i), row);
            for (int j = 0; j < row.length; j++) {
                assertSame(batch.get(i, j), row[j], batch.registry().spec(j).name() + " at " + i);
            }
        }
    }

    private static void assertSame(double expected, double actual, String what) {
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
                () -> what + ": expected " + expected + ", got " + actual);
    }

    private static BarSeries randomiseAfter(BarSeries s, int t, SplittableRandom random) {
        int n = s.size();
        long[] open = Arrays.copyOf(s.open(), n);
        long[] high = Arrays.copyOf(s.high(), n);
        long[] low = Arrays.copyOf(s.low(), n);
        long[] close = Arrays.copyOf(s.close(), n);
        long[] volume = Arrays.copyOf(s.volume(), n);
        for (int i = t + 1; i < n; i++) {
            double o = 1.0 + 1000.0 * random.nextDouble();
            double c = 1.0 + 1000.0 * random.nextDouble();
            open[i] = FixedPoint.fromDouble(o);
            close[i] = FixedPoint.fromDouble(c);
            high[i] = FixedPoint.fromDouble(Math.max(o, c) * (1.0 + random.nextDouble()));
            low[i] = FixedPoint.fromDouble(Math.min(o, c) * (1.0 - 0.5 * random.nextDouble()));
            volume[i] = FixedPoint.fromDouble(1e6 * random.nextDouble());
        }
        return new BarSeries(s.instrument(), s.time(), open, high, low, close, volume);
    }
}
