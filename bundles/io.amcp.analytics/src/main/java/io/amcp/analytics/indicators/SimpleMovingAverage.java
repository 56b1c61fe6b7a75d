package io.amcp.analytics.indicators;

/**
 * Simple moving average: the arithmetic mean of the last {@code period} prices. Ready once
 * {@code period} prices have been seen; {@link Double#NaN} before (ta4j 0.17 averages the shorter
 * window instead and calls those bars unstable).
 */
public final class SimpleMovingAverage implements PriceIndicator {

    private final Window window;
    private long count;
    private double value = Double.NaN;

    private SimpleMovingAverage(int period) {
        this.window = new Window(Checks.positive(period, "period"));
    }

    /**
     * @param period number of prices averaged, positive
     * @throws IllegalArgumentException naming {@code period} when it is not positive
     */
    public static SimpleMovingAverage of(int period) {
        return new SimpleMovingAverage(period);
    }

    @Override
    public double update(double price) {
        count++;
        window.push(price);
        if (window.isFull()) {
            value = window.sum() / window.capacity();
        }
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return window.isFull();
    }

    @Override
    public long count() {
        return count;
    }

    /** The number of prices averaged. */
    public int period() {
        return window.capacity();
    }

    @Override
    public void reset() {
        window.clear();
        count = 0;
        value = Double.NaN;
    }
}
