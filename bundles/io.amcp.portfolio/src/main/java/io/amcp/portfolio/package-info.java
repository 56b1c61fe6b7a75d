/**
 * Portfolio optimisation: minimum variance, mean-variance and the efficient frontier, maximum
 * Sharpe, risk parity, minimum CVaR, Black-Litterman, a multi-objective Pareto front with an SVG
 * chart, and a rebalancer that turns target weights into lot-rounded orders. Entry points:
 * {@link io.amcp.portfolio.PortfolioOptimizer}, {@link io.amcp.portfolio.Rebalancer},
 * {@link io.amcp.portfolio.FrontierChart}.
 */
package io.amcp.portfolio;
