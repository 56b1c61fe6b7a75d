package io.amcp.ai.research.internal;

/** Sample statistics used by the studies; each formula is the textbook one, written out. */
public final class Stats {

    private Stats() {
    }

    public static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Sample standard deviation (divisor n - 1). */
    public static double std(double[] x) {
        if (x.length < 2) {
            return 0;
        }
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    /** Annualised Sharpe ratio of per-period returns (no risk-free rate); 0 when the deviation is 0. */
    public static double sharpe(double[] returns, double periodsPerYear) {
        double sd = std(returns);
        return sd < 1e-15 ? 0 : mean(returns) / sd * Math.sqrt(periodsPerYear);
    }

    /** Compounded return of per-period simple returns. */
    public static double compounded(double[] returns) {
        double g = 1;
        for (double r : returns) {
            g *= 1 + r;
        }
        return g - 1;
    }

    /** Cumulative growth of 1 after each period. */
    public static double[] equity(double[] returns) {
        double[] out = new double[returns.length + 1];
        out[0] = 1;
        for (int i = 0; i < returns.length; i++) {
            out[i + 1] = out[i] * (1 + returns[i]);
        }
        return out;
    }

    /** Largest peak-to-trough fall of an equity curve, as a positive fraction. */
    public static double maxDrawdown(double[] equity) {
        double peak = Double.NEGATIVE_INFINITY;
        double worst = 0;
        for (double e : equity) {
            peak = Math.max(peak, e);
            worst = Math.max(worst, 1 - e / peak);
        }
        return worst;
    }

    /** Simple returns of a price series: {@code p[t] / p[t-1] - 1}, length {@code n - 1}. */
    public static double[] simpleReturns(double[] price) {
        double[] r = new double[price.length - 1];
        for (int i = 1; i < price.length; i++) {
            r[i - 1] = price[i] / price[i - 1] - 1;
        }
        return r;
    }

    /** Log returns of a price series, length {@code n - 1}. */
    public static double[] logReturns(double[] price) {
        double[] r = new double[price.length - 1];
        for (int i = 1; i < price.length; i++) {
            r[i - 1] = Math.log(price[i] / price[i - 1]);
        }
        return r;
    }

    /** Standard normal draw by Box-Muller from a seeded stream. */
    public static double gaussian(java.util.SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
