package io.amcp.ai.features;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Instrument;
import io.amcp.datasource.file.BundledDatasets;
import java.util.SplittableRandom;

/** Test data: the real AAPL 2013 daily bars and ETH 5-minute bars, and seeded synthetic bars. */
final class TestBars {

    private static final BundledDatasets DATASETS = new BundledDatasets();
    static final long MINUTE = 60_000_000_000L;

    private TestBars() {
    }

    static BarSeries aapl() {
        return DATASETS.load(BundledDatasets.AAPL_2013).get(0);
    }

    static BarSeries eth() {
        return DATASETS.load(BundledDatasets.ETH_5MIN).get(0);
    }

    /** Geometric random walk with jumps, consistent OHLC, positive volume; 5-minute bars from 2020-01-06. */
    static BarSeries synthetic(String symbol, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] time = new long[n];
        long[] open = new long[n];
        long[] high = new long[n];
        long[] low = new long[n];
        long[] close = new long[n];
        long[] volume = new long[n];
        double price = 100.0;
        long start = 1_578_268_800_000_000_000L;
        for (int i = 0; i < n; i++) {
            double o = price * Math.exp(0.002 * gaussian(random));
            double c = o * Math.exp(0.01 * gaussian(random) + (random.nextInt(50) == 0 ? 0.05 * gaussian(random) : 0));
            double h = Math.max(o, c) * Math.exp(0.004 * Math.abs(gaussian(random)));
            double l = Math.min(o, c) * Math.exp(-0.004 * Math.abs(gaussian(random)));
            time[i] = start + (i + 1) * 5 * MINUTE;
            open[i] = FixedPoint.fromDouble(o);
            close[i] = FixedPoint.fromDouble(c);
            high[i] = Math.max(FixedPoint.fromDouble(h), Math.max(open[i], close[i]));
            low[i] = Math.min(FixedPoint.fromDouble(l), Math.min(open[i], close[i]));
            volume[i] = FixedPoint.fromDouble(1000.0 + 5000.0 * random.nextDouble());
            price = c;
        }
        return new BarSeries(Instrument.equity(symbol), time, open, high, low, close, volume);
    }

    static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }

    static BarSeries head(BarSeries s, int n) {
        return new BarSeries(s.instrument(), copy(s.time(), n), copy(s.open(), n), copy(s.high(), n),
                copy(s.low(), n), copy(s.close(), n), copy(s.volume(), n));
    }

    private static long[] copy(long[] a, int n) {
        return java.util.Arrays.copyOf(a, n);
    }
}
