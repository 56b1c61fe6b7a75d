package io.amcp.portfolio.internal;

/** Covariance estimators over a {@code returns[period][asset]} matrix. */
public final class CovarianceEstimation {

    private CovarianceEstimation() {
    }

    /** Unbiased sample covariance. */
    public static double[][] sample(double[][] returns) {
        double[][] centred = centred(returns);
        double[][] cov = crossProduct(centred);
        scale(cov, 1.0 / (returns.length - 1));
        return cov;
    }

    /**
     * Ledoit-Wolf shrinkage of the maximum-likelihood covariance S towards {@code mu I},
     * {@code mu = trace(S)/N}: intensity {@code min(beta, delta)/delta} with
     * {@code delta = ||S - mu I||^2 / N} and {@code beta = sum_t ||x_t x_t' - S||^2 / (N T^2)}.
     */
    public static double[][] ledoitWolf(double[][] returns) {
        int periods = returns.length;
        int n = returns[0].length;
        double[][] x = centred(returns);
        double[][] s = crossProduct(x);
        scale(s, 1.0 / periods);
        double mu = 0;
        for (int i = 0; i < n; i++) {
            mu += s[i][i];
        }
        mu /= n;
        double delta = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = s[i][j] - (i == j ? mu : 0);
                delta += d * d;
            }
        }
        delta /= n;
        double beta = 0;
        for (double[] row : x) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double d = row[i] * row[j] - s[i][j];
                    beta += d * d;
                }
            }
        }
        beta /= (double) n * periods * periods;
        double shrinkage = delta == 0 ? 0 : Math.min(beta, delta) / delta;
        double[][] shrunk = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                shrunk[i][j] = (1 - shrinkage) * s[i][j] + (i == j ? shrinkage * mu : 0);
            }
        }
        return shrunk;
    }

    private static double[][] centred(double[][] returns) {
        int n = returns[0].length;
        double[] mean = new double[n];
        for (double[] row : returns) {
            for (int i = 0; i < n; i++) {
                mean[i] += row[i] / returns.length;
            }
        }
        double[][] x = new double[returns.length][n];
        for (int t = 0; t < returns.length; t++) {
            for (int i = 0; i < n; i++) {
                x[t][i] = returns[t][i] - mean[i];
            }
        }
        return x;
    }

    private static double[][] crossProduct(double[][] x) {
        int n = x[0].length;
        double[][] p = new double[n][n];
        for (double[] row : x) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    p[i][j] += row[i] * row[j];
                }
            }
        }
        return p;
    }

    private static void scale(double[][] m, double factor) {
        for (double[] row : m) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= factor;
            }
        }
    }
}
