package io.amcp.options;

import io.amcp.options.internal.Checks;

/**
 * Implied volatility: the volatility at which a model reproduces a price. The price is first checked
 * against the model-free no-arbitrage bounds (a clear error names {@code price} when it lies outside
 * them); the root is then bracketed between a tiny and a large volatility and found with Brent's
 * method (inverse quadratic interpolation safeguarded by bisection), which cannot diverge at the
 * wings where vega vanishes and Newton's method fails.
 */
public final class ImpliedVolatility {

    /** Lowest volatility tried. */
    public static final double MIN_VOLATILITY = 1e-4;
    /** Highest volatility tried (1000%). */
    public static final double MAX_VOLATILITY = 10.0;
    private static final double VOL_TOLERANCE = 1e-12;
    private static final int MAX_ITERATIONS = 200;

    private ImpliedVolatility() {
    }

    /**
     * Lower and upper no-arbitrage bounds of a price.
     *
     * @param lower the price may not be at or below this
     * @param upper the price may not be at or above this
     */
    public record Bounds(double lower, double upper) {

        /** Bounds from their two ends. */
        public static Bounds of(double lower, double upper) {
            return new Bounds(lower, upper);
        }
    }

    /** The no-arbitrage bounds of the price of {@code o} under {@code model} (its volatility is not used). */
    public static Bounds bounds(PricingModel model, OptionInputs o) {
        Checks.present("model", model);
        double discount = Math.exp(-o.rate() * o.years());
        double underlying = model == PricingModel.BLACK_76 ? o.spot() * discount : o.spot() * Math.exp(-o.dividendYield() * o.years());
        double strike = o.strike() * discount;
        boolean american = model.exerciseStyle() == ExerciseStyle.AMERICAN;
        if (o.type() == OptionType.CALL) {
            double lower = Math.max(0.0, underlying - strike);
            return american ? new Bounds(Math.max(lower, o.spot() - o.strike()), o.spot()) : new Bounds(lower, underlying);
        }
        double lower = Math.max(0.0, strike - underlying);
        return american ? new Bounds(Math.max(lower, o.strike() - o.spot()), o.strike()) : new Bounds(lower, strike);
    }

    /** The implied volatility under {@code model} (trees with {@link BinomialTree#DEFAULT_STEPS} steps). */
    public static double solve(double price, PricingModel model, OptionInputs o) {
        return solve(price, model, o, BinomialTree.DEFAULT_STEPS);
    }

    /**
     * The volatility at which {@code model} values {@code o} at {@code price}.
     *
     * @param price observed option price, strictly inside {@link #bounds}
     * @param model the model to invert
     * @param o     the option; its volatility is ignored
     * @param steps tree steps for {@link PricingModel#BINOMIAL_CRR}
     * @throws IllegalArgumentException naming {@code price} when no volatility reproduces it
     */
    public static double solve(double price, PricingModel model, OptionInputs o, int steps) {
        Checks.finite("price", price);
        Checks.present("inputs", o);
        Bounds b = bounds(model, o);
        if (!(price > b.lower() && price < b.upper())) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "price: %s is outside the no-arbitrage bounds (%.10g, %.10g) of this %s %s; no volatility reproduces it",
                    price, b.lower(), b.upper(), model.exerciseStyle().name().toLowerCase(java.util.Locale.ROOT),
                    o.type().name().toLowerCase(java.util.Locale.ROOT)));
        }
        double lo = MIN_VOLATILITY;
        if (model == PricingModel.BINOMIAL_CRR) {
            // the tree's up probability stays inside (0, 1) only while vol > |r - q| * sqrt(dt)
            lo = Math.max(lo, 1.5 * Math.abs(o.rate() - o.dividendYield()) * Math.sqrt(o.years() / steps));
        }
        double flo = OptionPricer.price(model, o.withVolatility(lo), steps) - price;
        if (flo > 0) {
            throw new IllegalArgumentException("price: " + price + " is below the model value at volatility " + lo
                    + " (" + (flo + price) + "); it is too close to intrinsic value to imply a volatility");
        }
        if (flo == 0) {
            return lo;
        }
        double hi = 1.0;
        double fhi = OptionPricer.price(model, o.withVolatility(hi), steps) - price;
        while (fhi < 0 && hi < MAX_VOLATILITY) {
            lo = hi;
            flo = fhi;
            hi = Math.min(MAX_VOLATILITY, hi * 2);
            fhi = OptionPricer.price(model, o.withVolatility(hi), steps) - price;
        }
        if (fhi < 0) {
            throw new IllegalArgumentException("price: " + price + " needs a volatility above " + MAX_VOLATILITY);
        }
        return brent(model, o, steps, price, lo, flo, hi, fhi);
    }

    private static double brent(PricingModel model, OptionInputs o, int steps, double target, double a, double fa, double b,
            double fb) {
        double c = a;
        double fc = fa;
        double d = b - a;
        double e = d;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            if (fb * fc > 0) {
                c = a;
                fc = fa;
                d = b - a;
                e = d;
            }
            if (Math.abs(fc) < Math.abs(fb)) {
                a = b;
                b = c;
                c = a;
                fa = fb;
                fb = fc;
                fc = fa;
            }
            double tol = 2 * Math.ulp(b) + 0.5 * VOL_TOLERANCE;
            double m = 0.5 * (c - b);
            if (Math.abs(m) <= tol || fb == 0) {
                return b;
            }
            if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
                double s = fb / fa;
                double p;
                double q;
                if (a == c) {
                    p = 2 * m * s;
                    q = 1 - s;
                } else {
                    double qa = fa / fc;
                    double r = fb / fc;
                    p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
                    q = (qa - 1) * (r - 1) * (s - 1);
                }
                if (p > 0) {
                    q = -q;
                } else {
                    p = -p;
                }
                if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
                    e = d;
                    d = p / q;
                } else {
                    d = m;
                    e = m;
                }
            } else {
                d = m;
                e = m;
            }
            a = b;
            fa = fb;
            b += Math.abs(d) > tol ? d : (m > 0 ? tol : -tol);
            fb = OptionPricer.price(model, o.withVolatility(b), steps) - target;
        }
        return b;
    }
}
