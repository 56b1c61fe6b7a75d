package io.amcp.analytics.indicators;

/**
 * Wilder's relative strength index: {@code 100 - 100 / (1 + avgGain / avgLoss)}, where the average
 * gain and loss of the price changes are Wilder-smoothed ({@code alpha = 1 / period}). When the
 * average loss is zero the value is 100, or 0 when the average gain is zero too (as ta4j 0.17 and
 * TA-Lib do).
 *
 * <p>With {@link Seeding#SIMPLE_AVERAGE} (Wilder's definition) the first value comes after
 * {@code period} price changes, i.e. {@code period + 1} prices, from the plain averages of those
 * changes. With {@link Seeding#FIRST_VALUE} the first price counts as a change of zero that seeds both
 * averages, exactly as ta4j 0.17's {@code RSIIndicator}. Either way the indicator is ready after
 * {@code period + 1} prices.
 */
public final class RelativeStrengthIndex implements PriceIndicator {

    private final int period;
    private final Seeding seeding;
    private final ExponentialMovingAverage averageGain;
    private final ExponentialMovingAverage averageLoss;
    private long count;
    private double previous;
    private double value = Double.NaN;

    private RelativeStrengthIndex(int period, Seeding seeding) {
        this.period = Checks.positive(period, "period");
        this.seeding = Checks.notNull(seeding, "seeding");
        this.averageGain = ExponentialMovingAverage.wilder(period, seeding);
        this.averageLoss = ExponentialMovingAverage.wilder(period, seeding);
    }

    /** Wilder's RSI, seeded with plain averages. */
    public static RelativeStrengthIndex of(int period) {
        return of(period, Seeding.SIMPLE_AVERAGE);
    }

    /**
     * @throws IllegalArgumentException naming {@code period} when it is not positive
     */
    public static RelativeStrengthIndex of(int period, Seeding seeding) {
        return new RelativeStrengthIndex(period, seeding);
    }

    @Override
    public double update(double price) {
        count++;
        if (count == 1) {
            previous = price;
            if (seeding == Seeding.FIRST_VALUE) {
                averageGain.update(0.0);
                averageLoss.update(0.0);
                value = strength();
            }
            return value;
        }
        double change = price - previous;
        previous = price;
        averageGain.update(change > 0.0 ? change : 0.0);
        averageLoss.update(change < 0.0 ? -change : 0.0);
        if (averageGain.isReady() || seeding == Seeding.FIRST_VALUE) {
            value = strength();
        }
        return value;
    }

    private double strength() {
        double gain = averageGain.value();
        double loss = averageLoss.value();
        if (loss == 0.0) {
            return gain == 0.0 ? 0.0 : 100.0;
        }
        return 100.0 - 100.0 / (1.0 + gain / loss);
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return count > period;
    }

    @Override
    public long count() {
        return count;
    }

    public int period() {
        return period;
    }

    @Override
    public void reset() {
        averageGain.reset();
        averageLoss.reset();
        count = 0;
        previous = 0.0;
        value = Double.NaN;
    }
}
