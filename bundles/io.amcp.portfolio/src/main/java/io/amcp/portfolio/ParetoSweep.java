package io.amcp.portfolio;

/**
 * How finely {@link PortfolioOptimizer#paretoFront} sweeps: {@code returnSteps} return floors
 * between the minimum-risk return and the highest reachable return, {@code turnoverSteps}
 * turnover limits between 0 and the unconstrained turnover (1 means no turnover sweep), and
 * {@code riskWeightSteps} weights {@code lambda} in {@code lambda * variance + (1 - lambda) * CVaR},
 * both normalised by their own minimum.
 *
 * @param returnSteps     number of return floors, at least 2
 * @param turnoverSteps   number of turnover limits, at least 1
 * @param riskWeightSteps number of variance/CVaR weights, at least 1 (1 means variance only)
 * @param confidence      CVaR confidence level in (0, 1)
 */
public record ParetoSweep(int returnSteps, int turnoverSteps, int riskWeightSteps, double confidence) {

    public ParetoSweep {
        if (returnSteps < 2) {
            throw new IllegalArgumentException("returnSteps: must be at least 2, was " + returnSteps);
        }
        if (turnoverSteps < 1) {
            throw new IllegalArgumentException("turnoverSteps: must be at least 1, was " + turnoverSteps);
        }
        if (riskWeightSteps < 1) {
            throw new IllegalArgumentException("riskWeightSteps: must be at least 1, was " + riskWeightSteps);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence: must be in (0, 1), was " + confidence);
        }
    }

    /** Validates the sweep. */
    public static ParetoSweep of(int returnSteps, int turnoverSteps, int riskWeightSteps, double confidence) {
        return new ParetoSweep(returnSteps, turnoverSteps, riskWeightSteps, confidence);
    }
}
