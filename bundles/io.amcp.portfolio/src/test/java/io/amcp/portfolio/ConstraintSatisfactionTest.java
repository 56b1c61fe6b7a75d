package io.amcp.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.amcp.api.model.InstrumentId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every optimiser keeps bounds, sector caps, turnover and exposure limits. */
class ConstraintSatisfactionTest {

    private static final double EPS = 1e-7;
    private final PortfolioOptimizer optimizer = PortfolioOptimizer.standard();

    // Four assets, two sectors; TECH has the highest returns and the lowest variances.
    private static final AssetUniverse UNIVERSE = AssetUniverse.of(
            List.of(InstrumentId.of("AAPL"), InstrumentId.of("MSFT"), InstrumentId.of("XOM"), InstrumentId.of("CVX")),
            List.of("TECH", "TECH", "ENERGY", "ENERGY"));
    private static final double[] MU = {0.12, 0.10, 0.06, 0.05};
    private static final double[][] SIGMA = {
        {0.040, 0.012, 0.004, 0.004},
        {0.012, 0.035, 0.004, 0.004},
        {0.004, 0.004, 0.090, 0.045},
        {0.004, 0.004, 0.045, 0.080},
    };
    private static final MarketEstimates ESTIMATES = MarketEstimates.of(UNIVERSE, MU, SIGMA);

    @Test
    void boundsAndSectorCapsHoldAndBind() {
        Constraints constraints = Constraints.longOnly(4).withBounds(0.05, 0.40).withSectorCap("TECH", 0.60);

        for (OptimalPortfolio p : List.of(optimizer.minimumVariance(ESTIMATES, constraints),
                optimizer.maximumSharpe(ESTIMATES, constraints, 0.01),
                optimizer.maximumUtility(ESTIMATES, constraints, 2))) {
            double[] w = p.weights();
            assertThat(w[0] + w[1] + w[2] + w[3]).isCloseTo(1, within(EPS));
            for (double wi : w) {
                assertThat(wi).isBetween(0.05 - EPS, 0.40 + EPS);
            }
            assertThat(w[0] + w[1]).isLessThanOrEqualTo(0.60 + EPS);
        }
        // Maximising return alone would put 80% in TECH; the cap must bind.
        double[] greedy = optimizer.maximumUtility(ESTIMATES, constraints, 0.01).weights();
        assertThat(greedy[0] + greedy[1]).isCloseTo(0.60, within(1e-6));
    }

    @Test
    void turnoverLimitHoldsAndBinds() {
        double[] current = {0.0, 0.0, 0.5, 0.5};
        Constraints free = Constraints.longOnly(4).withCurrentWeights(current);
        Constraints limited = Constraints.longOnly(4).withTurnoverLimit(current, 0.30);

        double unlimitedTurnover = free.turnover(optimizer.minimumVariance(ESTIMATES, free).weights());
        double[] w = optimizer.minimumVariance(ESTIMATES, limited).weights();

        assertThat(unlimitedTurnover).isGreaterThan(0.30);
        assertThat(limited.turnover(w)).isCloseTo(0.30, within(1e-6));
        assertThat(w[0] + w[1] + w[2] + w[3]).isCloseTo(1, within(EPS));
    }

    @Test
    void grossAndNetExposureLimitsHoldForLongShort() {
        Constraints constraints = Constraints.longShort(4, 1.0).withGrossLimit(1.6).withNetExposure(1, 1);

        double[] w = optimizer.maximumUtility(ESTIMATES, constraints, 0.1).weights();

        double gross = Math.abs(w[0]) + Math.abs(w[1]) + Math.abs(w[2]) + Math.abs(w[3]);
        assertThat(gross).isCloseTo(1.6, within(1e-6));
        assertThat(w[0] + w[1] + w[2] + w[3]).isCloseTo(1, within(EPS));
        assertThat(java.util.Arrays.stream(w).min().orElseThrow()).isLessThan(-1e-3);
    }

    @Test
    void maximumSharpeKeepsTurnoverAndGrossLimitsThroughTheHomogenisation() {
        double[] current = {0.25, 0.25, 0.25, 0.25};
        Constraints constraints = Constraints.longShort(4, 0.8).withGrossLimit(1.4).withTurnoverLimit(current, 0.5);

        double[] w = optimizer.maximumSharpe(ESTIMATES, constraints, 0.02).weights();

        assertThat(w[0] + w[1] + w[2] + w[3]).isCloseTo(1, within(1e-6));
        assertThat(Math.abs(w[0]) + Math.abs(w[1]) + Math.abs(w[2]) + Math.abs(w[3])).isLessThanOrEqualTo(1.4 + 1e-6);
        assertThat(constraints.turnover(w)).isLessThanOrEqualTo(0.5 + 1e-6);
    }

    @Test
    void frontierRunsFromMinimumVarianceToTheHighestReturn() {
        Constraints constraints = Constraints.longOnly(4).withBounds(0, 0.5);

        List<OptimalPortfolio> frontier = optimizer.efficientFrontier(ESTIMATES, constraints, 6);

        assertThat(frontier).hasSize(6);
        // Highest return with w <= 0.5 puts 0.5 in each of the two best assets: 0.5 * 0.12 + 0.5 * 0.10
        assertThat(frontier.get(5).expectedReturn()).isCloseTo(0.11, within(1e-6));
        for (int k = 1; k < frontier.size(); k++) {
            assertThat(frontier.get(k).expectedReturn()).isGreaterThan(frontier.get(k - 1).expectedReturn());
            assertThat(frontier.get(k).volatility()).isGreaterThanOrEqualTo(frontier.get(k - 1).volatility() - 1e-9);
        }
    }

    @Test
    void infeasibleConstraintsThrow() {
        Constraints impossible = Constraints.longOnly(4).withBounds(0.3, 0.4).withSectorCap("TECH", 0.2);

        assertThatThrownBy(() -> optimizer.minimumVariance(ESTIMATES, impossible))
                .isInstanceOf(InfeasiblePortfolioException.class);
    }

    @Test
    void badInputNamesTheField() {
        assertThatThrownBy(() -> MarketEstimates.of(UNIVERSE, new double[] {0.1, 0.1, 0.1}, SIGMA))
                .hasMessageStartingWith("expectedReturns:");
        assertThatThrownBy(() -> MarketEstimates.of(UNIVERSE, MU, new double[][] {
            {0.04, 0.01, 0, 0}, {0.02, 0.04, 0, 0}, {0, 0, 0.04, 0}, {0, 0, 0, 0.04}}))
                .hasMessageStartingWith("covariance:");
        assertThatThrownBy(() -> Constraints.longOnly(4).withTurnoverLimit(new double[4], -1))
                .hasMessageStartingWith("turnoverLimit:");
        assertThatThrownBy(() -> Constraints.longOnly(4).withBounds(0.5, 0.1))
                .hasMessageStartingWith("lowerBounds:");
        assertThatThrownBy(() -> optimizer.minimumVariance(ESTIMATES, Constraints.longOnly(3)))
                .hasMessageStartingWith("constraints:");
        assertThatThrownBy(() -> optimizer.minimumVariance(ESTIMATES, Constraints.longOnly(4).withSectorCap("BANKS", 0.1)))
                .hasMessageStartingWith("sectorCaps:");
        assertThatThrownBy(() -> AssetUniverse.of(List.of(InstrumentId.of("A")), List.of()))
                .hasMessageStartingWith("sectors:");
    }
}
