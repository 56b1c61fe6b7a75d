package io.amcp.analytics.indicators;

/**
 * Lane's stochastic oscillator: fast {@code %K = 100 * (close - lowestLow) / (highestHigh - lowestLow)}
 * over the last {@code kPeriod} bars, and {@code %D} the simple moving average of the last
 * {@code dPeriod} %K values (defaults 14 and 3, as ta4j 0.17's {@code StochasticOscillatorKIndicator}
 * and {@code StochasticOscillatorDIndicator}). When the highest high equals the lowest low %K is 50
 * (ta4j divides by zero there). %K exists after {@code kPeriod} bars, %D and {@link #isReady()} after
 * {@code kPeriod + dPeriod - 1}; {@link #value()} is %K.
 *
 * <p>Highest high and lowest low come from monotonic queues of (bar, price) pairs, O(1) amortised per
 * bar.
 */
public final class StochasticOscillator implements BarIndicator {

    private final int kPeriod;
    private final long[] maxIndex;
    private final double[] maxValue;
    private final long[] minIndex;
    private final double[] minValue;
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
        this.maxIndex = new long[kPeriod];
        this.maxValue = new double[kPeriod];
        this.minIndex = new long[kPeriod];
        this.minValue = new double[kPeriod];
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
        long expired = index - kPeriod;
        if (maxSize > 0 && maxIndex[maxHead] <= expired) {
            maxHead = wrap(maxHead + 1);
            maxSize--;
        }
        if (minSize > 0 && minIndex[minHead] <= expired) {
            minHead = wrap(minHead + 1);
            minSize--;
        }
        while (maxSize > 0 && maxValue[wrap(maxHead + maxSize - 1)] <= high) {
            maxSize--;
        }
        int tail = wrap(maxHead + maxSize++);
        maxIndex[tail] = index;
        maxValue[tail] = high;
        while (minSize > 0 && minValue[wrap(minHead + minSize - 1)] >= low) {
            minSize--;
        }
        tail = wrap(minHead + minSize++);
        minIndex[tail] = index;
        minValue[tail] = low;
        if (count >= kPeriod) {
            double highest = maxValue[maxHead];
            double lowest = minValue[minHead];
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
