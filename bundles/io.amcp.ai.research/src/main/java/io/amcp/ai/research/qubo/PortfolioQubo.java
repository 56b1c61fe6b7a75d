package io.amcp.ai.research.qubo;

import java.util.Objects;

/**
 * Portfolio selection as a quadratic unconstrained binary optimisation: with {@code x_i = 1} when
 * asset {@code i} is held (equal weights {@code 1/K} among the held assets), minimise
 * <pre>
 *   E(x) = -(1/K) sum_i mu_i x_i + (lambda/K^2) sum_ij sigma_ij x_i x_j + P (sum_i x_i - K)^2
 * </pre>
 * i.e. maximise the expected return minus {@code lambda} times the variance of the equal-weight
 * portfolio, with a cardinality penalty {@code P}. Stored as a symmetric matrix {@code Q} with
 * {@code E(x) = sum_ij Q_ij x_i x_j + P K^2}.
 */
public final class PortfolioQubo {

    private final double[][] q;
    private final double offset;
    private final int cardinality;
    private final double penalty;

    private PortfolioQubo(double[][] q, double offset, int cardinality, double penalty) {
        this.q = q;
        this.offset = offset;
        this.cardinality = cardinality;
        this.penalty = penalty;
    }

    /**
     * The QUBO of a selection problem with the default penalty: twice the largest change one asset
     * can make to the objective without the penalty, so no state of the wrong cardinality beats the
     * best state of the right one.
     *
     * @param mu         expected return of each asset per period
     * @param covariance covariance matrix of the returns, N x N, symmetric
     * @param k          assets to choose, in [1, N]
     * @param lambda     risk aversion, not negative
     * @throws IllegalArgumentException naming the field at fault
     */
    public static PortfolioQubo of(double[] mu, double[][] covariance, int k, double lambda) {
        Objects.requireNonNull(mu, "mu");
        Objects.requireNonNull(covariance, "covariance");
        int n = mu.length;
        if (n < 1) {
            throw new IllegalArgumentException("mu: no assets");
        }
        double bound = 0;
        for (int i = 0; i < n; i++) {
            if (covariance[i] == null || covariance[i].length != n) {
                throw new IllegalArgumentException("covariance: row " + i + " is not of length " + n);
            }
            double row = 0;
            for (int j = 0; j < n; j++) {
                row += Math.abs(covariance[i][j]);
            }
            bound = Math.max(bound, Math.abs(mu[i]) / Math.max(1, k) + 2 * lambda * row / ((double) k * k));
        }
        return of(mu, covariance, k, lambda, 2 * bound + 1e-12);
    }

    /**
     * The QUBO of a selection problem with an explicit cardinality penalty.
     *
     * @throws IllegalArgumentException naming the field at fault
     */
    public static PortfolioQubo of(double[] mu, double[][] covariance, int k, double lambda, double penalty) {
        int n = mu.length;
        if (covariance.length != n) {
            throw new IllegalArgumentException("covariance: " + covariance.length + " rows for " + n + " assets");
        }
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k: must be in [1, " + n + "], was " + k);
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda: must be finite and not negative, was " + lambda);
        }
        if (!(penalty > 0) || Double.isInfinite(penalty)) {
            throw new IllegalArgumentException("penalty: must be finite and positive, was " + penalty);
        }
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(mu[i])) {
                throw new IllegalArgumentException("mu: not finite at " + i);
            }
            for (int j = 0; j < n; j++) {
                double s = covariance[i][j];
                if (!Double.isFinite(s) || Math.abs(s - covariance[j][i]) > 1e-12 * (1 + Math.abs(s))) {
                    throw new IllegalArgumentException("covariance: not finite or not symmetric at " + i + "," + j);
                }
                q[i][j] = lambda * s / ((double) k * k) + penalty;
            }
            q[i][i] += -2 * penalty * k - mu[i] / k;
        }
        return new PortfolioQubo(q, penalty * k * k, k, penalty);
    }

    /** Number of assets (binary variables). */
    public int size() {
        return q.length;
    }

    public int cardinality() {
        return cardinality;
    }

    public double penalty() {
        return penalty;
    }

    /** {@code Q[i][j]}. */
    public double coefficient(int i, int j) {
        return q[i][j];
    }

    /** The energy of a selection. */
    public double energy(boolean[] x) {
        if (x.length != q.length) {
            throw new IllegalArgumentException("x: " + x.length + " variables, the QUBO has " + q.length);
        }
        double e = offset;
        for (int i = 0; i < q.length; i++) {
            if (!x[i]) {
                continue;
            }
            for (int j = 0; j < q.length; j++) {
                if (x[j]) {
                    e += q[i][j];
                }
            }
        }
        return e;
    }

    /** Change of the energy when {@code x_i} flips, given {@code field_i = sum_{j != i} Q_ij x_j}. */
    double flipDelta(boolean xi, int i, double field) {
        double d = xi ? -1 : 1;
        return d * (q[i][i] + 2 * field);
    }

    /** Adds {@code Q_ji * sign} to every {@code field_j}, j != i: the fields after {@code x_i} flips. */
    void updateFields(double[] field, int i, boolean nowSet) {
        double sign = nowSet ? 1 : -1;
        for (int j = 0; j < q.length; j++) {
            if (j != i) {
                field[j] += sign * q[j][i];
            }
        }
    }

    /** The scale of the energy landscape: the penalty, about twice the largest single-asset effect. */
    double scale() {
        return penalty;
    }
}
