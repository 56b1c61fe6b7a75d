/**
 * Synthetic listed option chains: a {@link io.amcp.options.chain.VolatilitySurface} (ATM term
 * structure plus a quadratic skew in log-moneyness), listed Friday expiries from the NYSE calendar,
 * a strike grid around spot, theoretical values from {@link io.amcp.options.BlackScholesMerton} and
 * bid/ask quotes on the option tick. Entry point: {@link io.amcp.options.chain.ChainSynthesizer#chain}.
 */
package io.amcp.options.chain;
