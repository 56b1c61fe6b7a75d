package io.amcp.portfolio;

import io.amcp.api.model.InstrumentId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An optimiser's answer: the weights and the risk and return they have under the estimates the
 * optimiser was given.
 *
 * @param universe       the assets, in weight order
 * @param weights        weight per asset (fraction of capital; negative is short)
 * @param expectedReturn {@code mu' w}
 * @param volatility     {@code sqrt(w' Sigma w)}
 */
public record OptimalPortfolio(AssetUniverse universe, double[] weights, double expectedReturn, double volatility) {

    public OptimalPortfolio {
        Objects.requireNonNull(universe, "universe");
        weights = Matrices.copyVector(weights, "weights", universe.size());
        if (Double.isNaN(expectedReturn)) {
            throw new IllegalArgumentException("expectedReturn: is NaN");
        }
        if (!(volatility >= 0)) {
            throw new IllegalArgumentException("volatility: must be >= 0, was " + volatility);
        }
    }

    /** Weights evaluated under {@code estimates}. */
    public static OptimalPortfolio of(MarketEstimates estimates, double[] weights) {
        return new OptimalPortfolio(estimates.universe(), weights, estimates.expectedReturn(weights),
                estimates.volatility(weights));
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Weight of one asset. */
    public double weight(InstrumentId asset) {
        return weights[universe.indexOf(asset)];
    }

    /** Weights keyed by instrument, in universe order. */
    public Map<InstrumentId, Double> weightsByAsset() {
        Map<InstrumentId, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < weights.length; i++) {
            map.put(universe.assets().get(i), weights[i]);
        }
        return map;
    }

    /** Sharpe ratio {@code (return - riskFreeRate) / volatility}. */
    public double sharpeRatio(double riskFreeRate) {
        return (expectedReturn - riskFreeRate) / volatility;
    }
}
