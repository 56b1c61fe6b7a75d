package io.amcp.portfolio;

/**
 * How finely {@link PortfolioOptimizer#paretoFront} sweeps: {@code returnSteps} return floors
 * between the minimum-risk return and the highest reachable return, {@code turnoverSteps}
 * turnover limits between 0 and the unconstrained turnover (1 means no turnover sweep), and
 * {@code cvarSteps} CVaR levels per (return, turnover) pair: the least-CVaR portfolio, the
 * least-variance portfolio and {@code cvarSteps - 2} least-variance portfolios under CVaR caps
 * evenly spaced between the two (epsilon-constraint on CVaR).
 *
 * @param returnSteps     number of return floors, at least 2
 * @param turnoverSteps   number of turnover limits, at least 1
 * @param cvarSteps       number of CVaR levels, at least 2
 * @param confidence      CVaR confidence level in (0, 1)
 */
public record ParetoSweep(int returnSteps, int turnoverSteps, int cvarSteps, double confidence) {

    public ParetoSweep {
        if (returnSteps < 2) {
            throw new IllegalArgumentException("returnSteps: must be at least 2, was " + returnSteps);
        }
        if (turnoverSteps < 1) {
            throw new IllegalArgumentException("turnoverSteps: must be at least 1, was " + turnoverSteps);
        }
        if (cvarSteps < 2) {
            throw new IllegalArgumentException("cvarSteps: must be at least 2, was " + cvarSteps);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence: must be in (0, 1), was " + confidence);
        }
    }

    /** Validates the sweep. */
    public static ParetoSweep of(int returnSteps, int turnoverSteps, int cvarSteps, double confidence) {
        return new ParetoSweep(returnSteps, turnoverSteps, cvarSteps, confidence);
    }
}
