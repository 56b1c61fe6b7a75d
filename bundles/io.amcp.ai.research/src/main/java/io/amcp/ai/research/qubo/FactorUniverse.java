package io.amcp.ai.research.qubo;

import io.amcp.ai.research.internal.Stats;
import java.util.SplittableRandom;

/**
 * A seeded synthetic universe of daily asset returns from a linear factor model:
 * {@code r_it = alpha_i + beta_i f_t + gamma_i g_(sector(i),t) + e_it}, with a market factor
 * {@code f ~ N(0.0003, 0.01^2)}, four sector factors {@code g ~ N(0, 0.008^2)}, betas in
 * {@code [0.5, 1.5]}, sector loadings in {@code [0.5, 1.5]}, idiosyncratic volatilities in
 * {@code [0.005, 0.025]} and small persistent alphas {@code ~ N(0, 0.0003^2)} per day. The
 * heterogeneous, persistent risk is what a risk-aware selection can exploit out of sample; the
 * alphas are small against the noise, as in real markets.
 */
public final class FactorUniverse {

    private FactorUniverse() {
    }

    /**
     * Daily returns {@code [day][asset]}.
     *
     * @param assets number of assets, at least 1
     * @param days   number of days, at least 2
     * @param seed   random seed
     */
    public static double[][] returns(int assets, int days, long seed) {
        if (assets < 1) {
            throw new IllegalArgumentException("assets: must be at least 1, was " + assets);
        }
        if (days < 2) {
            throw new IllegalArgumentException("days: must be at least 2, was " + days);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int sectors = 4;
        double[] alpha = new double[assets];
        double[] beta = new double[assets];
        double[] gamma = new double[assets];
        double[] idio = new double[assets];
        int[] sector = new int[assets];
        for (int i = 0; i < assets; i++) {
            alpha[i] = 0.0003 * Stats.gaussian(random);
            beta[i] = 0.5 + random.nextDouble();
            gamma[i] = 0.5 + random.nextDouble();
            idio[i] = 0.005 + 0.02 * random.nextDouble();
            sector[i] = i % sectors;
        }
        double[][] r = new double[days][assets];
        double[] g = new double[sectors];
        for (int t = 0; t < days; t++) {
            double f = 0.0003 + 0.01 * Stats.gaussian(random);
            for (int s = 0; s < sectors; s++) {
                g[s] = 0.008 * Stats.gaussian(random);
            }
            for (int i = 0; i < assets; i++) {
                r[t][i] = alpha[i] + beta[i] * f + gamma[i] * g[sector[i]] + idio[i] * Stats.gaussian(random);
            }
        }
        return r;
    }

    /** Mean return of each asset over days {@code [from, to)}. */
    public static double[] mean(double[][] returns, int from, int to) {
        int n = returns[0].length;
        double[] mu = new double[n];
        for (int t = from; t < to; t++) {
            for (int i = 0; i < n; i++) {
                mu[i] += returns[t][i];
            }
        }
        for (int i = 0; i < n; i++) {
            mu[i] /= to - from;
        }
        return mu;
    }

    /** Sample covariance (divisor n - 1) of the assets over days {@code [from, to)}. */
    public static double[][] covariance(double[][] returns, int from, int to) {
        int n = returns[0].length;
        double[] mu = mean(returns, from, to);
        double[][] c = new double[n][n];
        for (int t = from; t < to; t++) {
            for (int i = 0; i < n; i++) {
                double di = returns[t][i] - mu[i];
                for (int j = 0; j <= i; j++) {
                    c[i][j] += di * (returns[t][j] - mu[j]);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                c[i][j] /= to - from - 1;
                c[j][i] = c[i][j];
            }
        }
        return c;
    }
}
