package io.amcp.portfolio;

import java.util.Objects;

/**
 * Periodic returns of every asset of a universe: one row per period (or scenario), one column per
 * asset. It feeds both the estimation of {@link MarketEstimates} and the scenario-based CVaR
 * optimisation. The array is copied in and out; rows are periods, not prices.
 *
 * @param universe the assets, in column order
 * @param returns  simple returns, {@code returns[period][asset]}
 */
public record ReturnHistory(AssetUniverse universe, double[][] returns) {

    public ReturnHistory {
        Objects.requireNonNull(universe, "universe");
        returns = Matrices.copyRectangular(returns, "returns", universe.size());
        if (returns.length < 2) {
            throw new IllegalArgumentException("returns: need at least 2 periods, was " + returns.length);
        }
    }

    /** Validates and copies {@code returns[period][asset]}. */
    public static ReturnHistory of(AssetUniverse universe, double[][] returns) {
        return new ReturnHistory(universe, returns);
    }

    /** Number of periods (scenarios). */
    public int periods() {
        return returns.length;
    }

    /** A copy of the returns. */
    @Override
    public double[][] returns() {
        return Matrices.copy(returns);
    }

    /** Return of the period {@code period} of asset {@code asset}, without copying. */
    public double get(int period, int asset) {
        return returns[period][asset];
    }

    /** Arithmetic mean return of each asset. */
    public double[] meanReturns() {
        double[] mean = new double[universe.size()];
        for (double[] row : returns) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += row[i];
            }
        }
        for (int i = 0; i < mean.length; i++) {
            mean[i] /= returns.length;
        }
        return mean;
    }
}
