package io.amcp.risk.internal;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Simulated one-day portfolio P&L under correlated asset returns {@code r = s L z}: {@code L} the
 * lower Cholesky factor of the covariance, {@code z} independent standard normals, {@code s = 1}
 * for normal innovations or {@code sqrt((ν - 2) / W)}, {@code W ~ χ²(ν)}, for a multivariate
 * Student-t with the same covariance. Each path is revalued to second order,
 * {@code P&L = Σ_i e_i r_i + ½ g_i r_i²}.
 *
 * <p>Paths are cut into fixed chunks, each with its own {@link SplittableRandom} split from the seed
 * in chunk order, so the result depends on the seed only, never on how many threads ran it. Within a
 * chunk, blocks of {@value #BLOCK} paths are stored asset-major so that the inner loops run over
 * contiguous primitive arrays; nothing is allocated per path.
 */
public final class MonteCarloSimulation {

    /** Paths per chunk: the unit of parallel work and of seeding. */
    public static final int CHUNK = 4096;
    /** Paths per block inside a chunk. */
    public static final int BLOCK = 256;

    private MonteCarloSimulation() {
    }

    /**
     * P&L of each path.
     *
     * @param lower            lower Cholesky factor, row-major {@code n x n}
     * @param n                number of assets
     * @param delta            dollar delta exposure per asset
     * @param gamma            dollar gamma {@code q m Γ S²} per asset
     * @param paths            number of paths
     * @param seed             seed of the random streams
     * @param degreesOfFreedom {@code Double.POSITIVE_INFINITY} for normal innovations, else Student-t ν
     * @param parallel         whether to spread chunks over the common fork-join pool
     * @return one P&L per path
     */
    public static double[] simulate(double[] lower, int n, double[] delta, double[] gamma, int paths, long seed,
            double degreesOfFreedom, boolean parallel) {
        if (paths < 1) {
            throw new IllegalArgumentException("paths: must be positive, was " + paths);
        }
        int chunks = (paths + CHUNK - 1) / CHUNK;
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[chunks];
        for (int c = 0; c < chunks; c++) {
            streams[c] = root.split();
        }
        double[] pnl = new double[paths];
        int[] active = activeAssets(delta, gamma);
        IntStream range = IntStream.range(0, chunks);
        (parallel ? range.parallel() : range).forEach(c -> {
            int from = c * CHUNK;
            int to = Math.min(paths, from + CHUNK);
            simulateChunk(lower, n, delta, gamma, active, degreesOfFreedom, new ZigguratNormal(streams[c]), pnl, from,
                    to);
        });
        return pnl;
    }

    private static int[] activeAssets(double[] delta, double[] gamma) {
        return IntStream.range(0, delta.length).filter(i -> delta[i] != 0.0 || gamma[i] != 0.0).toArray();
    }

    private static void simulateChunk(double[] lower, int n, double[] delta, double[] gamma, int[] active,
            double degreesOfFreedom, ZigguratNormal normal, double[] pnl, int from, int to) {
        boolean normalInnovations = degreesOfFreedom == Double.POSITIVE_INFINITY;
        int lastActive = active.length == 0 ? -1 : active[active.length - 1];
        double[] z = new double[(lastActive + 1) * BLOCK];
        double[] r = new double[BLOCK];
        double[] scale = new double[BLOCK];
        for (int start = from; start < to; start += BLOCK) {
            int len = Math.min(BLOCK, to - start);
            // only assets up to the last exposed one enter r = L z (L is lower triangular)
            for (int j = 0; j <= lastActive; j++) {
                normal.fill(z, j * BLOCK, j * BLOCK + len);
            }
            if (!normalInnovations) {
                for (int p = 0; p < len; p++) {
                    scale[p] = Math.sqrt((degreesOfFreedom - 2.0) / normal.chiSquare(degreesOfFreedom));
                }
            }
            for (int i : active) {
                Arrays.fill(r, 0, len, 0.0);
                int row = i * n;
                for (int j = 0; j <= i; j++) {
                    double lij = lower[row + j];
                    if (lij == 0.0) {
                        continue;
                    }
                    int offset = j * BLOCK;
                    for (int p = 0; p < len; p++) {
                        r[p] += lij * z[offset + p];
                    }
                }
                double e = delta[i];
                double halfGamma = 0.5 * gamma[i];
                if (normalInnovations) {
                    for (int p = 0; p < len; p++) {
                        double x = r[p];
                        pnl[start + p] += x * (e + halfGamma * x);
                    }
                } else {
                    for (int p = 0; p < len; p++) {
                        double x = r[p] * scale[p];
                        pnl[start + p] += x * (e + halfGamma * x);
                    }
                }
            }
        }
    }
}
