package io.amcp.strategy.rebalance;

import io.amcp.portfolio.Constraints;
import io.amcp.portfolio.MarketEstimates;
import io.amcp.portfolio.OptimalPortfolio;
import io.amcp.portfolio.PortfolioOptimizer;

/** Which optimiser turns estimates into long-only, fully invested target weights. */
public enum RebalanceMethod {
    /** {@link PortfolioOptimizer#minimumVariance} under {@link Constraints#longOnly}. */
    MIN_VARIANCE,
    /** {@link PortfolioOptimizer#riskParity}: equal risk contributions. */
    RISK_PARITY,
    /** {@link PortfolioOptimizer#maximumSharpe} under {@link Constraints#longOnly}, risk-free rate 0. */
    MAX_SHARPE;

    /** Parses {@code min-variance}, {@code risk-parity} or {@code max-sharpe}; the error names the field. */
    public static RebalanceMethod parse(String value) {
        if (value != null) {
            for (RebalanceMethod m : values()) {
                if (m.name().replace('_', '-').equalsIgnoreCase(value.trim())) {
                    return m;
                }
            }
        }
        throw new IllegalArgumentException("method: must be one of min-variance, risk-parity, max-sharpe; was '"
                + value + "'");
    }

    /** The target weights (summing to 1) for {@code estimates}. */
    public OptimalPortfolio optimise(PortfolioOptimizer optimizer, MarketEstimates estimates) {
        int n = estimates.universe().size();
        return switch (this) {
            case MIN_VARIANCE -> optimizer.minimumVariance(estimates, Constraints.longOnly(n));
            case RISK_PARITY -> optimizer.riskParity(estimates);
            case MAX_SHARPE -> optimizer.maximumSharpe(estimates, Constraints.longOnly(n), 0.0);
        };
    }
}
