package io.amcp.options;

import io.amcp.options.internal.BlackScholesKernel;
import io.amcp.options.internal.Checks;

/**
 * Black (1976) value and analytic Greeks of a European option on a futures (or forward) price.
 * Delta and gamma are with respect to the futures price; rho is dV/dr with the futures price held
 * fixed, which is {@code -years * price}. Greeks follow {@link OptionValuation}'s per-unit convention.
 */
public final class Black76 {

    private Black76() {
    }

    /**
     * The value and Greeks of one futures option.
     *
     * @param type       call or put
     * @param futures    futures price, positive
     * @param strike     strike, positive
     * @param years      time to expiry in years, positive
     * @param volatility volatility of the futures price, positive
     * @param rate       risk-free rate used to discount the payoff
     */
    public static OptionValuation value(OptionType type, double futures, double strike, double years, double volatility,
            double rate) {
        Checks.present("type", type);
        Checks.positive("futures", futures);
        Checks.positive("strike", strike);
        Checks.positive("years", years);
        Checks.positive("volatility", volatility);
        Checks.finite("rate", rate);
        double[] p = new double[1];
        double[] d = new double[1];
        double[] g = new double[1];
        double[] v = new double[1];
        double[] t = new double[1];
        double[] r = new double[1];
        BlackScholesKernel.value(type == OptionType.CALL, futures, strike, years, volatility, rate, rate, true, 0, p, d, g,
                v, t, r);
        return new OptionValuation(p[0], d[0], g[0], v[0], t[0], r[0]);
    }

    /** The value and Greeks of {@code o}, reading its spot as the futures price and ignoring its dividend yield. */
    public static OptionValuation value(OptionInputs o) {
        return value(o.type(), o.spot(), o.strike(), o.years(), o.volatility(), o.rate());
    }
}
