package io.amcp.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Put-call parity and Greeks against central finite differences computed here by bumping the
 * price function, independent of the analytic formulas.
 */
class GreeksAndParityTest {

    private static final double[][] CASES = {
        // spot, strike, years, vol, rate, dividend
        {100, 100, 1.0, 0.20, 0.05, 0.02},
        {42, 40, 0.5, 0.20, 0.10, 0.0},
        {80, 120, 0.1, 0.45, 0.01, 0.03},
        {150, 90, 2.0, 0.15, -0.005, 0.0},
        {100, 100, 1.0 / 365, 0.60, 0.03, 0.0},
    };

    @Test
    void putCallParityHoldsForMertonAndBlack76() {
        for (double[] c : CASES) {
            OptionInputs call = OptionInputs.of(OptionType.CALL, c[0], c[1], c[2], c[3], c[4], c[5]);
            // c - p = S e^{-qT} - K e^{-rT}
            double parity = c[0] * Math.exp(-c[5] * c[2]) - c[1] * Math.exp(-c[4] * c[2]);
            assertThat(BlackScholesMerton.price(call) - BlackScholesMerton.price(call.withType(OptionType.PUT)))
                    .isCloseTo(parity, within(1e-10 * c[0]));
            // futures: c - p = (F - K) e^{-rT}
            double futuresParity = (c[0] - c[1]) * Math.exp(-c[4] * c[2]);
            assertThat(Black76.value(call).price() - Black76.value(call.withType(OptionType.PUT)).price())
                    .isCloseTo(futuresParity, within(1e-10 * c[0]));
            // delta parity: delta_c - delta_p = e^{-qT}; gamma and vega equal for call and put
            OptionValuation vc = BlackScholesMerton.value(call);
            OptionValuation vp = BlackScholesMerton.value(call.withType(OptionType.PUT));
            assertThat(vc.delta() - vp.delta()).isCloseTo(Math.exp(-c[5] * c[2]), within(1e-12));
            assertThat(vc.gamma()).isCloseTo(vp.gamma(), within(1e-12));
            assertThat(vc.vega()).isCloseTo(vp.vega(), within(1e-9));
        }
    }

    @Test
    void analyticGreeksMatchFiniteDifferences() {
        for (OptionType type : OptionType.values()) {
            for (double[] c : CASES) {
                OptionInputs o = OptionInputs.of(type, c[0], c[1], c[2], c[3], c[4], c[5]);
                OptionValuation v = BlackScholesMerton.value(o);
                double hs = 1e-4 * o.spot();
                double up = BlackScholesMerton.price(o.withSpot(o.spot() + hs));
                double down = BlackScholesMerton.price(o.withSpot(o.spot() - hs));
                assertThat(v.delta()).as("delta %s %s", type, c).isCloseTo((up - down) / (2 * hs), within(1e-6));
                assertThat(v.gamma()).as("gamma").isCloseTo((up - 2 * v.price() + down) / (hs * hs), within(1e-4 * Math.max(1, v.gamma())));
                double hv = 1e-5;
                assertThat(v.vega()).as("vega").isCloseTo((BlackScholesMerton.price(o.withVolatility(o.volatility() + hv))
                        - BlackScholesMerton.price(o.withVolatility(o.volatility() - hv))) / (2 * hv), within(1e-5 * Math.max(1, v.vega())));
                double hr = 1e-6;
                assertThat(v.rho()).as("rho").isCloseTo((BlackScholesMerton.price(o.withRate(o.rate() + hr))
                        - BlackScholesMerton.price(o.withRate(o.rate() - hr))) / (2 * hr), within(1e-5 * Math.max(1, Math.abs(v.rho()))));
                double ht = Math.min(1e-6, o.years() / 10);
                // theta is dV/dt with t calendar time: minus the derivative in years to expiry
                double fdTheta = -(BlackScholesMerton.price(o.withYears(o.years() + ht))
                        - BlackScholesMerton.price(o.withYears(o.years() - ht))) / (2 * ht);
                assertThat(v.theta()).as("theta").isCloseTo(fdTheta, within(1e-4 * Math.max(1, Math.abs(v.theta()))));
            }
        }
    }

    @Test
    void black76RhoIsMinusTimesPriceAndDeltaMatchesBump() {
        OptionValuation v = Black76.value(OptionType.CALL, 19, 19, 0.75, 0.28, 0.10);
        assertThat(v.rho()).isCloseTo(-0.75 * v.price(), within(1e-12));
        double h = 1e-4;
        double fd = (Black76.value(OptionType.CALL, 19 + h, 19, 0.75, 0.28, 0.10).price()
                - Black76.value(OptionType.CALL, 19 - h, 19, 0.75, 0.28, 0.10).price()) / (2 * h);
        assertThat(v.delta()).isCloseTo(fd, within(1e-7));
    }

    @Test
    void europeanTreeConvergesToBlackScholesWithItsGreeks() {
        OptionInputs o = OptionInputs.of(OptionType.PUT, 100, 105, 0.75, 0.25, 0.04, 0.01);
        OptionValuation tree = BinomialTree.value(o, ExerciseStyle.EUROPEAN, 2000);
        OptionValuation exact = BlackScholesMerton.value(o);
        assertThat(tree.price()).isCloseTo(exact.price(), within(5e-3));
        assertThat(tree.delta()).isCloseTo(exact.delta(), within(2e-3));
        assertThat(tree.gamma()).isCloseTo(exact.gamma(), within(5e-4));
        assertThat(tree.vega()).isCloseTo(exact.vega(), within(0.1));
        assertThat(tree.theta()).isCloseTo(exact.theta(), within(0.05));
        assertThat(tree.rho()).isCloseTo(exact.rho(), within(0.05));
    }

    @Test
    void americanCallWithoutDividendEqualsEuropean() {
        // Merton (1973): never exercise a call early on a non-paying underlying
        OptionInputs o = OptionInputs.of(OptionType.CALL, 42, 40, 0.5, 0.20, 0.10);
        assertThat(BinomialTree.price(o, ExerciseStyle.AMERICAN, 1000)).isCloseTo(BlackScholesMerton.price(o), within(3e-3));
        assertThat(BaroneAdesiWhaley.price(o)).isCloseTo(BlackScholesMerton.price(o), within(1e-12));
    }

    @Test
    void americanGreeksHaveTheRightSignsAndMatchTheTreeBump() {
        OptionInputs o = OptionInputs.of(OptionType.PUT, 95, 100, 0.5, 0.30, 0.06);
        OptionValuation tree = OptionPricer.value(PricingModel.BINOMIAL_CRR, o);
        OptionValuation baw = OptionPricer.value(PricingModel.BARONE_ADESI_WHALEY, o);
        double h = 0.5;
        double fdDelta = (BinomialTree.price(o.withSpot(95 + h), ExerciseStyle.AMERICAN, 500)
                - BinomialTree.price(o.withSpot(95 - h), ExerciseStyle.AMERICAN, 500)) / (2 * h);
        assertThat(tree.delta()).isCloseTo(fdDelta, within(0.01)).isBetween(-1.0, 0.0);
        assertThat(baw.delta()).isCloseTo(fdDelta, within(0.02));
        assertThat(tree.gamma()).isPositive();
        assertThat(tree.vega()).isPositive().isCloseTo(baw.vega(), within(0.5));
        assertThat(tree.rho()).isNegative().isCloseTo(baw.rho(), within(1.0));
        assertThat(tree.theta()).isNegative().isCloseTo(baw.theta(), within(0.5));
    }

    @Test
    void batchEqualsSingleValuationsAndNamesTheBadSlot() {
        int n = CASES.length;
        boolean[] call = new boolean[n];
        double[][] in = new double[6][n];
        for (int i = 0; i < n; i++) {
            call[i] = i % 2 == 0;
            for (int j = 0; j < 6; j++) {
                in[j][i] = CASES[i][j];
            }
        }
        double[][] out = new double[6][n];
        BlackScholesMerton.valueBatch(call, in[0], in[1], in[2], in[3], in[4], in[5], n, out[0], out[1], out[2], out[3], out[4], out[5]);
        for (int i = 0; i < n; i++) {
            OptionValuation v = BlackScholesMerton.value(OptionInputs.of(call[i] ? OptionType.CALL : OptionType.PUT,
                    in[0][i], in[1][i], in[2][i], in[3][i], in[4][i], in[5][i]));
            assertThat(new double[] {out[0][i], out[1][i], out[2][i], out[3][i], out[4][i], out[5][i]})
                    .containsExactly(v.price(), v.delta(), v.gamma(), v.vega(), v.theta(), v.rho());
        }
        in[3][2] = 0;
        assertThatThrownBy(() -> BlackScholesMerton.valueBatch(call, in[0], in[1], in[2], in[3], in[4], in[5], n, out[0],
                out[1], out[2], out[3], out[4], out[5])).hasMessageStartingWith("volatility[2]:");
    }

    @Test
    void inputsNameTheFieldAtFault() {
        assertThatThrownBy(() -> OptionInputs.of(OptionType.CALL, 0, 100, 1, 0.2, 0.05)).hasMessageStartingWith("spot:");
        assertThatThrownBy(() -> OptionInputs.of(OptionType.CALL, 100, -1, 1, 0.2, 0.05)).hasMessageStartingWith("strike:");
        assertThatThrownBy(() -> OptionInputs.of(OptionType.CALL, 100, 100, 0, 0.2, 0.05)).hasMessageStartingWith("years:");
        assertThatThrownBy(() -> OptionInputs.of(OptionType.CALL, 100, 100, 1, 0, 0.05)).hasMessageStartingWith("volatility:");
        assertThatThrownBy(() -> OptionInputs.of(OptionType.CALL, 100, 100, 1, 0.2, Double.NaN)).hasMessageStartingWith("rate:");
        assertThatThrownBy(() -> OptionInputs.of(null, 100, 100, 1, 0.2, 0.05)).hasMessageStartingWith("type:");
        assertThatThrownBy(() -> BinomialTree.price(OptionInputs.of(OptionType.CALL, 100, 100, 1, 0.2, 0.05), ExerciseStyle.AMERICAN, 1))
                .hasMessageStartingWith("steps:");
    }
}
