package io.amcp.ai.research.qubo;

import java.util.SplittableRandom;

/**
 * Simulated quantum annealing by path-integral Monte Carlo (R. Martonak, G. Santoro, E. Tosatti,
 * "Quantum annealing by the path-integral Monte Carlo method: the two-dimensional random Ising
 * model", Phys. Rev. B 66, 094203, 2002). The transverse-field Ising model at temperature {@code T}
 * is mapped by the Suzuki-Trotter decomposition onto {@code P} coupled classical replicas of the
 * problem: the effective energy is {@code sum_k E(x^k) - J sum_k sum_i s_i^k s_i^(k+1)} (spins
 * {@code s = 2x - 1}, periodic in {@code k}) at temperature {@code P T}, with the inter-replica
 * coupling {@code J = -(P T / 2) ln tanh(Gamma / (P T))}. The transverse field {@code Gamma} falls
 * linearly from {@code gammaStart} to {@code gammaEnd}; as it falls {@code J} grows and the replicas
 * align. Each sweep tries one Metropolis flip per variable per replica. The answer is the
 * lowest-energy replica state seen.
 *
 * <p>Temperature and fields are in units of the QUBO's scale (its cardinality penalty), so one
 * setting works for problems of any magnitude.
 *
 * @param replicas    Trotter slices P, at least 2
 * @param sweeps      Monte Carlo sweeps, at least 1
 * @param temperature T relative to the QUBO's scale, positive
 * @param gammaStart  initial transverse field relative to the scale, positive
 * @param gammaEnd    final transverse field relative to the scale, positive, at most gammaStart
 * @param seed        random seed
 */
public record SimulatedQuantumAnnealing(int replicas, int sweeps, double temperature, double gammaStart,
        double gammaEnd, long seed) {

    public SimulatedQuantumAnnealing {
        if (replicas < 2) {
            throw new IllegalArgumentException("replicas: must be at least 2, was " + replicas);
        }
        if (sweeps < 1) {
            throw new IllegalArgumentException("sweeps: must be at least 1, was " + sweeps);
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature: must be positive, was " + temperature);
        }
        if (!(gammaStart > 0) || !(gammaEnd > 0) || gammaEnd > gammaStart) {
            throw new IllegalArgumentException("gammaEnd: must be in (0, gammaStart], was " + gammaEnd
                    + " with gammaStart " + gammaStart);
        }
    }

    /** 16 replicas, the given sweeps, T = 0.05, Gamma from 3 to 0.001 (relative), seed as given. */
    public static SimulatedQuantumAnnealing of(int sweeps, long seed) {
        return new SimulatedQuantumAnnealing(16, sweeps, 0.05, 3, 0.001, seed);
    }

    /** Anneals {@code qubo} and returns the best selection seen. */
    public Selection solve(PortfolioQubo qubo) {
        int n = qubo.size();
        double scale = qubo.scale();
        double pt = replicas * temperature * scale;
        SplittableRandom random = new SplittableRandom(seed);
        boolean[][] x = new boolean[replicas][n];
        double[][] field = new double[replicas][n];
        double[] energy = new double[replicas];
        for (int k = 0; k < replicas; k++) {
            for (int i = 0; i < n; i++) {
                x[k][i] = random.nextBoolean();
            }
            energy[k] = qubo.energy(x[k]);
            for (int i = 0; i < n; i++) {
                double f = 0;
                for (int j = 0; j < n; j++) {
                    if (j != i && x[k][j]) {
                        f += qubo.coefficient(i, j);
                    }
                }
                field[k][i] = f;
            }
        }
        boolean[] best = x[0].clone();
        double bestEnergy = energy[0];
        long flips = 0;
        for (int sweep = 0; sweep < sweeps; sweep++) {
            double progress = sweeps == 1 ? 1 : (double) sweep / (sweeps - 1);
            double gamma = (gammaStart + (gammaEnd - gammaStart) * progress) * scale;
            double coupling = -0.5 * pt * Math.log(Math.tanh(gamma / pt));
            for (int k = 0; k < replicas; k++) {
                boolean[] up = x[(k + 1) % replicas];
                boolean[] down = x[(k + replicas - 1) % replicas];
                for (int i = 0; i < n; i++) {
                    flips++;
                    double problem = qubo.flipDelta(x[k][i], i, field[k][i]);
                    int s = x[k][i] ? 1 : -1;
                    int neighbours = (up[i] ? 1 : -1) + (down[i] ? 1 : -1);
                    double delta = problem + 2 * coupling * s * neighbours;
                    if (delta <= 0 || random.nextDouble() < Math.exp(-delta / pt)) {
                        x[k][i] = !x[k][i];
                        energy[k] += problem;
                        qubo.updateFields(field[k], i, x[k][i]);
                        if (energy[k] < bestEnergy - 1e-15) {
                            bestEnergy = energy[k];
                            best = x[k].clone();
                        }
                    }
                }
            }
        }
        return new Selection(best, qubo.energy(best), flips);
    }
}
