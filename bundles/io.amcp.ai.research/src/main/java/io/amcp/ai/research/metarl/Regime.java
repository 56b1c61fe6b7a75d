package io.amcp.ai.research.metarl;

import io.amcp.ai.research.internal.Stats;
import java.util.SplittableRandom;

/**
 * A market regime, one task of the meta-learner: per-step log returns
 * {@code r_t = drift + phi (r_(t-1) - drift) + volatility Z_t} (Z standard normal), i.e. a random
 * walk with drift whose returns are autocorrelated: {@code phi < 0} is mean reversion,
 * {@code phi > 0} trending, {@code phi = 0} geometric Brownian motion. The platform's
 * {@code SyntheticBarGenerator} has no mean reversion, so regimes are simulated here, seeded.
 *
 * @param drift      mean return per step
 * @param phi        lag-one autocorrelation of returns, in (-1, 1)
 * @param volatility innovation standard deviation per step, positive
 */
public record Regime(double drift, double phi, double volatility) {

    public Regime {
        if (!(phi > -1 && phi < 1)) {
            throw new IllegalArgumentException("phi: must be in (-1, 1), was " + phi);
        }
        if (!(volatility > 0) || !Double.isFinite(drift)) {
            throw new IllegalArgumentException("volatility: must be positive (and drift finite), was " + volatility);
        }
    }

    /**
     * A regime drawn from the task distribution: |drift| in [0.0005, 0.002] with a random sign, phi in
     * [-0.6, -0.1] (short-horizon mean reversion, as in intraday crypto returns), volatility in
     * [0.005, 0.02].
     */
    public static Regime draw(SplittableRandom random) {
        double drift = (0.0005 + 0.0015 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
        return new Regime(drift, -0.6 + 0.5 * random.nextDouble(), 0.005 + 0.015 * random.nextDouble());
    }

    /** One episode of {@code steps} returns, after a burn-in of 20 steps. */
    public double[] episode(int steps, SplittableRandom random) {
        double[] r = new double[steps];
        double previous = drift;
        for (int t = -20; t < steps; t++) {
            double next = drift + phi * (previous - drift) + volatility * Stats.gaussian(random);
            if (t >= 0) {
                r[t] = next;
            }
            previous = next;
        }
        return r;
    }
}
