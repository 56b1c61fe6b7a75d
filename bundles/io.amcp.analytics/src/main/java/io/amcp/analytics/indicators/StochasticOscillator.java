package io.amcp.analytics.indicators;

/**
 * Lane's stochastic oscillator: fast {@code %K = 100 * (close - lowestLow) / (highestHigh - lowestLow)}
 * over the last {@code kPeriod} bars, and {@code %D} the simple moving average of the last
 * {@code dPeriod} %K values (defaults 14 and 3, as ta4j 0.17's {@code StochasticOscillatorKIndicator}
 * and {@code StochasticOscillatorDIndicator}). When the highest high equals the lowest low %K is 50
 * (ta4j divides by zero there). %K exists after {@code kPeriod} bars, %D and {@link #isReady()} after
 * {@code kPeriod + dPeriod - 1}; {@link #value()} is %K.
 *
 * <p>Highest high and lowest low come from monotonic queues, O(1) amortised per bar.
 */
public final class StochasticOscillator implements BarIndicator {

    private final int kPeriod;
    private final double[] highs;
    private final double[] lows;
    private final long[] maxQueue;
    private final long[] minQueue;
    private final SimpleMovingAverage d;
    private int maxHead;
    private int maxSize;
    private int minHead;
    private int minSize;
    private long count;
    private double k = Double.NaN;

    private StochasticOscillator(int kPeriod, int dPeriod) {
        this.kPeriod = Checks.positive(kPeriod, "kPeriod");
        this.d = SimpleMovingAverage.of(Checks.positive(dPeriod, "dPeriod"));
        this.highs = new double[kPeriod];
        this.lows = new double[kPeriod];
        this.maxQueue = new long[kPeriod];
        this.minQueue = new long[kPeriod];
    }

    /** Stochastic oscillator (14, 3). */
    public static StochasticOscillator standard() {
        return of(14, 3);
    }

    /**
     * @throws IllegalArgumentException naming {@code kPeriod} or {@code dPeriod} when not positive
     */
    public static StochasticOscillator of(int kPeriod, int dPeriod) {
        return new StochasticOscillator(kPeriod, dPeriod);
    }

    /** Takes the next bar. */
    public double update(double high, double low, double close) {
        long index = count++;
        int slot = (int) (index % kPeriod);
        highs[slot] = high;
        lows[slot] = low;
        long expired = index - kPeriod;
        if (maxSize > 0 && maxQueue[maxHead] <= expired) {
            maxHead = wrap(maxHead + 1);
            maxSize--;
        }
        if (minSize > 0 && minQueue[minHead] <= expired) {
            minHead = wrap(minHead + 1);
            minSize--;
        }
        while (maxSize > 0 && highs[(int) (maxQueue[wrap(maxHead + maxSize - 1)] % kPeriod)] <= high) {
            maxSize--;
        }
        maxQueue[wrap(maxHead + maxSize)] = index;
        maxSize++;
        while (minSize > 0 && lows[(int) (minQueue[wrap(minHead + minSize - 1)] % kPeriod)] >= low) {
            minSize--;
        }
        minQueue[wrap(minHead + minSize)] = index;
        minSize++;
        if (count >= kPeriod) {
            double highest = highs[(int) (maxQueue[maxHead] % kPeriod)];
            double lowest = lows[(int) (minQueue[minHead] % kPeriod)];
            double range = highest - lowest;
            k = range == 0.0 ? 50.0 : (close - lowest) / range * 100.0;
            d.update(k);
        }
        return k;
    }

    private int wrap(int i) {
        return i >= kPeriod ? i - kPeriod : i;
    }

    @Override
    public double update(double high, double low, double close, double volume) {
        return update(high, low, close);
    }

    /** %K. */
    @Override
    public double value() {
        return k;
    }

    /** %K, the fast stochastic. */
    public double k() {
        return k;
    }

    /** %D, the simple moving average of %K. */
    public double d() {
        return d.value();
    }

    @Override
    public boolean isReady() {
        return d.isReady();
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public void reset() {
        d.reset();
        maxHead = 0;
        maxSize = 0;
        minHead = 0;
        minSize = 0;
        count = 0;
        k = Double.NaN;
    }
}
