package io.amcp.ai.research.qubo;

import java.util.SplittableRandom;

/**
 * Classical simulated annealing (S. Kirkpatrick, C. D. Gelatt, M. P. Vecchi, Science 220, 1983):
 * single-variable Metropolis flips with a geometric temperature schedule from {@code startTemperature}
 * to {@code endTemperature} (relative to the QUBO's scale), keeping the best state seen.
 *
 * @param sweeps           sweeps over all variables, at least 1
 * @param startTemperature initial temperature relative to the scale, positive
 * @param endTemperature   final temperature relative to the scale, in (0, startTemperature]
 * @param seed             random seed
 */
public record SimulatedAnnealing(int sweeps, double startTemperature, double endTemperature, long seed) {

    public SimulatedAnnealing {
        if (sweeps < 1) {
            throw new IllegalArgumentException("sweeps: must be at least 1, was " + sweeps);
        }
        if (!(startTemperature > 0) || !(endTemperature > 0) || endTemperature > startTemperature) {
            throw new IllegalArgumentException("endTemperature: must be in (0, startTemperature], was "
                    + endTemperature + " with startTemperature " + startTemperature);
        }
    }

    /** The given sweeps, temperature from 1 to 0.001 (relative), seed as given. */
    public static SimulatedAnnealing of(int sweeps, long seed) {
        return new SimulatedAnnealing(sweeps, 1, 0.001, seed);
    }

    /** Anneals {@code qubo} and returns the best selection seen. */
    public Selection solve(PortfolioQubo qubo) {
        int n = qubo.size();
        double scale = qubo.scale();
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] x = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextBoolean();
        }
        double[] field = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (j != i && x[j]) {
                    field[i] += qubo.coefficient(i, j);
                }
            }
        }
        double energy = qubo.energy(x);
        boolean[] best = x.clone();
        double bestEnergy = energy;
        double ratio = sweeps == 1 ? 1 : Math.pow(endTemperature / startTemperature, 1.0 / (sweeps - 1));
        double t = startTemperature * scale;
        long flips = 0;
        for (int sweep = 0; sweep < sweeps; sweep++) {
            for (int i = 0; i < n; i++) {
                flips++;
                double delta = qubo.flipDelta(x[i], i, field[i]);
                if (delta <= 0 || random.nextDouble() < Math.exp(-delta / t)) {
                    x[i] = !x[i];
                    energy += delta;
                    qubo.updateFields(field, i, x[i]);
                    if (energy < bestEnergy - 1e-15) {
                        bestEnergy = energy;
                        best = x.clone();
                    }
                }
            }
            t *= ratio;
        }
        return new Selection(best, qubo.energy(best), flips);
    }
}
