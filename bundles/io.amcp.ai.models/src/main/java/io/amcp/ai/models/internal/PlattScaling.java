package io.amcp.ai.models.internal;

/**
 * Platt's sigmoid {@code P(y = +1 | f) = 1 / (1 + exp(A f + B))} fitted to decision values by
 * maximum likelihood with Platt's regularised targets {@code (N+ + 1) / (N+ + 2)} and
 * {@code 1 / (N- + 2)} (J. C. Platt, "Probabilistic outputs for support vector machines and
 * comparisons to regularized likelihood methods", Advances in Large Margin Classifiers, 1999), solved
 * by the Newton method with backtracking of H.-T. Lin, C.-J. Lin and R. C. Weng, "A note on Platt's
 * probabilistic outputs for support vector machines", Machine Learning 68, 2007 (their algorithm 1).
 */
public final class PlattScaling {

    private PlattScaling() {
    }

    /** Fits {A, B} to decision values and labels in {-1, +1}. */
    public static double[] fit(double[] decision, double[] y) {
        int n = decision.length;
        double prior1 = 0;
        for (double v : y) {
            if (v > 0) {
                prior1++;
            }
        }
        double prior0 = n - prior1;
        double hiTarget = (prior1 + 1) / (prior1 + 2);
        double loTarget = 1 / (prior0 + 2);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = y[i] > 0 ? hiTarget : loTarget;
        }
        double a = 0;
        double b = Math.log((prior0 + 1) / (prior1 + 1));
        double fval = objective(decision, t, a, b);
        for (int iter = 0; iter < 100; iter++) {
            double h11 = 1e-12;
            double h22 = 1e-12;
            double h21 = 0;
            double g1 = 0;
            double g2 = 0;
            for (int i = 0; i < n; i++) {
                double fApB = decision[i] * a + b;
                double p;
                double q;
                if (fApB >= 0) {
                    p = Math.exp(-fApB) / (1 + Math.exp(-fApB));
                    q = 1 / (1 + Math.exp(-fApB));
                } else {
                    p = 1 / (1 + Math.exp(fApB));
                    q = Math.exp(fApB) / (1 + Math.exp(fApB));
                }
                double d2 = p * q;
                h11 += decision[i] * decision[i] * d2;
                h22 += d2;
                h21 += decision[i] * d2;
                double d1 = t[i] - p;
                g1 += decision[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double dA = -(h22 * g1 - h21 * g2) / det;
            double dB = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * dA + g2 * dB;
            double step = 1;
            while (step >= 1e-10) {
                double newA = a + step * dA;
                double newB = b + step * dB;
                double newF = objective(decision, t, newA, newB);
                if (newF < fval + 1e-4 * step * gd) {
                    a = newA;
                    b = newB;
                    fval = newF;
                    break;
                }
                step /= 2;
            }
            if (step < 1e-10) {
                break;
            }
        }
        return new double[] {a, b};
    }

    /** {@code P(y = +1 | f)} for the fitted {A, B}. */
    public static double probability(double f, double a, double b) {
        double fApB = f * a + b;
        return fApB >= 0 ? Math.exp(-fApB) / (1 + Math.exp(-fApB)) : 1 / (1 + Math.exp(fApB));
    }

    private static double objective(double[] decision, double[] t, double a, double b) {
        double f = 0;
        for (int i = 0; i < decision.length; i++) {
            double fApB = decision[i] * a + b;
            f += fApB >= 0 ? t[i] * fApB + Math.log1p(Math.exp(-fApB)) : (t[i] - 1) * fApB + Math.log1p(Math.exp(fApB));
        }
        return f;
    }
}
