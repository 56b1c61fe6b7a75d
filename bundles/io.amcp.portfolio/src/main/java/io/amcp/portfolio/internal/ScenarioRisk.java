package io.amcp.portfolio.internal;

import io.amcp.portfolio.ReturnHistory;
import java.util.Arrays;

/** Conditional value at risk of a weight vector over equally likely scenarios. */
public final class ScenarioRisk {

    private ScenarioRisk() {
    }

    /**
     * {@code min over alpha of alpha + 1/((1-beta) S) sum (L_s - alpha)+} with losses
     * {@code L_s = -r_s' w}; the minimum of this convex piecewise-linear function lies at one of
     * the losses, so every loss is tried in sorted order with suffix sums.
     */
    public static double cvar(ReturnHistory scenarios, double[] weights, double confidence) {
        int s = scenarios.periods();
        double[] losses = new double[s];
        for (int t = 0; t < s; t++) {
            double r = 0;
            for (int i = 0; i < weights.length; i++) {
                r += scenarios.get(t, i) * weights[i];
            }
            losses[t] = -r;
        }
        Arrays.sort(losses);
        double tailScale = 1.0 / ((1 - confidence) * s);
        double suffix = 0;
        double best = Double.POSITIVE_INFINITY;
        for (int k = s - 1; k >= 0; k--) {
            double excess = suffix - (s - 1 - k) * losses[k];
            best = Math.min(best, losses[k] + tailScale * excess);
            suffix += losses[k];
        }
        return best;
    }
}
