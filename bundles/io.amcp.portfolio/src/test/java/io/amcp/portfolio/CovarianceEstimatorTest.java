package io.amcp.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Covariance estimators against numpy and scikit-learn. */
class CovarianceEstimatorTest {

    private static final double[][] RETURNS = {
        {0.01, 0.02, -0.01}, {0.03, -0.01, 0.00}, {-0.02, 0.01, 0.02},
        {0.00, 0.03, -0.03}, {0.02, -0.02, 0.01}, {-0.01, 0.00, 0.04},
    };
    private static final ReturnHistory HISTORY = ReturnHistory.of(AssetUniverse.ofSymbols("A", "B", "C"), RETURNS);

    @Test
    void ledoitWolfMatchesScikitLearn() {
        // sklearn.covariance.ledoit_wolf(RETURNS) (scikit-learn, Debian python3-sklearn): shrinkage 0.6795698924731176
        double[][] expected = {
            {3.369713261648745e-04, -4.539426523297500e-05, -4.539426523297501e-05},
            {-4.539426523297500e-05, 3.369713261648745e-04, -6.675627240143383e-05},
            {-4.539426523297501e-05, -6.675627240143383e-05, 4.010573476702510e-04},
        };

        double[][] cov = MarketEstimates.fromHistory(HISTORY, CovarianceEstimator.LEDOIT_WOLF).covariance();

        for (int i = 0; i < 3; i++) {
            assertThat(cov[i]).containsExactly(expected[i], within(1e-15));
        }
    }

    @Test
    void sampleCovarianceAndMeansMatchHandSums() {
        // means: A 0.03/6 = 0.005, B 0.03/6 = 0.005, C 0.03/6 = 0.005
        // var(A) = sum (a - 0.005)^2 / 5 = (0.000025 + 0.000625 + 0.000625 + 0.000025 + 0.000225 + 0.000225) / 5
        MarketEstimates estimates = MarketEstimates.fromHistory(HISTORY, CovarianceEstimator.SAMPLE);

        assertThat(estimates.expectedReturns()).containsExactly(new double[] {0.005, 0.005, 0.005}, within(1e-15));
        assertThat(estimates.covariance()[0][0]).isCloseTo(0.00175 / 5, within(1e-15));
    }
}
