/**
 * Multi-leg option strategies: a leg model ({@link io.amcp.options.strategy.Leg}), a catalog of named
 * strategies built from parameters ({@link io.amcp.options.strategy.StrategyCatalog}), their analysis
 * at expiry (payoff, max profit/loss, breakevens, probability of profit, net Greeks, margin:
 * {@link io.amcp.options.strategy.StrategyAnalyzer}) and an SVG payoff diagram
 * ({@link io.amcp.options.strategy.PayoffChart}). Amounts are per unit of underlying times the leg
 * quantities; multiply by the contract size for money.
 */
package io.amcp.options.strategy;
