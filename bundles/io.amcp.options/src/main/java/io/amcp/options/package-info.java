/**
 * Option pricing, Greeks and implied volatility.
 *
 * <p>Entry points: {@link io.amcp.options.OptionPricer#value} values an {@link io.amcp.options.OptionInputs}
 * under a {@link io.amcp.options.PricingModel} (Black-Scholes-Merton, Black-76, Cox-Ross-Rubinstein
 * binomial tree, Barone-Adesi-Whaley); {@link io.amcp.options.ImpliedVolatility#solve} inverts any of
 * them; {@link io.amcp.options.BlackScholesMerton#valueBatch} values arrays of European options
 * without allocation. Greeks are per unit: vega per 1.00 of volatility, rho per 1.00 of rate, theta
 * per year. The multi-leg strategy catalog is in {@link io.amcp.options.strategy}. See
 * {@code docs/options.md}.
 */
package io.amcp.options;
