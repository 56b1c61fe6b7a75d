package io.amcp.ai.research.metarl;

/**
 * A linear trading policy: the position held over step {@code t+1} is
 * {@code a_t = tanh(theta . f_t)} in [-1, 1], with features known at {@code t}:
 * {@code f_t = (1, r_t / 0.01, (r_(t-4) + ... + r_t) / 0.01)} (a bias, the last return and the
 * five-step return, in units of 1%). The episode loss is minus the mean per-step profit in units of
 * 1%, {@code L = -(1/T) sum_t a_t r_(t+1) / 0.01}, differentiable in {@code theta}: direct return
 * maximisation by gradient descent.
 */
public final class LinearPolicy {

    /** Number of parameters. */
    public static final int SIZE = 3;
    private static final double UNIT = 0.01;

    private LinearPolicy() {
    }

    /** Features at step {@code t} of a return path. */
    static double[] features(double[] r, int t) {
        double five = 0;
        for (int i = Math.max(0, t - 4); i <= t; i++) {
            five += r[i];
        }
        return new double[] {1, r[t] / UNIT, five / UNIT};
    }

    /** The episode loss of {@code theta} on a return path. */
    public static double loss(double[] theta, double[] r) {
        double profit = 0;
        for (int t = 0; t < r.length - 1; t++) {
            profit += position(theta, features(r, t)) * r[t + 1];
        }
        return -profit / (r.length - 1) / UNIT;
    }

    /** The gradient of {@link #loss} with respect to {@code theta}. */
    public static double[] gradient(double[] theta, double[] r) {
        double[] g = new double[SIZE];
        for (int t = 0; t < r.length - 1; t++) {
            double[] f = features(r, t);
            double a = position(theta, f);
            double d = -(1 - a * a) * r[t + 1] / (r.length - 1) / UNIT;
            for (int j = 0; j < SIZE; j++) {
                g[j] += d * f[j];
            }
        }
        return g;
    }

    private static double position(double[] theta, double[] f) {
        double s = 0;
        for (int j = 0; j < SIZE; j++) {
            s += theta[j] * f[j];
        }
        return Math.tanh(s);
    }
}
