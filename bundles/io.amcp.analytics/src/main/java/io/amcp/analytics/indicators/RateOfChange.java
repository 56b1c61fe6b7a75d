package io.amcp.analytics.indicators;

/**
 * Rate of change in percent: {@code 100 * (price - priceNAgo) / priceNAgo} with {@code N = period}.
 * Ready after {@code period + 1} prices; {@link Double#NaN} before (ta4j 0.17 compares with the first
 * price instead and calls those bars unstable).
 */
public final class RateOfChange implements PriceIndicator {

    private final double[] prices;
    private int next;
    private long count;
    private double value = Double.NaN;

    private RateOfChange(int period) {
        this.prices = new double[Checks.positive(period, "period") + 1];
    }

    /**
     * @throws IllegalArgumentException naming {@code period} when it is not positive
     */
    public static RateOfChange of(int period) {
        return new RateOfChange(period);
    }

    @Override
    public double update(double price) {
        prices[next] = price;
        next = next + 1 == prices.length ? 0 : next + 1;
        count++;
        if (count >= prices.length) {
            double past = prices[next];
            value = (price - past) / past * 100.0;
        }
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return count >= prices.length;
    }

    @Override
    public long count() {
        return count;
    }

    public int period() {
        return prices.length - 1;
    }

    @Override
    public void reset() {
        next = 0;
        count = 0;
        value = Double.NaN;
    }
}
