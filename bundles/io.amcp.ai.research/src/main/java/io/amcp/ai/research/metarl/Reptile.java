package io.amcp.ai.research.metarl;

import java.util.SplittableRandom;

/**
 * Reptile (A. Nichol, J. Achiam, J. Schulman, "On First-Order Meta-Learning Algorithms", 2018) over
 * the {@link LinearPolicy}: for each meta-iteration draw a {@link Regime}, adapt a copy of the
 * meta-parameters with {@code innerSteps} gradient steps (one fresh episode each), then move the
 * meta-parameters toward the adapted ones by {@code metaStep}, annealed linearly to 0.
 *
 * @param metaIterations tasks to meta-train on, at least 1
 * @param innerSteps     adaptation steps per task, at least 1
 * @param innerRate      gradient step size of the adaptation, positive
 * @param metaStep       initial interpolation step, in (0, 1]
 * @param episodeSteps   returns per episode, at least 10
 */
public record Reptile(int metaIterations, int innerSteps, double innerRate, double metaStep, int episodeSteps) {

    public Reptile {
        if (metaIterations < 1 || innerSteps < 1) {
            throw new IllegalArgumentException("metaIterations/innerSteps: must be at least 1, were " + metaIterations
                    + "/" + innerSteps);
        }
        if (!(innerRate > 0)) {
            throw new IllegalArgumentException("innerRate: must be positive, was " + innerRate);
        }
        if (!(metaStep > 0 && metaStep <= 1)) {
            throw new IllegalArgumentException("metaStep: must be in (0, 1], was " + metaStep);
        }
        if (episodeSteps < 10) {
            throw new IllegalArgumentException("episodeSteps: must be at least 10, was " + episodeSteps);
        }
    }

    /** Meta-trains from zero parameters on regimes drawn with {@code seed}; returns the meta-parameters. */
    public double[] metaTrain(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] theta = new double[LinearPolicy.SIZE];
        for (int it = 0; it < metaIterations; it++) {
            Regime task = Regime.draw(random);
            double[] adapted = adapt(theta, task, innerSteps, random);
            double step = metaStep * (1 - (double) it / metaIterations);
            for (int j = 0; j < theta.length; j++) {
                theta[j] += step * (adapted[j] - theta[j]);
            }
        }
        return theta;
    }

    /** {@code steps} gradient steps from {@code start} on fresh episodes of {@code task}. */
    public double[] adapt(double[] start, Regime task, int steps, SplittableRandom random) {
        double[] theta = start.clone();
        for (int s = 0; s < steps; s++) {
            double[] g = LinearPolicy.gradient(theta, task.episode(episodeSteps, random));
            for (int j = 0; j < theta.length; j++) {
                theta[j] -= innerRate * g[j];
            }
        }
        return theta;
    }

    /**
     * The adaptation curve on one task: the mean loss over {@code evalEpisodes} held-out episodes
     * after 0, 1, ..., {@code steps} adaptation steps from {@code start}. Adaptation episodes come
     * from {@code adaptSeed}, evaluation episodes from {@code evalSeed}, so two starts see the same
     * data.
     */
    public double[] curve(double[] start, Regime task, int steps, long adaptSeed, long evalSeed, int evalEpisodes) {
        double[][] eval = new double[evalEpisodes][];
        SplittableRandom er = new SplittableRandom(evalSeed);
        for (int e = 0; e < evalEpisodes; e++) {
            eval[e] = task.episode(episodeSteps, er);
        }
        SplittableRandom ar = new SplittableRandom(adaptSeed);
        double[] curve = new double[steps + 1];
        double[] theta = start.clone();
        for (int s = 0; s <= steps; s++) {
            double loss = 0;
            for (double[] episode : eval) {
                loss += LinearPolicy.loss(theta, episode);
            }
            curve[s] = loss / evalEpisodes;
            if (s < steps) {
                theta = adapt(theta, task, 1, ar);
            }
        }
        return curve;
    }
}
