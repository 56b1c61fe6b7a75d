package io.amcp.portfolio.internal;

/**
 * Risk budgeting by Newton's method on Spinu's (2013) strictly convex problem
 * {@code f(x) = 1/2 x' Sigma x - sum b_i ln x_i} over {@code x > 0}, whose minimiser satisfies
 * {@code x_i (Sigma x)_i = b_i}; normalising gives weights with risk contributions proportional to b.
 */
final class RiskParity {

    private static final int MAX_ITERATIONS = 200;

    private RiskParity() {
    }

    static double[] weights(double[][] covariance, double[] budgets) {
        int n = budgets.length;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sqrt(budgets[i]) / Math.sqrt(covariance[i][i]);
        }
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] sigmaX = LinearAlgebra.multiply(covariance, x);
            double[] gradient = new double[n];
            double[][] hessian = new double[n][];
            double gradientNorm = 0;
            for (int i = 0; i < n; i++) {
                gradient[i] = sigmaX[i] - budgets[i] / x[i];
                gradientNorm = Math.max(gradientNorm, Math.abs(gradient[i] * x[i]));
                hessian[i] = covariance[i].clone();
                hessian[i][i] += budgets[i] / (x[i] * x[i]);
            }
            if (gradientNorm < 1e-15) {
                break;
            }
            double[] step = LinearAlgebra.solve(hessian, gradient);
            double t = 1;
            for (int i = 0; i < n; i++) {
                if (step[i] > 0) {
                    t = Math.min(t, 0.95 * x[i] / step[i]);
                }
            }
            double f0 = objective(covariance, budgets, x);
            double slope = 0;
            for (int i = 0; i < n; i++) {
                slope -= gradient[i] * step[i];
            }
            double[] next = new double[n];
            while (true) {
                for (int i = 0; i < n; i++) {
                    next[i] = x[i] - t * step[i];
                }
                if (objective(covariance, budgets, next) <= f0 + 1e-4 * t * slope || t < 1e-12) {
                    break;
                }
                t /= 2;
            }
            System.arraycopy(next, 0, x, 0, n);
        }
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        for (int i = 0; i < n; i++) {
            x[i] /= sum;
        }
        return x;
    }

    private static double objective(double[][] covariance, double[] budgets, double[] x) {
        double[] sigmaX = LinearAlgebra.multiply(covariance, x);
        double f = 0;
        for (int i = 0; i < x.length; i++) {
            f += 0.5 * x[i] * sigmaX[i] - budgets[i] * Math.log(x[i]);
        }
        return f;
    }
}
