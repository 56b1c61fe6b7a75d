package io.amcp.options;

import io.amcp.options.internal.Normal;

/**
 * Barone-Adesi and Whaley (1987) quadratic approximation of American option values, as written in
 * Haug, "The Complete Guide to Option Pricing Formulas", 2nd ed., section 3.3.1: the European value
 * plus an early-exercise premium, with the critical spot found by Newton iteration. Greeks are
 * central finite differences of the approximation.
 *
 * <p>When early exercise is never optimal (calls with dividend yield ≤ 0; puts with rate ≤ 0) the
 * value is the European one. A call with rate ≤ 0 and a positive yield, outside the method's
 * derivation, is valued on a {@link BinomialTree} with {@link BinomialTree#DEFAULT_STEPS} steps.
 */
public final class BaroneAdesiWhaley {

    private static final double TOLERANCE = 1e-12;
    private static final int MAX_ITERATIONS = 500;

    private BaroneAdesiWhaley() {
    }

    /** The approximate American value. */
    public static double price(OptionInputs o) {
        double b = o.rate() - o.dividendYield();
        if (o.type() == OptionType.CALL) {
            if (b >= o.rate()) {
                return BlackScholesMerton.price(o);
            }
            if (o.rate() <= 0.0) {
                return BinomialTree.price(o, ExerciseStyle.AMERICAN, BinomialTree.DEFAULT_STEPS);
            }
            return call(o.spot(), o.strike(), o.years(), o.rate(), b, o.volatility(), o);
        }
        if (o.rate() <= 0.0) {
            return BlackScholesMerton.price(o);
        }
        return put(o.spot(), o.strike(), o.years(), o.rate(), b, o.volatility(), o);
    }

    /** The approximate American value and its Greeks by central differences. */
    public static OptionValuation value(OptionInputs o) {
        double price = price(o);
        double hs = 1e-3 * o.spot();
        double up = price(o.withSpot(o.spot() + hs));
        double down = price(o.withSpot(o.spot() - hs));
        double delta = (up - down) / (2 * hs);
        double gamma = (up - 2 * price + down) / (hs * hs);
        double hv = Math.min(1e-4, 0.5 * o.volatility());
        double vega = (price(o.withVolatility(o.volatility() + hv)) - price(o.withVolatility(o.volatility() - hv))) / (2 * hv);
        double ht = Math.min(1e-4, 0.5 * o.years());
        double theta = -(price(o.withYears(o.years() + ht)) - price(o.withYears(o.years() - ht))) / (2 * ht);
        double hr = 1e-5;
        double rho = (price(o.withRate(o.rate() + hr)) - price(o.withRate(o.rate() - hr))) / (2 * hr);
        return new OptionValuation(price, delta, gamma, vega, theta, rho);
    }

    private static double european(OptionType type, double s, OptionInputs o) {
        return BlackScholesMerton.price(o.withType(type).withSpot(s));
    }

    private static double call(double s, double k, double t, double r, double b, double v, OptionInputs o) {
        double sk = criticalCall(k, t, r, b, v, o);
        double n = 2 * b / (v * v);
        double kk = 2 * r / (v * v * (1 - Math.exp(-r * t)));
        double d1 = (Math.log(sk / k) + (b + v * v / 2) * t) / (v * Math.sqrt(t));
        double q2 = (-(n - 1) + Math.sqrt((n - 1) * (n - 1) + 4 * kk)) / 2;
        double a2 = (sk / q2) * (1 - Math.exp((b - r) * t) * Normal.cdf(d1));
        return s < sk ? european(OptionType.CALL, s, o) + a2 * Math.pow(s / sk, q2) : s - k;
    }

    private static double criticalCall(double k, double t, double r, double b, double v, OptionInputs o) {
        double n = 2 * b / (v * v);
        double m = 2 * r / (v * v);
        double q2u = (-(n - 1) + Math.sqrt((n - 1) * (n - 1) + 4 * m)) / 2;
        double su = k / (1 - 1 / q2u);
        double h2 = -(b * t + 2 * v * Math.sqrt(t)) * k / (su - k);
        double si = insideCall(k + (su - k) * (1 - Math.exp(h2)), k);
        double kk = 2 * r / (v * v * (1 - Math.exp(-r * t)));
        double q2 = (-(n - 1) + Math.sqrt((n - 1) * (n - 1) + 4 * kk)) / 2;
        double carry = Math.exp((b - r) * t);
        double vt = v * Math.sqrt(t);
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double d1 = (Math.log(si / k) + (b + v * v / 2) * t) / vt;
            double lhs = si - k;
            double rhs = european(OptionType.CALL, si, o) + (1 - carry * Normal.cdf(d1)) * si / q2;
            if (Math.abs(lhs - rhs) / k <= TOLERANCE) {
                break;
            }
            double bi = carry * Normal.cdf(d1) * (1 - 1 / q2) + (1 - carry * Normal.pdf(d1) / vt) / q2;
            si = insideCall((k + rhs - bi * si) / (1 - bi), k);
        }
        return si;
    }

    private static double put(double s, double k, double t, double r, double b, double v, OptionInputs o) {
        double sk = criticalPut(k, t, r, b, v, o);
        double n = 2 * b / (v * v);
        double kk = 2 * r / (v * v * (1 - Math.exp(-r * t)));
        double d1 = (Math.log(sk / k) + (b + v * v / 2) * t) / (v * Math.sqrt(t));
        double q1 = (-(n - 1) - Math.sqrt((n - 1) * (n - 1) + 4 * kk)) / 2;
        double a1 = -(sk / q1) * (1 - Math.exp((b - r) * t) * Normal.cdf(-d1));
        return s > sk ? european(OptionType.PUT, s, o) + a1 * Math.pow(s / sk, q1) : k - s;
    }

    private static double criticalPut(double k, double t, double r, double b, double v, OptionInputs o) {
        double n = 2 * b / (v * v);
        double m = 2 * r / (v * v);
        double q1u = (-(n - 1) - Math.sqrt((n - 1) * (n - 1) + 4 * m)) / 2;
        double su = k / (1 - 1 / q1u);
        double h1 = (b * t - 2 * v * Math.sqrt(t)) * k / (k - su);
        double si = insidePut(su + (k - su) * Math.exp(h1), k);
        double kk = 2 * r / (v * v * (1 - Math.exp(-r * t)));
        double q1 = (-(n - 1) - Math.sqrt((n - 1) * (n - 1) + 4 * kk)) / 2;
        double carry = Math.exp((b - r) * t);
        double vt = v * Math.sqrt(t);
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double d1 = (Math.log(si / k) + (b + v * v / 2) * t) / vt;
            double lhs = k - si;
            double rhs = european(OptionType.PUT, si, o) - (1 - carry * Normal.cdf(-d1)) * si / q1;
            if (Math.abs(lhs - rhs) / k <= TOLERANCE) {
                break;
            }
            double bi = -carry * Normal.cdf(-d1) * (1 - 1 / q1) - (1 + carry * Normal.pdf(-d1) / vt) / q1;
            si = insidePut((k - rhs + bi * si) / (1 + bi), k);
        }
        return si;
    }

    /** The seed or a Newton step can leave (K, inf) at very low volatility: pull it back inside. */
    private static double insideCall(double si, double k) {
        return Double.isNaN(si) ? 2 * k : Math.min(Math.max(si, k * (1 + 1e-9)), k * 1e6);
    }

    /** The seed or a Newton step can leave (0, K) at very low volatility: pull it back inside. */
    private static double insidePut(double si, double k) {
        return Double.isNaN(si) ? 0.5 * k : Math.min(Math.max(si, k * 1e-6), k * (1 - 1e-9));
    }
}
