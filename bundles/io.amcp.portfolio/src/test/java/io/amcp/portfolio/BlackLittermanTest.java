package io.amcp.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Black-Litterman against hand algebra and He and Litterman (1999), "The intuition behind Black-Litterman model portfolios". */
class BlackLittermanTest {

    private final PortfolioOptimizer optimizer = PortfolioOptimizer.standard();

    // He-Litterman Table 1 (correlations) and Table 2 (volatilities, capitalisation weights).
    private static final AssetUniverse COUNTRIES = AssetUniverse.ofSymbols("AU", "CA", "FR", "DE", "JP", "UK", "US");
    private static final double[][] RHO = {
        {1.000, 0.488, 0.478, 0.515, 0.439, 0.512, 0.491},
        {0.488, 1.000, 0.664, 0.655, 0.310, 0.608, 0.779},
        {0.478, 0.664, 1.000, 0.861, 0.355, 0.783, 0.668},
        {0.515, 0.655, 0.861, 1.000, 0.354, 0.777, 0.653},
        {0.439, 0.310, 0.355, 0.354, 1.000, 0.405, 0.306},
        {0.512, 0.608, 0.783, 0.777, 0.405, 1.000, 0.652},
        {0.491, 0.779, 0.668, 0.653, 0.306, 0.652, 1.000},
    };
    private static final double[] VOLS = {0.160, 0.203, 0.248, 0.271, 0.210, 0.200, 0.187};
    private static final double[] W_EQ = {0.016, 0.022, 0.052, 0.055, 0.116, 0.124, 0.615};
    private static final double DELTA = 2.5;
    private static final double TAU = 0.05;
    // View 1: Germany outperforms France and the UK (cap-weighted) by 5%; view 2: Canada outperforms the US by 3%.
    private static final double[] GERMANY_VS_EUROPE = {0, 0, -0.295, 1, 0, -0.705, 0};
    private static final double[] CANADA_VS_US = {0, 1, 0, 0, 0, 0, -1};

    private static MarketEstimates prior() {
        return MarketEstimates.ofCorrelation(COUNTRIES, new double[7], VOLS, RHO);
    }

    @Test
    void noViewsGiveBackTheEquilibriumReturns() {
        double[][] sigma = {{0.04, 0.01}, {0.01, 0.09}};
        double[] w = {0.6, 0.4};
        // pi = delta Sigma w = 2.5 * (0.024 + 0.004, 0.006 + 0.036) = (0.07, 0.105)
        MarketEstimates prior = MarketEstimates.of(AssetUniverse.ofSymbols("X", "Y"), new double[2], sigma);
        BlackLitterman model = BlackLitterman.withoutViews(w, DELTA, TAU);

        assertThat(model.posterior(prior).expectedReturns()).containsExactly(new double[] {0.07, 0.105}, within(1e-15));
        assertThat(optimizer.blackLitterman(prior, model, Constraints.unconstrained(2)).weights())
                .containsExactly(new double[] {0.6 / 1.05, 0.4 / 1.05}, within(1e-6));
    }

    @Test
    void equilibriumReturnsMatchHeLittermanTable2() {
        double[] pi = BlackLitterman.withoutViews(W_EQ, DELTA, TAU).equilibriumReturns(prior());

        assertThat(percentRounded(pi)).containsExactly(3.9, 6.9, 8.4, 9.0, 4.3, 6.8, 7.6);
    }

    @Test
    void germanyViewReproducesHeLittermanTable4() {
        Views views = Views.heLitterman(new double[][] {GERMANY_VS_EUROPE}, new double[] {0.05},
                prior().covariance(), TAU);
        BlackLitterman model = BlackLitterman.of(W_EQ, DELTA, TAU, views);

        MarketEstimates posterior = model.posterior(prior());
        double[] weights = optimizer.blackLitterman(prior(), model, Constraints.unconstrained(7)).weights();

        assertThat(percentRounded(posterior.expectedReturns())).containsExactly(4.3, 7.6, 9.3, 11.0, 4.5, 7.0, 8.1);
        assertThat(percentRounded(weights)).containsExactly(1.5, 2.1, -3.9, 35.4, 11.0, -9.5, 58.6);
    }

    @Test
    void twoViewsReproduceHeLittermanTable5() {
        Views views = Views.heLitterman(new double[][] {GERMANY_VS_EUROPE, CANADA_VS_US}, new double[] {0.05, 0.03},
                prior().covariance(), TAU);
        BlackLitterman model = BlackLitterman.of(W_EQ, DELTA, TAU, views);

        MarketEstimates posterior = model.posterior(prior());
        double[] weights = optimizer.blackLitterman(prior(), model, Constraints.unconstrained(7)).weights();

        assertThat(percentRounded(posterior.expectedReturns())).containsExactly(4.4, 8.7, 9.5, 11.2, 4.6, 7.0, 7.5);
        assertThat(percentRounded(weights)).containsExactly(1.5, 41.9, -3.4, 33.6, 11.0, -8.2, 18.8);
    }

    @Test
    void viewsOfTheWrongWidthAreRejectedNamingTheField() {
        Views views = Views.of(new double[][] {{1, 0, 0}}, new double[] {0.01}, new double[][] {{0.001}});

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BlackLitterman.of(new double[] {0.5, 0.5}, DELTA, TAU, views))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("views:");
    }

    private static double[] percentRounded(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.round(values[i] * 1000) / 10.0;
        }
        return out;
    }
}
