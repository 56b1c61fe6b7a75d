package io.amcp.ai.models.internal;

import java.util.SplittableRandom;

/**
 * Sequential minimal optimisation for the soft-margin SVM dual (J. C. Platt, "Sequential Minimal
 * Optimization: A Fast Algorithm for Training Support Vector Machines", Microsoft Research
 * MSR-TR-98-14, 1998): the outer loop alternates sweeps over all samples and over the non-bound ones
 * ({@code 0 < alpha < C}), each sample that violates the KKT conditions by more than {@code tolerance}
 * is paired by the second-choice heuristic (largest {@code |E1 - E2|}, then the non-bound samples,
 * then all, from random starting points), and each pair is solved analytically. The decision function
 * is {@code f(x) = sum_i alpha_i y_i K(x_i, x) + b} (Platt writes {@code - b}); errors
 * {@code E_i = f(x_i) - y_i} are cached for every sample. Where {@code eta = K11 + K22 - 2 K12} is not
 * positive (duplicate points), {@code eta} is replaced by a tiny positive value, which moves
 * {@code alpha_2} to the bound that improves the objective, as LIBSVM does (Fan, Chen and Lin, JMLR 6, 2005).
 */
public final class Smo {

    private static final double EPS = 1e-12;
    private static final double TAU = 1e-12;

    private final double[][] k;
    private final double[] y;
    private final double c;
    private final double tolerance;
    private final SplittableRandom random;
    private final double[] alpha;
    private final double[] error;
    private double b;

    private Smo(double[][] kernel, double[] y, double c, double tolerance, long seed) {
        this.k = kernel;
        this.y = y;
        this.c = c;
        this.tolerance = tolerance;
        this.random = new SplittableRandom(seed);
        this.alpha = new double[y.length];
        this.error = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            error[i] = -y[i];
        }
    }

    /** The solution: multipliers and bias. */
    public record Solution(double[] alpha, double b, int sweeps) {
    }

    /**
     * Solves the dual for a precomputed kernel matrix and labels {@code y_i} in {-1, +1}.
     *
     * @param maxSweeps most outer-loop sweeps before returning the current solution
     */
    public static Solution solve(double[][] kernel, double[] y, double c, double tolerance, int maxSweeps, long seed) {
        Smo smo = new Smo(kernel, y, c, tolerance, seed);
        int sweeps = 0;
        int changed = 0;
        boolean examineAll = true;
        while ((changed > 0 || examineAll) && sweeps < maxSweeps) {
            changed = 0;
            for (int i = 0; i < y.length; i++) {
                if (examineAll || smo.nonBound(i)) {
                    changed += smo.examine(i);
                }
            }
            if (examineAll) {
                examineAll = false;
            } else if (changed == 0) {
                examineAll = true;
            }
            sweeps++;
        }
        return new Solution(smo.alpha, smo.b, sweeps);
    }

    private boolean nonBound(int i) {
        return alpha[i] > 0 && alpha[i] < c;
    }

    private int examine(int i2) {
        double r2 = error[i2] * y[i2];
        if (!((r2 < -tolerance && alpha[i2] < c) || (r2 > tolerance && alpha[i2] > 0))) {
            return 0;
        }
        int n = y.length;
        int best = -1;
        double gap = -1;
        int nonBound = 0;
        for (int i = 0; i < n; i++) {
            if (nonBound(i)) {
                nonBound++;
                double g = Math.abs(error[i] - error[i2]);
                if (g > gap) {
                    gap = g;
                    best = i;
                }
            }
        }
        if (nonBound > 1 && takeStep(best, i2)) {
            return 1;
        }
        int start = random.nextInt(n);
        for (int j = 0; j < n; j++) {
            int i1 = (start + j) % n;
            if (nonBound(i1) && takeStep(i1, i2)) {
                return 1;
            }
        }
        start = random.nextInt(n);
        for (int j = 0; j < n; j++) {
            if (takeStep((start + j) % n, i2)) {
                return 1;
            }
        }
        return 0;
    }

    private boolean takeStep(int i1, int i2) {
        if (i1 == i2) {
            return false;
        }
        double a1 = alpha[i1];
        double a2 = alpha[i2];
        double y1 = y[i1];
        double y2 = y[i2];
        double e1 = error[i1];
        double e2 = error[i2];
        double s = y1 * y2;
        double lo = y1 != y2 ? Math.max(0, a2 - a1) : Math.max(0, a2 + a1 - c);
        double hi = y1 != y2 ? Math.min(c, c + a2 - a1) : Math.min(c, a1 + a2);
        if (lo >= hi) {
            return false;
        }
        double k11 = k[i1][i1];
        double k12 = k[i1][i2];
        double k22 = k[i2][i2];
        double eta = Math.max(k11 + k22 - 2 * k12, TAU);
        double new2 = Math.min(hi, Math.max(lo, a2 + y2 * (e1 - e2) / eta));
        if (Math.abs(new2 - a2) < EPS * (new2 + a2 + EPS)) {
            return false;
        }
        double new1 = a1 + s * (a2 - new2);
        double d1 = y1 * (new1 - a1);
        double d2 = y2 * (new2 - a2);
        double b1 = b - e1 - d1 * k11 - d2 * k12;
        double b2 = b - e2 - d1 * k12 - d2 * k22;
        double newB;
        if (new1 > 0 && new1 < c) {
            newB = b1;
        } else if (new2 > 0 && new2 < c) {
            newB = b2;
        } else {
            newB = (b1 + b2) / 2;
        }
        double db = newB - b;
        double[] row1 = k[i1];
        double[] row2 = k[i2];
        for (int i = 0; i < y.length; i++) {
            error[i] += d1 * row1[i] + d2 * row2[i] + db;
        }
        alpha[i1] = new1;
        alpha[i2] = new2;
        b = newB;
        return true;
    }
}
