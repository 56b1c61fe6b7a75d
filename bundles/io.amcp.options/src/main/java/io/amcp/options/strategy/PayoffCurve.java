package io.amcp.options.strategy;

/**
 * Profit at the horizon sampled over a grid of underlying prices.
 *
 * @param prices  underlying prices, ascending
 * @param profits profit at each price
 */
public record PayoffCurve(double[] prices, double[] profits) {

    public PayoffCurve {
        if (prices == null || profits == null || prices.length != profits.length || prices.length < 2) {
            throw new IllegalArgumentException("prices: need at least two prices and one profit per price");
        }
        prices = prices.clone();
        profits = profits.clone();
    }

    /** A copy of the prices. */
    @Override
    public double[] prices() {
        return prices.clone();
    }

    /** A copy of the profits. */
    @Override
    public double[] profits() {
        return profits.clone();
    }

    /** Number of points. */
    public int size() {
        return prices.length;
    }
}
