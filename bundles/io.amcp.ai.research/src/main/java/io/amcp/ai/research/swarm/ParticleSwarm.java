package io.amcp.ai.research.swarm;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Global-best particle swarm optimisation (J. Kennedy, R. Eberhart, 1995) with the constriction
 * coefficients of M. Clerc and J. Kennedy (IEEE Trans. Evol. Comput. 6(1), 2002): inertia 0.7298,
 * cognitive and social weights 1.49618. Each particle moves by
 * {@code v = w v + c1 r1 (personalBest - x) + c2 r2 (globalBest - x)}, {@code x = x + v}, clamped
 * to the box; velocities are limited to the box width.
 *
 * @param particles  swarm size, at least 2
 * @param iterations moves per particle, at least 1
 * @param inertia    w
 * @param cognitive  c1
 * @param social     c2
 * @param seed       random seed
 */
public record ParticleSwarm(int particles, int iterations, double inertia, double cognitive, double social, long seed) {

    public ParticleSwarm {
        if (particles < 2) {
            throw new IllegalArgumentException("particles: must be at least 2, was " + particles);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations: must be at least 1, was " + iterations);
        }
        if (!Double.isFinite(inertia) || !Double.isFinite(cognitive) || !Double.isFinite(social)) {
            throw new IllegalArgumentException("inertia/cognitive/social: must be finite");
        }
    }

    /** Clerc-Kennedy constriction coefficients. */
    public static ParticleSwarm of(int particles, int iterations, long seed) {
        return new ParticleSwarm(particles, iterations, 0.7298, 1.49618, 1.49618, seed);
    }

    /**
     * The result of a minimisation.
     *
     * @param best        the best point found
     * @param value       the objective there
     * @param evaluations objective calls made ({@code particles x (iterations + 1)})
     * @param history     best value after the initial swarm and after each iteration
     */
    public record Result(double[] best, double value, int evaluations, double[] history) {
        public Result {
            best = best.clone();
            history = history.clone();
        }

        @Override
        public double[] best() {
            return best.clone();
        }

        @Override
        public double[] history() {
            return history.clone();
        }
    }

    /**
     * Minimises {@code objective} over the box {@code [lower, upper]}.
     *
     * @throws IllegalArgumentException naming {@code upper} when a bound is not above its lower bound
     */
    public Result minimise(ToDoubleFunction<double[]> objective, double[] lower, double[] upper) {
        Objects.requireNonNull(objective, "objective");
        int d = lower.length;
        if (upper.length != d) {
            throw new IllegalArgumentException("upper: " + upper.length + " bounds for " + d + " dimensions");
        }
        for (int j = 0; j < d; j++) {
            if (!(upper[j] > lower[j])) {
                throw new IllegalArgumentException("upper: bound " + j + " (" + upper[j] + ") not above lower " + lower[j]);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[particles][d];
        double[][] v = new double[particles][d];
        double[][] personal = new double[particles][];
        double[] personalValue = new double[particles];
        double[] global = null;
        double globalValue = Double.POSITIVE_INFINITY;
        int evaluations = 0;
        for (int p = 0; p < particles; p++) {
            for (int j = 0; j < d; j++) {
                double width = upper[j] - lower[j];
                x[p][j] = lower[j] + width * random.nextDouble();
                v[p][j] = width * (random.nextDouble() - 0.5) * 0.2;
            }
            personal[p] = x[p].clone();
            personalValue[p] = objective.applyAsDouble(x[p].clone());
            evaluations++;
            if (personalValue[p] < globalValue) {
                globalValue = personalValue[p];
                global = x[p].clone();
            }
        }
        double[] history = new double[iterations + 1];
        history[0] = globalValue;
        for (int it = 0; it < iterations; it++) {
            for (int p = 0; p < particles; p++) {
                for (int j = 0; j < d; j++) {
                    double width = upper[j] - lower[j];
                    double vj = inertia * v[p][j] + cognitive * random.nextDouble() * (personal[p][j] - x[p][j])
                            + social * random.nextDouble() * (global[j] - x[p][j]);
                    v[p][j] = Math.max(-width, Math.min(width, vj));
                    x[p][j] = Math.max(lower[j], Math.min(upper[j], x[p][j] + v[p][j]));
                }
                double value = objective.applyAsDouble(x[p].clone());
                evaluations++;
                if (value < personalValue[p]) {
                    personalValue[p] = value;
                    personal[p] = x[p].clone();
                    if (value < globalValue) {
                        globalValue = value;
                        global = x[p].clone();
                    }
                }
            }
            history[it + 1] = globalValue;
        }
        return new Result(global, globalValue, evaluations, history);
    }
}
