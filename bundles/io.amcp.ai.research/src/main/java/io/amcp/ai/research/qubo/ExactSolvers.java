package io.amcp.ai.research.qubo;

/**
 * The reference solvers: exhaustive search (the exact optimum, for small N) and the greedy
 * baseline.
 */
public final class ExactSolvers {

    /** Largest problem {@link #bruteForce} accepts. */
    public static final int MAX_BRUTE_FORCE = 26;

    private ExactSolvers() {
    }

    /**
     * The exact minimum over all {@code 2^N} selections, visited in Gray-code order so each step
     * flips one variable (ties keep the first found).
     *
     * @throws IllegalArgumentException naming {@code qubo} when N exceeds {@link #MAX_BRUTE_FORCE}
     */
    public static Selection bruteForce(PortfolioQubo qubo) {
        int n = qubo.size();
        if (n > MAX_BRUTE_FORCE) {
            throw new IllegalArgumentException("qubo: " + n + " variables, brute force takes at most " + MAX_BRUTE_FORCE);
        }
        boolean[] x = new boolean[n];
        double[] field = new double[n];
        double energy = qubo.energy(x);
        boolean[] best = x.clone();
        double bestEnergy = energy;
        long states = 1L << n;
        for (long g = 1; g < states; g++) {
            int i = Long.numberOfTrailingZeros(g);
            energy += qubo.flipDelta(x[i], i, field[i]);
            x[i] = !x[i];
            qubo.updateFields(field, i, x[i]);
            if (energy < bestEnergy - 1e-15) {
                bestEnergy = energy;
                best = x.clone();
            }
        }
        return new Selection(best, qubo.energy(best), states);
    }

    /**
     * Greedy selection: K times, add the asset whose addition gives the lowest energy.
     */
    public static Selection greedy(PortfolioQubo qubo) {
        int n = qubo.size();
        boolean[] x = new boolean[n];
        long tries = 0;
        for (int step = 0; step < qubo.cardinality(); step++) {
            int bestAsset = -1;
            double bestEnergy = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (x[i]) {
                    continue;
                }
                tries++;
                x[i] = true;
                double e = qubo.energy(x);
                x[i] = false;
                if (e < bestEnergy) {
                    bestEnergy = e;
                    bestAsset = i;
                }
            }
            x[bestAsset] = true;
        }
        return new Selection(x, qubo.energy(x), tries);
    }
}
