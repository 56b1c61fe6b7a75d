package io.amcp.risk;

/** How a value-at-risk figure was estimated. */
public enum VarMethod {
    /** Historical simulation: the portfolio revalued under each day of the returns history. */
    HISTORICAL,
    /** Variance-covariance with normal returns and zero mean: {@code z * sqrt(e' Σ e)}. */
    PARAMETRIC,
    /** Monte Carlo: correlated paths through the Cholesky factor of the covariance. */
    MONTE_CARLO
}
