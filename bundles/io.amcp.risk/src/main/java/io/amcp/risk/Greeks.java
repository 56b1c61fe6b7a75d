package io.amcp.risk;

import io.amcp.risk.internal.Checks;

/**
 * Per-unit sensitivities of a non-linear position (an option), as raw partial derivatives of the
 * price of one unit of the instrument (before the contract multiplier).
 *
 * <p>Units: {@code delta} = dV/dS, {@code gamma} = d²V/dS², {@code vega} = dV/dσ with σ a decimal
 * (a 0.01 vol move changes the value by {@code vega * 0.01}), {@code theta} = dV/dt per year,
 * {@code rho} = dV/dr with r a decimal (a +200 bp shock changes the value by {@code rho * 0.02}).
 *
 * @param underlyingPrice   price of the underlying the derivatives refer to, positive
 * @param impliedVolatility implied volatility as a decimal (0.25 = 25%), used to turn relative
 *                          volatility shocks into absolute ones
 * @param delta             dV/dS
 * @param gamma             d²V/dS²
 * @param vega              dV/dσ
 * @param theta             dV/dt per year
 * @param rho               dV/dr
 */
public record Greeks(double underlyingPrice, double impliedVolatility, double delta, double gamma, double vega,
        double theta, double rho) {

    public Greeks {
        Checks.positive("greeks.underlyingPrice", underlyingPrice);
        Checks.nonNegative("greeks.impliedVolatility", impliedVolatility);
        Checks.finite("greeks.delta", delta);
        Checks.finite("greeks.gamma", gamma);
        Checks.finite("greeks.vega", vega);
        Checks.finite("greeks.theta", theta);
        Checks.finite("greeks.rho", rho);
    }

    /** Greeks of one unit; see the type documentation for units. */
    public static Greeks of(double underlyingPrice, double impliedVolatility, double delta, double gamma, double vega,
            double theta, double rho) {
        return new Greeks(underlyingPrice, impliedVolatility, delta, gamma, vega, theta, rho);
    }

    /** The same sensitivities at a new underlying price (a streaming mark, no re-pricing). */
    public Greeks withUnderlyingPrice(double price) {
        return new Greeks(price, impliedVolatility, delta, gamma, vega, theta, rho);
    }
}
