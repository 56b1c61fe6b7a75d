package io.amcp.ai.research.gan;

import java.util.Arrays;

/**
 * Stylised facts of returns (R. Cont, "Empirical properties of asset returns: stylized facts and
 * statistical issues", Quantitative Finance 1, 2001), by their textbook formulas. Window statistics
 * pool all windows: each window is a separate path, and lagged pairs never cross a window's end.
 */
public final class StylisedFacts {

    private StylisedFacts() {
    }

    /** Kurtosis {@code m4 / m2^2} with population moments (3 for a normal distribution). */
    public static double kurtosis(double[] x) {
        double mean = Arrays.stream(x).average().orElseThrow();
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = (v - mean) * (v - mean);
            m2 += d;
            m4 += d * d;
        }
        m2 /= x.length;
        m4 /= x.length;
        return m4 / (m2 * m2);
    }

    /** Sample autocorrelation at {@code lag}: {@code sum (x_t - m)(x_(t+lag) - m) / sum (x_t - m)^2}. */
    public static double autocorrelation(double[] x, int lag) {
        return pooledAutocorrelation(new double[][] {x}, lag, false);
    }

    /**
     * Autocorrelation at {@code lag} pooled over windows, of the values or ({@code absolute}) of their
     * absolute values; the mean and variance are those of all values together.
     */
    public static double pooledAutocorrelation(double[][] windows, int lag, boolean absolute) {
        double sum = 0;
        long n = 0;
        for (double[] w : windows) {
            for (double v : w) {
                sum += absolute ? Math.abs(v) : v;
                n++;
            }
        }
        double mean = sum / n;
        double c0 = 0;
        double c = 0;
        for (double[] w : windows) {
            for (int t = 0; t < w.length; t++) {
                double a = (absolute ? Math.abs(w[t]) : w[t]) - mean;
                c0 += a * a;
                if (t + lag < w.length) {
                    c += a * ((absolute ? Math.abs(w[t + lag]) : w[t + lag]) - mean);
                }
            }
        }
        return c / c0;
    }

    /** Mean of the pooled autocorrelations of absolute values at lags 1 to {@code maxLag}: volatility clustering. */
    public static double volatilityClustering(double[][] windows, int maxLag) {
        double s = 0;
        for (int lag = 1; lag <= maxLag; lag++) {
            s += pooledAutocorrelation(windows, lag, true);
        }
        return s / maxLag;
    }

    /** Two-sample Kolmogorov-Smirnov statistic: the largest gap between the empirical distribution functions. */
    public static double ksDistance(double[] a, double[] b) {
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] <= v) {
                i++;
            }
            while (j < y.length && y[j] <= v) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }

    /** All values of the windows, concatenated. */
    public static double[] flatten(double[][] windows) {
        return Arrays.stream(windows).flatMapToDouble(Arrays::stream).toArray();
    }
}
