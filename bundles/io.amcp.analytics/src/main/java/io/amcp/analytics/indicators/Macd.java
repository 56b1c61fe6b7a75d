package io.amcp.analytics.indicators;

/**
 * Moving average convergence/divergence (Appel): the line {@code EMA(fast) - EMA(slow)} of prices,
 * its signal line {@code EMA(signal)} of the line, and the histogram {@code line - signal}. Defaults
 * 12/26/9.
 *
 * <p>With {@link Seeding#SIMPLE_AVERAGE} each EMA is seeded with the plain average of its first
 * {@code period} inputs (StockCharts): the line exists from price {@code slow} on and the signal from
 * price {@code slow + signal - 1}. With {@link Seeding#FIRST_VALUE} every EMA, the signal's included,
 * starts at its first input, as ta4j 0.17's {@code MACDIndicator}, {@code getSignalLine} and
 * {@code getHistogram}. Either way the indicator is ready (all three values) after
 * {@code slow + signal - 1} prices. {@link #value()} is the MACD line.
 */
public final class Macd implements PriceIndicator {

    private final ExponentialMovingAverage fast;
    private final ExponentialMovingAverage slow;
    private final ExponentialMovingAverage signal;
    private final int warmUp;
    private long count;
    private double line = Double.NaN;
    private double histogram = Double.NaN;

    private Macd(int fastPeriod, int slowPeriod, int signalPeriod, Seeding seeding) {
        Checks.positive(fastPeriod, "fastPeriod");
        Checks.positive(slowPeriod, "slowPeriod");
        Checks.positive(signalPeriod, "signalPeriod");
        if (fastPeriod >= slowPeriod) {
            throw new IllegalArgumentException(
                    "fastPeriod must be less than slowPeriod, got " + fastPeriod + " >= " + slowPeriod);
        }
        this.fast = ExponentialMovingAverage.of(fastPeriod, seeding);
        this.slow = ExponentialMovingAverage.of(slowPeriod, seeding);
        this.signal = ExponentialMovingAverage.of(signalPeriod, seeding);
        this.warmUp = slowPeriod + signalPeriod - 1;
    }

    /** MACD(12, 26, 9), textbook seeding. */
    public static Macd standard() {
        return of(12, 26, 9, Seeding.SIMPLE_AVERAGE);
    }

    /**
     * @throws IllegalArgumentException naming the period at fault when one is not positive or when
     *                                  {@code fastPeriod >= slowPeriod}
     */
    public static Macd of(int fastPeriod, int slowPeriod, int signalPeriod, Seeding seeding) {
        return new Macd(fastPeriod, slowPeriod, signalPeriod, seeding);
    }

    @Override
    public double update(double price) {
        count++;
        double f = fast.update(price);
        double s = slow.update(price);
        if (!Double.isNaN(s)) {
            line = f - s;
            histogram = line - signal.update(line);
        }
        return line;
    }

    /** The MACD line, {@code EMA(fast) - EMA(slow)}. */
    @Override
    public double value() {
        return line;
    }

    /** The signal line, {@code EMA(signal)} of the MACD line. */
    public double signal() {
        return signal.value();
    }

    /** The histogram, MACD line minus signal line. */
    public double histogram() {
        return histogram;
    }

    @Override
    public boolean isReady() {
        return count >= warmUp;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public void reset() {
        fast.reset();
        slow.reset();
        signal.reset();
        count = 0;
        line = Double.NaN;
        histogram = Double.NaN;
    }
}
