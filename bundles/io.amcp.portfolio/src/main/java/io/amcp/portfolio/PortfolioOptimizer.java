package io.amcp.portfolio;

import io.amcp.portfolio.internal.OjAlgoPortfolioOptimizer;
import java.util.List;

/**
 * Portfolio optimisers over one {@link AssetUniverse}. Every method returns weights that satisfy
 * the given {@link Constraints} or throws {@link InfeasiblePortfolioException}; bad input throws
 * {@link IllegalArgumentException} naming the field. Registered as an OSGi service; outside OSGi
 * use {@link #standard()}. Implementations are stateless and thread-safe.
 */
public interface PortfolioOptimizer {

    /** The ojAlgo-backed implementation. */
    static PortfolioOptimizer standard() {
        return new OjAlgoPortfolioOptimizer();
    }

    /** Minimises {@code w' Sigma w}. */
    OptimalPortfolio minimumVariance(MarketEstimates estimates, Constraints constraints);

    /** Minimises {@code w' Sigma w} subject to {@code mu' w >= targetReturn}. */
    OptimalPortfolio meanVariance(MarketEstimates estimates, Constraints constraints, double targetReturn);

    /** Maximises the utility {@code mu' w - riskAversion / 2 * w' Sigma w}. */
    OptimalPortfolio maximumUtility(MarketEstimates estimates, Constraints constraints, double riskAversion);

    /**
     * {@code points} mean-variance portfolios with target returns evenly spaced from the minimum
     * variance portfolio's return to the highest return the constraints allow.
     */
    List<OptimalPortfolio> efficientFrontier(MarketEstimates estimates, Constraints constraints, int points);

    /**
     * Maximises {@code (mu' w - riskFreeRate) / sqrt(w' Sigma w)} exactly, through the
     * Cornuejols-Tutuncu homogenisation {@code y = kappa w}: minimise {@code y' Sigma y} subject to
     * {@code (mu - rf)' y = 1}, {@code kappa >= 0} and every constraint multiplied by {@code kappa}.
     * Needs a positive budget and some feasible portfolio with a return above {@code riskFreeRate}.
     */
    OptimalPortfolio maximumSharpe(MarketEstimates estimates, Constraints constraints, double riskFreeRate);

    /**
     * Long-only, fully invested equal-risk-contribution portfolio: every asset contributes
     * {@code w_i (Sigma w)_i} equally to the variance. Solved with Newton's method on Spinu's (2013)
     * convex problem {@code min 1/2 x' Sigma x - sum b_i ln x_i}, then {@code w = x / sum x}.
     */
    OptimalPortfolio riskParity(MarketEstimates estimates);

    /** As {@link #riskParity} with risk budgets {@code b} (positive, normalised to sum to 1). */
    OptimalPortfolio riskBudgeting(MarketEstimates estimates, double[] riskBudgets);

    /**
     * Minimises the conditional value at risk of the loss {@code -r_s' w} over equally likely
     * scenarios at {@code confidence} (e.g. 0.95), by the Rockafellar-Uryasev (2000) linear program
     * {@code min alpha + 1/((1-beta) S) sum u_s}, {@code u_s >= -r_s' w - alpha}, {@code u_s >= 0}.
     * Expected return and volatility of the answer are the scenarios' sample mean and covariance.
     */
    OptimalPortfolio minimumCvar(ReturnHistory scenarios, Constraints constraints, double confidence);

    /** As {@link #minimumCvar(ReturnHistory, Constraints, double)} with mean scenario return at least {@code targetReturn}. */
    OptimalPortfolio minimumCvar(ReturnHistory scenarios, Constraints constraints, double confidence,
            double targetReturn);

    /**
     * Black-Litterman: the model's posterior returns and covariance, then
     * {@link #maximumUtility} with the model's risk aversion. Without constraints and without views
     * this gives back {@code w_mkt / (1 + tau)} (He and Litterman 1999).
     */
    OptimalPortfolio blackLitterman(MarketEstimates prior, BlackLitterman model, Constraints constraints);

    /**
     * Non-dominated portfolios for (maximum return, minimum volatility, minimum CVaR, minimum
     * turnover), from epsilon-constraint sweeps: return floors, turnover limits and CVaR caps,
     * minimising variance at each (see {@link ParetoSweep}); dominated points are dropped.
     */
    List<ParetoPoint> paretoFront(MarketEstimates estimates, ReturnHistory scenarios, Constraints constraints,
            ParetoSweep sweep);
}
