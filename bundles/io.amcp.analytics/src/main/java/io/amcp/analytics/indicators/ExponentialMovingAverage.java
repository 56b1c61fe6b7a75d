package io.amcp.analytics.indicators;

/**
 * Exponential moving average {@code v = v' + alpha * (x - v')}. {@link #of(int)} uses the usual
 * {@code alpha = 2 / (period + 1)}; {@link #wilder(int, Seeding)} uses Wilder's
 * {@code alpha = 1 / period} (also called a smoothed or modified moving average, ta4j's
 * {@code MMAIndicator}), the smoothing inside {@link RelativeStrengthIndex} and {@link AverageTrueRange}.
 * How the first value is found is the {@link Seeding}.
 */
public final class ExponentialMovingAverage implements PriceIndicator {

    private final int period;
    private final double alpha;
    private final Seeding seeding;
    private long count;
    private double seedSum;
    private double value = Double.NaN;

    private ExponentialMovingAverage(int period, double alpha, Seeding seeding) {
        this.period = period;
        this.alpha = alpha;
        this.seeding = Checks.notNull(seeding, "seeding");
    }

    /** EMA with {@code alpha = 2 / (period + 1)}, seeded with the average of the first {@code period} prices. */
    public static ExponentialMovingAverage of(int period) {
        return of(period, Seeding.SIMPLE_AVERAGE);
    }

    /**
     * EMA with {@code alpha = 2 / (period + 1)}.
     *
     * @throws IllegalArgumentException naming {@code period} when it is not positive
     */
    public static ExponentialMovingAverage of(int period, Seeding seeding) {
        Checks.positive(period, "period");
        return new ExponentialMovingAverage(period, 2.0 / (period + 1), seeding);
    }

    /**
     * Wilder's smoothing, {@code alpha = 1 / period}.
     *
     * @throws IllegalArgumentException naming {@code period} when it is not positive
     */
    public static ExponentialMovingAverage wilder(int period, Seeding seeding) {
        Checks.positive(period, "period");
        return new ExponentialMovingAverage(period, 1.0 / period, seeding);
    }

    @Override
    public double update(double price) {
        count++;
        if (seeding == Seeding.FIRST_VALUE) {
            value = count == 1 ? price : (price - value) * alpha + value;
        } else if (count < period) {
            seedSum += price;
        } else if (count == period) {
            value = (seedSum + price) / period;
        } else {
            value = (price - value) * alpha + value;
        }
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return count >= period;
    }

    @Override
    public long count() {
        return count;
    }

    /** The period the smoothing factor was derived from. */
    public int period() {
        return period;
    }

    /** The smoothing factor. */
    public double alpha() {
        return alpha;
    }

    /** How the first value was found. */
    public Seeding seeding() {
        return seeding;
    }

    @Override
    public void reset() {
        count = 0;
        seedSum = 0.0;
        value = Double.NaN;
    }
}
