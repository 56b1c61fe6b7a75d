package io.amcp.options;

import io.amcp.options.internal.BlackScholesKernel;
import io.amcp.options.internal.Checks;

/**
 * Black-Scholes-Merton value and analytic Greeks of a European option on an underlying paying a
 * continuous dividend yield. Greeks follow {@link OptionValuation}'s per-unit convention.
 */
public final class BlackScholesMerton {

    private BlackScholesMerton() {
    }

    /** The value and Greeks of one option. */
    public static OptionValuation value(OptionInputs o) {
        double[] out = new double[1];
        double[] d = new double[1];
        double[] g = new double[1];
        double[] v = new double[1];
        double[] t = new double[1];
        double[] r = new double[1];
        BlackScholesKernel.value(o.type() == OptionType.CALL, o.spot(), o.strike(), o.years(), o.volatility(), o.rate(),
                o.dividendYield(), false, 0, out, d, g, v, t, r);
        return new OptionValuation(out[0], d[0], g[0], v[0], t[0], r[0]);
    }

    /** The value of one option. */
    public static double price(OptionInputs o) {
        return value(o).price();
    }

    /**
     * Values {@code n} European options into caller-owned arrays without allocating: slot i of each
     * output array receives the price and Greeks of the option described by slot i of the inputs.
     * Inputs are validated once per slot (positive spot, strike, years and volatility).
     *
     * @param call          true for a call, false for a put, per option
     * @param spot          spot prices
     * @param strike        strikes
     * @param years         times to expiry in years
     * @param volatility    volatilities
     * @param rate          risk-free rates
     * @param dividendYield dividend yields
     * @param n             how many slots to value, from 0
     */
    public static void valueBatch(boolean[] call, double[] spot, double[] strike, double[] years, double[] volatility,
            double[] rate, double[] dividendYield, int n, double[] price, double[] delta, double[] gamma, double[] vega,
            double[] theta, double[] rho) {
        for (int i = 0; i < n; i++) {
            if (!(spot[i] > 0 && strike[i] > 0 && years[i] > 0 && volatility[i] > 0)
                    || !Double.isFinite(spot[i] + strike[i] + years[i] + volatility[i] + rate[i] + dividendYield[i])) {
                throw invalidSlot(i, spot[i], strike[i], years[i], volatility[i], rate[i], dividendYield[i]);
            }
            BlackScholesKernel.value(call[i], spot[i], strike[i], years[i], volatility[i], rate[i], dividendYield[i], false,
                    i, price, delta, gamma, vega, theta, rho);
        }
    }

    private static IllegalArgumentException invalidSlot(int i, double spot, double strike, double years, double vol,
            double rate, double dividend) {
        try {
            Checks.positive("spot[" + i + "]", spot);
            Checks.positive("strike[" + i + "]", strike);
            Checks.positive("years[" + i + "]", years);
            Checks.positive("volatility[" + i + "]", vol);
            Checks.finite("rate[" + i + "]", rate);
            Checks.finite("dividendYield[" + i + "]", dividend);
        } catch (IllegalArgumentException e) {
            return e;
        }
        return new IllegalArgumentException("slot " + i + ": invalid inputs");
    }
}
