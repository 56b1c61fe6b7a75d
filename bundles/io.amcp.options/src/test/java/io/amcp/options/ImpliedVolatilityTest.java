package io.amcp.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ImpliedVolatilityTest {

    @Test
    void hullPriceGivesBackItsVolatility() {
        // Hull Example 15.6: c = 4.76 at sigma = 20% (S=42, K=40, r=10%, T=0.5); 4.76 is rounded, so
        // the implied volatility is 20% to about 0.1 point (vega is about 8.8: 0.005/8.8 = 0.0006)
        OptionInputs o = OptionInputs.of(OptionType.CALL, 42, 40, 0.5, 0.3, 0.10);
        assertThat(ImpliedVolatility.solve(4.76, PricingModel.BLACK_SCHOLES_MERTON, o)).isCloseTo(0.20, within(0.001));
    }

    @Test
    void roundTripsAcrossStrikesIncludingTheWings() {
        double[] strikes = {20, 50, 80, 100, 120, 200, 400};
        double[] vols = {0.05, 0.2, 0.8, 2.5};
        for (OptionType type : OptionType.values()) {
            for (double k : strikes) {
                for (double vol : vols) {
                    OptionInputs o = OptionInputs.of(type, 100, k, 0.5, vol, 0.03, 0.01);
                    double price = BlackScholesMerton.price(o);
                    ImpliedVolatility.Bounds b = ImpliedVolatility.bounds(PricingModel.BLACK_SCHOLES_MERTON, o);
                    // skip prices that round onto a bound in double precision: no information left
                    if (price - b.lower() < 1e-10 * 100 || b.upper() - price < 1e-10 * 100) {
                        continue;
                    }
                    double iv = ImpliedVolatility.solve(price, PricingModel.BLACK_SCHOLES_MERTON, o.withVolatility(0.5));
                    assertThat(BlackScholesMerton.price(o.withVolatility(iv))).as("%s K=%s vol=%s", type, k, vol)
                            .isCloseTo(price, within(1e-9 * Math.max(1, price)));
                }
            }
        }
    }

    @Test
    void americanModelsAndBlack76Invert() {
        OptionInputs o = OptionInputs.of(OptionType.PUT, 95, 100, 0.5, 0.35, 0.06);
        for (PricingModel m : PricingModel.values()) {
            double price = OptionPricer.price(m, o, 300);
            assertThat(ImpliedVolatility.solve(price, m, o.withVolatility(0.1), 300)).as(m.name()).isCloseTo(0.35, within(1e-6));
        }
    }

    @Test
    void pricesOutsideTheArbitrageBoundsAreRefusedByName() {
        OptionInputs call = OptionInputs.of(OptionType.CALL, 100, 90, 1, 0.2, 0.05);
        // lower bound of a European call: S - K e^{-rT} = 100 - 90 e^{-0.05} = 14.389...
        assertThatThrownBy(() -> ImpliedVolatility.solve(14.0, PricingModel.BLACK_SCHOLES_MERTON, call))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("price: 14.0 is outside the no-arbitrage bounds");
        assertThatThrownBy(() -> ImpliedVolatility.solve(100.5, PricingModel.BLACK_SCHOLES_MERTON, call))
                .hasMessageStartingWith("price: 100.5 is outside");
        // an American put is worth at least K - S = 10
        OptionInputs put = OptionInputs.of(OptionType.PUT, 90, 100, 1, 0.2, 0.05);
        assertThatThrownBy(() -> ImpliedVolatility.solve(9.9, PricingModel.BINOMIAL_CRR, put)).hasMessageStartingWith("price:");
        assertThatThrownBy(() -> ImpliedVolatility.solve(Double.NaN, PricingModel.BINOMIAL_CRR, put)).hasMessageStartingWith("price:");
    }
}
