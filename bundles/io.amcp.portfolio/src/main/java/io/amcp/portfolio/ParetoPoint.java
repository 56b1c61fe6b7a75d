package io.amcp.portfolio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One portfolio scored on the four objectives of the multi-objective view.
 *
 * @param weights        weight per asset
 * @param expectedReturn {@code mu' w} (higher is better)
 * @param volatility     {@code sqrt(w' Sigma w)} (lower is better)
 * @param cvar           expected loss beyond the VaR over the scenarios (lower is better)
 * @param turnover       {@code sum |w - current|} (lower is better)
 */
public record ParetoPoint(double[] weights, double expectedReturn, double volatility, double cvar, double turnover) {

    public ParetoPoint {
        weights = Matrices.copyVector(weights, "weights", weights == null ? 0 : weights.length);
        for (double v : new double[] {expectedReturn, volatility, cvar, turnover}) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("objectives: must be finite, were " + expectedReturn + ", "
                        + volatility + ", " + cvar + ", " + turnover);
            }
        }
    }

    /** Validates and copies the point. */
    public static ParetoPoint of(double[] weights, double expectedReturn, double volatility, double cvar,
            double turnover) {
        return new ParetoPoint(weights, expectedReturn, volatility, cvar, turnover);
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** True when this point is at least as good on every objective and strictly better on one. */
    public boolean dominates(ParetoPoint other) {
        boolean noWorse = expectedReturn >= other.expectedReturn && volatility <= other.volatility
                && cvar <= other.cvar && turnover <= other.turnover;
        boolean better = expectedReturn > other.expectedReturn || volatility < other.volatility
                || cvar < other.cvar || turnover < other.turnover;
        return noWorse && better;
    }

    /** The points no other point dominates, without repeats, ordered by volatility. */
    public static List<ParetoPoint> nonDominated(List<ParetoPoint> points) {
        List<ParetoPoint> front = new ArrayList<>();
        for (ParetoPoint candidate : points) {
            boolean dominated = points.stream().anyMatch(other -> other.dominates(candidate));
            boolean repeat = front.stream().anyMatch(kept -> kept.sameObjectives(candidate));
            if (!dominated && !repeat) {
                front.add(candidate);
            }
        }
        front.sort(Comparator.comparingDouble(ParetoPoint::volatility));
        return front;
    }

    private boolean sameObjectives(ParetoPoint other) {
        return expectedReturn == other.expectedReturn && volatility == other.volatility && cvar == other.cvar
                && turnover == other.turnover;
    }
}
