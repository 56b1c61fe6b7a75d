package io.amcp.options.internal;

/**
 * The standard normal distribution in double precision, without allocation.
 *
 * <p>The cumulative function is Hart's 1968 algorithm 5666 as given by G. West, "Better
 * approximations to cumulative normal functions", Wilmott Magazine (2005): a rational function
 * times {@code exp(-x²/2)} for |x| &lt; 7.07 and a continued fraction beyond, accurate to about
 * 1e-15 everywhere. {@link #cdfGivenGaussian} lets a caller that already computed
 * {@code exp(-x²/2)} (for the density) reuse it, so a Black-Scholes valuation needs one exponential
 * for both N(d1) and n(d1).
 */
public final class Normal {

    /** 1 / sqrt(2 pi). */
    public static final double INV_SQRT_2PI = 0.3989422804014327;
    private static final double SQRT_2PI = 2.5066282746310002;

    private Normal() {
    }

    /** The density n(x). */
    public static double pdf(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** The cumulative distribution N(x). */
    public static double cdf(double x) {
        double a = Math.abs(x);
        if (a > 37.0) {
            return x > 0 ? 1.0 : 0.0;
        }
        return cdfGivenGaussian(x, Math.exp(-0.5 * a * a));
    }

    /**
     * N(x) when {@code gaussian = exp(-x²/2)} is already known.
     *
     * @param x        the argument
     * @param gaussian {@code exp(-x*x/2)}
     */
    public static double cdfGivenGaussian(double x, double gaussian) {
        double a = Math.abs(x);
        double tail;
        if (a > 37.0) {
            tail = 0.0;
        } else if (a < 7.07106781186547) {
            double num = 3.52624965998911E-02 * a + 0.700383064443688;
            num = num * a + 6.37396220353165;
            num = num * a + 33.912866078383;
            num = num * a + 112.079291497871;
            num = num * a + 221.213596169931;
            num = num * a + 220.206867912376;
            double den = 8.83883476483184E-02 * a + 1.75566716318264;
            den = den * a + 16.064177579207;
            den = den * a + 86.7807322029461;
            den = den * a + 296.564248779674;
            den = den * a + 637.333633378831;
            den = den * a + 793.826512519948;
            den = den * a + 440.413735824752;
            tail = gaussian * num / den;
        } else {
            double cf = a + 0.65;
            cf = a + 4.0 / cf;
            cf = a + 3.0 / cf;
            cf = a + 2.0 / cf;
            cf = a + 1.0 / cf;
            tail = gaussian / cf / SQRT_2PI;
        }
        return x > 0 ? 1.0 - tail : tail;
    }
}
