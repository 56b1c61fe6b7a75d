package io.amcp.options;

import io.amcp.options.internal.Checks;

/**
 * Cox-Ross-Rubinstein (1979) binomial tree: {@code u = exp(σ√Δt)}, {@code d = 1/u}, risk-neutral
 * up probability {@code (exp((r-q)Δt) - d) / (u - d)}, early exercise checked at every node when the
 * style is American.
 *
 * <p>Greeks come from the tree itself (Hull, "Options, Futures, and Other Derivatives", section
 * 21.2): delta and gamma from the nodes at steps 1 and 2, theta from the middle node at step 2
 * (same spot, two steps later); vega and rho by central differences of whole trees (volatility
 * ±0.01, rate ±0.0001).
 */
public final class BinomialTree {

    /** Steps used when none are given. */
    public static final int DEFAULT_STEPS = 500;
    /** Most steps accepted (the tree costs steps² operations). */
    public static final int MAX_STEPS = 50_000;

    private static final double VOL_BUMP = 0.01;
    private static final double RATE_BUMP = 1e-4;

    private BinomialTree() {
    }

    /** The value and Greeks with {@link #DEFAULT_STEPS} steps. */
    public static OptionValuation value(OptionInputs o, ExerciseStyle style) {
        return value(o, style, DEFAULT_STEPS);
    }

    /** The value and Greeks with {@code steps} steps (at least 2). */
    public static OptionValuation value(OptionInputs o, ExerciseStyle style, int steps) {
        double[] nodes = tree(o, style, checkSteps(steps), true);
        double price = nodes[0];
        double dt = o.years() / steps;
        double u = Math.exp(o.volatility() * Math.sqrt(dt));
        double d = 1.0 / u;
        double s = o.spot();
        double delta = (nodes[2] - nodes[1]) / (s * u - s * d);
        double deltaUp = (nodes[5] - nodes[4]) / (s * u * u - s);
        double deltaDown = (nodes[4] - nodes[3]) / (s - s * d * d);
        double gamma = (deltaUp - deltaDown) / (0.5 * (s * u * u - s * d * d));
        double theta = (nodes[4] - price) / (2.0 * dt);
        double vega = volBumped(o, style, steps);
        double rho = (price(o.withRate(o.rate() + RATE_BUMP), style, steps)
                - price(o.withRate(o.rate() - RATE_BUMP), style, steps)) / (2.0 * RATE_BUMP);
        return new OptionValuation(price, delta, gamma, vega, theta, rho);
    }

    /** The value only, with {@code steps} steps (at least 2). */
    public static double price(OptionInputs o, ExerciseStyle style, int steps) {
        return tree(o, style, checkSteps(steps), false)[0];
    }

    private static double volBumped(OptionInputs o, ExerciseStyle style, int steps) {
        double h = Math.min(VOL_BUMP, 0.5 * o.volatility());
        return (price(o.withVolatility(o.volatility() + h), style, steps)
                - price(o.withVolatility(o.volatility() - h), style, steps)) / (2.0 * h);
    }

    private static int checkSteps(int steps) {
        if (steps < 2 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("steps: must be between 2 and " + MAX_STEPS + ", was " + steps);
        }
        return steps;
    }

    /**
     * Rolls the tree back; returns the root value in [0] and, when asked, the step-1 values in [1..2]
     * (down, up) and the step-2 values in [3..5] (down-down, middle, up-up).
     */
    private static double[] tree(OptionInputs o, ExerciseStyle style, int steps, boolean keepEarlyNodes) {
        Checks.present("style", style);
        double dt = o.years() / steps;
        double u = Math.exp(o.volatility() * Math.sqrt(dt));
        double d = 1.0 / u;
        double growth = Math.exp((o.rate() - o.dividendYield()) * dt);
        double p = (growth - d) / (u - d);
        if (!(p > 0.0 && p < 1.0)) {
            throw new IllegalArgumentException("steps: " + steps + " steps give an up probability of " + p
                    + " outside (0, 1) for this volatility and carry; use more steps");
        }
        double disc = Math.exp(-o.rate() * dt);
        double pu = disc * p;
        double pd = disc * (1.0 - p);
        int sign = o.type().sign();
        double strike = o.strike();
        boolean american = style == ExerciseStyle.AMERICAN;
        double[] v = new double[steps + 1];
        double u2 = u * u;
        double sj = o.spot() * Math.pow(d, steps);
        for (int j = 0; j <= steps; j++) {
            v[j] = Math.max(0.0, sign * (sj - strike));
            sj *= u2;
        }
        double[] out = new double[6];
        for (int n = steps - 1; n >= 0; n--) {
            double sNode = o.spot() * Math.pow(d, n);
            for (int j = 0; j <= n; j++) {
                double cont = pd * v[j] + pu * v[j + 1];
                v[j] = american ? Math.max(cont, sign * (sNode - strike)) : cont;
                sNode *= u2;
            }
            if (keepEarlyNodes && n == 2) {
                out[3] = v[0];
                out[4] = v[1];
                out[5] = v[2];
            } else if (keepEarlyNodes && n == 1) {
                out[1] = v[0];
                out[2] = v[1];
            }
        }
        out[0] = v[0];
        return out;
    }
}
