package io.amcp.options;

import java.util.SplittableRandom;

/**
 * Measures European valuations with all five Greeks per second on the calling thread
 * ({@link BlackScholesMerton#valueBatch}, no allocation in the loop) beside a reference measured in
 * the same run: a loop of as many {@code Math.exp} plus {@code Math.log} calls. Run it with
 * {@code amcp option bench}.
 */
public final class OptionsBenchmark {

    /**
     * One run's figures.
     *
     * @param options            options per batch
     * @param valuationsPerSecond European price + five Greeks per second (best round)
     * @param referencePerSecond {@code Math.exp + Math.log} pairs per second (best round)
     * @param checksum           sum of all prices of the last round, so the work cannot be elided
     * @param referenceChecksum  sum of the reference loop's results, for the same reason
     */
    public record Result(int options, double valuationsPerSecond, double referencePerSecond, double checksum,
            double referenceChecksum) {

        /** Valuations per reference exp+log pair: how many exp+log pairs one valuation costs is its inverse. */
        public double ratio() {
            return valuationsPerSecond / referencePerSecond;
        }
    }

    private OptionsBenchmark() {
    }

    /**
     * Values {@code options} random options {@code rounds} times (after as many warm-up rounds) and
     * times the reference loop the same way.
     */
    public static Result run(int options, int rounds) {
        if (options < 1) {
            throw new IllegalArgumentException("options: must be at least 1, was " + options);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds: must be at least 1, was " + rounds);
        }
        SplittableRandom random = new SplittableRandom(42);
        boolean[] call = new boolean[options];
        double[] spot = new double[options];
        double[] strike = new double[options];
        double[] years = new double[options];
        double[] vol = new double[options];
        double[] rate = new double[options];
        double[] dividend = new double[options];
        for (int i = 0; i < options; i++) {
            call[i] = random.nextBoolean();
            spot[i] = random.nextDouble(50, 150);
            strike[i] = random.nextDouble(50, 150);
            years[i] = random.nextDouble(0.02, 2.0);
            vol[i] = random.nextDouble(0.05, 0.8);
            rate[i] = random.nextDouble(0.0, 0.08);
            dividend[i] = random.nextDouble(0.0, 0.04);
        }
        double[] price = new double[options];
        double[] delta = new double[options];
        double[] gamma = new double[options];
        double[] vega = new double[options];
        double[] theta = new double[options];
        double[] rho = new double[options];
        long bestValuation = Long.MAX_VALUE;
        long bestReference = Long.MAX_VALUE;
        double checksum = 0;
        double sink = 0;
        for (int round = 0; round < 2 * rounds; round++) {
            long t0 = System.nanoTime();
            BlackScholesMerton.valueBatch(call, spot, strike, years, vol, rate, dividend, options, price, delta, gamma, vega, theta, rho);
            long t1 = System.nanoTime();
            double acc = 0;
            for (int i = 0; i < options; i++) {
                acc += Math.exp(-rate[i] * years[i]) + Math.log(spot[i] / strike[i]);
            }
            long t2 = System.nanoTime();
            sink += acc;
            if (round >= rounds) {
                bestValuation = Math.min(bestValuation, t1 - t0);
                bestReference = Math.min(bestReference, t2 - t1);
            }
            checksum = 0;
            for (int i = 0; i < options; i++) {
                checksum += price[i];
            }
        }
        return new Result(options, options * 1e9 / Math.max(1, bestValuation), options * 1e9 / Math.max(1, bestReference),
                checksum, sink);
    }
}
