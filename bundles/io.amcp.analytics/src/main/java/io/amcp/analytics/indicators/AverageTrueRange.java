package io.amcp.analytics.indicators;

/**
 * Wilder's average true range: the Wilder-smoothed ({@code alpha = 1 / period}) true range
 * {@code max(high - low, |high - previousClose|, |previousClose - low|)}, where the first bar's true
 * range is {@code high - low}. With {@link Seeding#SIMPLE_AVERAGE} (Wilder, StockCharts) the first
 * value is the mean of the first {@code period} true ranges; TA-Lib instead skips the first bar.
 * With {@link Seeding#FIRST_VALUE} the first true range seeds the average, as ta4j 0.17's
 * {@code ATRIndicator}. Ready after {@code period} bars. Volume is ignored.
 */
public final class AverageTrueRange implements BarIndicator {

    private final ExponentialMovingAverage average;
    private long count;
    private double previousClose;

    private AverageTrueRange(int period, Seeding seeding) {
        this.average = ExponentialMovingAverage.wilder(Checks.positive(period, "period"), seeding);
    }

    /** Wilder's ATR, seeded with the mean of the first {@code period} true ranges. */
    public static AverageTrueRange of(int period) {
        return of(period, Seeding.SIMPLE_AVERAGE);
    }

    /**
     * @throws IllegalArgumentException naming {@code period} when it is not positive
     */
    public static AverageTrueRange of(int period, Seeding seeding) {
        return new AverageTrueRange(period, seeding);
    }

    /** Takes the next bar. */
    public double update(double high, double low, double close) {
        double range = high - low;
        if (count > 0) {
            range = Math.max(Math.abs(range),
                    Math.max(Math.abs(high - previousClose), Math.abs(previousClose - low)));
        }
        count++;
        previousClose = close;
        return average.update(range);
    }

    @Override
    public double update(double high, double low, double close, double volume) {
        return update(high, low, close);
    }

    @Override
    public double value() {
        return average.value();
    }

    @Override
    public boolean isReady() {
        return average.isReady();
    }

    @Override
    public long count() {
        return count;
    }

    public int period() {
        return average.period();
    }

    @Override
    public void reset() {
        average.reset();
        count = 0;
        previousClose = 0.0;
    }
}
