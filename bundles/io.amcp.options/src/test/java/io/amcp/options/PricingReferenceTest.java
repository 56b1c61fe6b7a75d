package io.amcp.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.amcp.options.internal.Normal;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** Prices and Greeks against published values; each number's source is written beside it. */
class PricingReferenceTest {

    private static final OptionType C = OptionType.CALL;
    private static final OptionType P = OptionType.PUT;

    @Test
    void normalCdfMatchesCommonsMathToMachinePrecision() {
        NormalDistribution reference = new NormalDistribution(0, 1);
        for (double x = -40; x <= 40; x += 0.01) {
            double expected = reference.cumulativeProbability(x);
            assertThat(Normal.cdf(x)).as("N(%s)", x).isCloseTo(expected, within(2e-15 + 1e-13 * expected));
        }
    }

    @Test
    void hullBlackScholesExample() {
        // Hull, Options, Futures, and Other Derivatives, Example 15.6 (8th ed.):
        // S=42, K=40, r=10%, sigma=20%, T=0.5: c = 4.76, p = 0.81
        assertThat(BlackScholesMerton.price(OptionInputs.of(C, 42, 40, 0.5, 0.20, 0.10))).isCloseTo(4.76, within(0.005));
        assertThat(BlackScholesMerton.price(OptionInputs.of(P, 42, 40, 0.5, 0.20, 0.10))).isCloseTo(0.81, within(0.005));
    }

    @Test
    void hullGreekLettersExample() {
        // Hull, chapter "The Greek Letters" (8th ed., sections 18.4-18.8): S=49, K=50, r=5%, sigma=20%,
        // T=20 weeks=0.3846 years: call 2.40, delta 0.522, gamma 0.066, vega 12.1, theta -4.31 per year, rho 8.91
        OptionValuation v = BlackScholesMerton.value(OptionInputs.of(C, 49, 50, 0.3846, 0.20, 0.05));
        assertThat(v.price()).isCloseTo(2.40, within(0.005));
        assertThat(v.delta()).isCloseTo(0.522, within(0.0005));
        assertThat(v.gamma()).isCloseTo(0.066, within(0.0005));
        assertThat(v.vega()).isCloseTo(12.1, within(0.05));
        assertThat(v.theta()).isCloseTo(-4.31, within(0.005));
        assertThat(v.rho()).isCloseTo(8.91, within(0.005));
    }

    @Test
    void haugGeneralizedBlackScholesExamples() {
        // Haug, The Complete Guide to Option Pricing Formulas, 2nd ed.
        // 1.1.1 Black-Scholes: S=60, K=65, T=0.25, r=8%, sigma=30%: call 2.1334
        assertThat(BlackScholesMerton.price(OptionInputs.of(C, 60, 65, 0.25, 0.30, 0.08))).isCloseTo(2.1334, within(5e-5));
        // 1.1.2 Merton: S=100, K=95, T=0.5, r=10%, q=5%, sigma=20%: put 2.4648
        assertThat(BlackScholesMerton.price(OptionInputs.of(P, 100, 95, 0.5, 0.20, 0.10, 0.05))).isCloseTo(2.4648, within(5e-5));
        // gamma: S=55, K=60, T=0.75, r=10%, b=10%, sigma=30%: gamma 0.0278
        assertThat(BlackScholesMerton.value(OptionInputs.of(C, 55, 60, 0.75, 0.30, 0.10)).gamma()).isCloseTo(0.0278, within(5e-5));
        // theta: S=430, K=405, T=0.0833, r=7%, b=2% (q=5%), sigma=20%: put theta -31.1924 per year
        assertThat(BlackScholesMerton.value(OptionInputs.of(P, 430, 405, 0.0833, 0.20, 0.07, 0.05)).theta())
                .isCloseTo(-31.1924, within(5e-4));
        // rho: S=72, K=75, T=1, r=9%, b=9%, sigma=19%: call rho 38.7325
        assertThat(BlackScholesMerton.value(OptionInputs.of(C, 72, 75, 1, 0.19, 0.09)).rho()).isCloseTo(38.7325, within(5e-4));
    }

    @Test
    void black76Examples() {
        // Hull, chapter "Futures Options" (crude oil example): European put on crude oil futures,
        // F=20, K=20, r=9%, T=4 months, sigma=25%: 1.12
        assertThat(Black76.value(P, 20, 20, 4.0 / 12, 0.25, 0.09).price()).isCloseTo(1.12, within(0.005));
        // Haug 1.1.3 Black-76: F=19, K=19, T=0.75, r=10%, sigma=28%: call = put = 1.7011
        assertThat(Black76.value(C, 19, 19, 0.75, 0.28, 0.10).price()).isCloseTo(1.7011, within(5e-5));
        assertThat(Black76.value(P, 19, 19, 0.75, 0.28, 0.10).price()).isCloseTo(1.7011, within(5e-5));
        // Haug delta example: futures option S=105, K=100, T=0.5, r=10%, b=0, sigma=36%: call delta 0.5946, put -0.3566
        assertThat(Black76.value(C, 105, 100, 0.5, 0.36, 0.10).delta()).isCloseTo(0.5946, within(5e-5));
        assertThat(Black76.value(P, 105, 100, 0.5, 0.36, 0.10).delta()).isCloseTo(-0.3566, within(5e-5));
    }

    @Test
    void hullFiveStepAmericanPutTree() {
        // Hull, Example 21.1 (8th ed., Figure 21.3): American put S=50, K=50, r=10%, sigma=40%,
        // T=5 months, 5 steps: 4.49
        assertThat(BinomialTree.price(OptionInputs.of(P, 50, 50, 5.0 / 12, 0.40, 0.10), ExerciseStyle.AMERICAN, 5))
                .isCloseTo(4.49, within(0.005));
    }

    @Test
    void baroneAdesiWhaleyTableOfHaug() {
        // Haug 2nd ed., Table 3-1 (Barone-Adesi & Whaley 1987): American futures calls (cost of carry
        // b = 0, so dividend yield = rate), K=100, r=10%; columns S=90, 100, 110. The printed values
        // agree with ours to 3e-3 (the largest gap, 0.0028, is at S=110, T=0.1, sigma=0.15, next to
        // the critical price where the approximation is most sensitive to the Newton stopping rule).
        double[][] rows = {
            // T, sigma, value at 90, 100, 110
            {0.10, 0.15, 0.0206, 1.8771, 10.0089},
            {0.10, 0.25, 0.3159, 3.1280, 10.3919},
            {0.10, 0.35, 0.9495, 4.3777, 11.1679},
            {0.50, 0.15, 0.8208, 4.0842, 10.8087},
            {0.50, 0.25, 2.7437, 6.8015, 13.0170},
            {0.50, 0.35, 5.0063, 9.5106, 15.5689},
        };
        double[] spots = {90, 100, 110};
        for (double[] row : rows) {
            for (int i = 0; i < 3; i++) {
                OptionInputs o = OptionInputs.of(C, spots[i], 100, row[0], row[1], 0.10, 0.10);
                assertThat(BaroneAdesiWhaley.price(o)).as("T=%s sigma=%s S=%s", row[0], row[1], spots[i])
                        .isCloseTo(row[2 + i], within(3e-3));
                // an independent method: a 2000-step tree agrees within the approximation's known error
                assertThat(BaroneAdesiWhaley.price(o)).isCloseTo(BinomialTree.price(o, ExerciseStyle.AMERICAN, 2000),
                        within(0.04));
            }
        }
    }

    @Test
    void americanPutTreeAndBaroneAdesiWhaleyAgreeAndExceedEuropean() {
        // Hull 8th ed., section 21.1 (Table 21.1): the 5-month American put S=50, K=50, r=10%, sigma=40%
        // converges to about 4.28 as steps grow (4.263 at 30 steps, 4.278 at 100, 4.283 at 500)
        OptionInputs o = OptionInputs.of(P, 50, 50, 5.0 / 12, 0.40, 0.10);
        assertThat(BinomialTree.price(o, ExerciseStyle.AMERICAN, 500)).isCloseTo(4.28, within(0.01));
        assertThat(BaroneAdesiWhaley.price(o)).isCloseTo(4.28, within(0.03));
        assertThat(BinomialTree.price(o, ExerciseStyle.AMERICAN, 500)).isGreaterThan(BlackScholesMerton.price(o));
    }
}
