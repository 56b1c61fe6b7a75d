package io.amcp.ai.features.bench;

import io.amcp.ai.features.FeatureEngine;
import io.amcp.ai.features.legacy.FeatureComputer;
import io.amcp.analytics.indicators.SimpleMovingAverage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * Throughput of the feature engine: all 134 standard features per bar, streaming, single thread, over
 * synthetic 1-minute bars, printed beside a reference measured in the same run (a plain loop feeding
 * one {@code SimpleMovingAverage(20)} over the same closes), so the ratio is comparable across machines,
 * and beside the previous implementation kept in {@code io.amcp.ai.features.legacy} (same features,
 * no input checks), so the speed-up is measured under the same load.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -pl bundles/io.amcp.ai.features
 * java -cp bundles/io.amcp.ai.features/target/test-classes:bundles/io.amcp.ai.features/target/classes:$(cat bundles/io.amcp.ai.features/target/bench.cp) \
 *     io.amcp.ai.features.bench.FeatureBench [bars] [rounds]
 * </pre>
 * Defaults: 2,000,000 bars, 5 measured rounds after 2 warm-up rounds; the best round is reported.
 *
 * <p>Each loop is timed twice: by the wall clock and by the thread's CPU time
 * ({@link ThreadMXBean#getCurrentThreadCpuTime()}). On a machine shared with other work the wall-clock
 * rate drops whenever the thread waits for a core; the CPU-time rate counts only the time the thread
 * ran (it still pays for caches shared with the other work), so it is the steadier figure there, and on
 * an idle machine the two agree. The checksum adds the cells read, warm-up NaNs as 0.
 */
public final class FeatureBench {

    private FeatureBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        long[] time = new long[n];
        generate(new SplittableRandom(42), time, open, high, low, close, volume);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        FeatureEngine engine = FeatureEngine.standard();
        double[] row = new double[engine.width()];
        double best = 0.0;
        double bestReference = 0.0;
        double bestLegacy = 0.0;
        double bestCpu = 0.0;
        double bestLegacyCpu = 0.0;
        FeatureComputer legacy = new FeatureComputer(ZoneOffset.UTC);
        double[] speedUps = new double[Math.max(rounds, 1)];
        double checksum = 0.0;
        for (int round = -2; round < rounds; round++) {
            engine.reset();
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                engine.update(time[i], open[i], high[i], low[i], close[i], volume[i], row);
                checksum += finite(row[i % row.length]);
            }
            double featureRate = n / ((System.nanoTime() - start) / 1e9);
            double featureCpuRate = n / ((threads.getCurrentThreadCpuTime() - cpu) / 1e9);
            SimpleMovingAverage sma = SimpleMovingAverage.of(20);
            start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                checksum += finite(sma.update(close[i]));
            }
            double referenceRate = n / ((System.nanoTime() - start) / 1e9);
            legacy.reset();
            cpu = threads.getCurrentThreadCpuTime();
            start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                legacy.update(time[i], open[i], high[i], low[i], close[i], volume[i], row);
                checksum += finite(row[i % row.length]);
            }
            double legacyRate = n / ((System.nanoTime() - start) / 1e9);
            double legacyCpuRate = n / ((threads.getCurrentThreadCpuTime() - cpu) / 1e9);
            if (round >= 0) {
                best = Math.max(best, featureRate);
                bestReference = Math.max(bestReference, referenceRate);
                bestLegacy = Math.max(bestLegacy, legacyRate);
                bestCpu = Math.max(bestCpu, featureCpuRate);
                bestLegacyCpu = Math.max(bestLegacyCpu, legacyCpuRate);
                speedUps[round] = featureRate / legacyRate;
            }
            System.out.printf("round %2d: features %,12.0f bars/s (CPU time %,12.0f)   reference SMA(20) %,14.0f bars/s"
                    + "   previous implementation %,12.0f bars/s (CPU time %,12.0f)%n", round, featureRate,
                    featureCpuRate, referenceRate, legacyRate, legacyCpuRate);
        }
        System.out.printf("%nbest: %,.0f bars/s with all %d features per bar (%.0f ns/bar, %.2f ns/feature)%n",
                best, engine.width(), 1e9 / best, 1e9 / best / engine.width());
        System.out.printf("reference: %,.0f bars/s for one SMA(20); features cost %.1fx one SMA%n",
                bestReference, bestReference / best);
        java.util.Arrays.sort(speedUps, 0, Math.max(rounds, 1));
        double median = speedUps[Math.max(rounds, 1) / 2];
        System.out.printf("previous implementation: %,.0f bars/s, %.1fx one SMA; speed-up best/best %.2fx,"
                + " median of the rounds' speed-ups %.2fx (%.0f%% less time per bar)%n", bestLegacy,
                bestReference / bestLegacy, best / bestLegacy, median, 100.0 * (1.0 - 1.0 / median));
        System.out.printf("CPU time: features %,.0f bars/s, previous implementation %,.0f bars/s, speed-up %.2fx%n",
                bestCpu, bestLegacyCpu, bestCpu / bestLegacyCpu);
        System.out.printf("target 1,000,000 bars/s: %s by the wall clock, %s by CPU time   (checksum %s)%n",
                best >= 1e6 ? "met" : "NOT met", bestCpu >= 1e6 ? "met" : "NOT met",
                Double.isFinite(checksum) ? "ok" : "not finite");
    }

    /** {@code x}, or 0 for a warm-up cell (NaN), so the checksum stays meaningful. */
    private static double finite(double x) {
        return Double.isNaN(x) ? 0.0 : x;
    }

    private static void generate(SplittableRandom random, long[] time, double[] open, double[] high, double[] low,
            double[] close, double[] volume) {
        double price = 100.0;
        long t = 1_577_836_800_000_000_000L;
        for (int i = 0; i < close.length; i++) {
            double o = price * (1.0 + 0.0005 * (random.nextDouble() - 0.5));
            double c = o * (1.0 + 0.004 * (random.nextDouble() - 0.5));
            open[i] = o;
            close[i] = c;
            high[i] = Math.max(o, c) * (1.0 + 0.001 * random.nextDouble());
            low[i] = Math.min(o, c) * (1.0 - 0.001 * random.nextDouble());
            volume[i] = 100.0 + 1000.0 * random.nextDouble();
            t += 60_000_000_000L;
            time[i] = t;
            price = c;
        }
    }
}
