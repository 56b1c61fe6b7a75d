package io.amcp.portfolio;

import io.amcp.portfolio.internal.CovarianceEstimation;
import java.util.Objects;

/**
 * Expected returns and the covariance matrix of a universe's returns over one horizon (both in
 * the same units, e.g. annualised). Arrays are copied in and out.
 *
 * @param universe        the assets, in vector order
 * @param expectedReturns expected return per asset
 * @param covariance      symmetric covariance matrix with positive diagonal
 */
public record MarketEstimates(AssetUniverse universe, double[] expectedReturns, double[][] covariance) {

    public MarketEstimates {
        Objects.requireNonNull(universe, "universe");
        expectedReturns = Matrices.copyVector(expectedReturns, "expectedReturns", universe.size());
        covariance = Matrices.copySymmetric(covariance, "covariance", universe.size());
    }

    /** Validates and copies the inputs. */
    public static MarketEstimates of(AssetUniverse universe, double[] expectedReturns, double[][] covariance) {
        return new MarketEstimates(universe, expectedReturns, covariance);
    }

    /** Builds a covariance matrix from volatilities and a correlation matrix. */
    public static MarketEstimates ofCorrelation(AssetUniverse universe, double[] expectedReturns,
            double[] volatilities, double[][] correlation) {
        double[] vol = Matrices.copyVector(volatilities, "volatilities", universe.size());
        double[][] rho = Matrices.copySymmetric(correlation, "correlation", universe.size());
        double[][] cov = new double[vol.length][vol.length];
        for (int i = 0; i < vol.length; i++) {
            for (int j = 0; j < vol.length; j++) {
                cov[i][j] = vol[i] * vol[j] * rho[i][j];
            }
        }
        return new MarketEstimates(universe, expectedReturns, cov);
    }

    /**
     * Estimates mean returns and covariance from a history, per period (no annualisation).
     *
     * @param history   the returns
     * @param estimator which covariance estimator to use
     */
    public static MarketEstimates fromHistory(ReturnHistory history, CovarianceEstimator estimator) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(estimator, "estimator");
        double[][] returns = history.returns();
        double[][] cov = switch (estimator) {
            case SAMPLE -> CovarianceEstimation.sample(returns);
            case LEDOIT_WOLF -> CovarianceEstimation.ledoitWolf(returns);
        };
        return new MarketEstimates(history.universe(), history.meanReturns(), cov);
    }

    /** A copy of the expected returns. */
    @Override
    public double[] expectedReturns() {
        return expectedReturns.clone();
    }

    /** A copy of the covariance matrix. */
    @Override
    public double[][] covariance() {
        return Matrices.copy(covariance);
    }

    /** The same covariance with other expected returns. */
    public MarketEstimates withExpectedReturns(double[] returns) {
        return new MarketEstimates(universe, returns, covariance);
    }

    /** Expected return {@code mu' w} of a weight vector. */
    public double expectedReturn(double[] weights) {
        checkWeights(weights);
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += expectedReturns[i] * weights[i];
        }
        return sum;
    }

    /** Variance {@code w' Sigma w} of a weight vector. */
    public double variance(double[] weights) {
        checkWeights(weights);
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            for (int j = 0; j < weights.length; j++) {
                sum += weights[i] * covariance[i][j] * weights[j];
            }
        }
        return sum;
    }

    /** Volatility (standard deviation) of a weight vector. */
    public double volatility(double[] weights) {
        return Math.sqrt(Math.max(0, variance(weights)));
    }

    private void checkWeights(double[] weights) {
        if (weights.length != expectedReturns.length) {
            throw new IllegalArgumentException("weights: expected " + expectedReturns.length
                    + " entries, was " + weights.length);
        }
    }
}
