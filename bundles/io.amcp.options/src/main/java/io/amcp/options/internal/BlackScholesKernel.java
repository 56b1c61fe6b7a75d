package io.amcp.options.internal;

/**
 * The generalized Black-Scholes formula (Haug, "The Complete Guide to Option Pricing Formulas",
 * 2nd ed., section 1.1.6) with cost of carry {@code b}: b = r - q for a stock paying a continuous
 * yield q (Merton 1973), b = 0 for a futures option (Black 1976). Writes price and the five Greeks
 * into arrays at one index, allocating nothing, with one logarithm, three exponentials and one
 * square root per option.
 */
public final class BlackScholesKernel {

    private BlackScholesKernel() {
    }

    /**
     * Values one option into slot {@code i} of the output arrays. Inputs are not checked here.
     *
     * @param futures true for Black-76 (b = 0, rho = -T * price); false for Merton (b = r - q)
     */
    public static void value(boolean call, double spot, double strike, double years, double volatility, double rate,
            double dividendYield, boolean futures, int i, double[] price, double[] delta, double[] gamma, double[] vega,
            double[] theta, double[] rho) {
        double carry = futures ? 0.0 : rate - dividendYield;
        double sqrtT = Math.sqrt(years);
        double volT = volatility * sqrtT;
        double d1 = (Math.log(spot / strike) + (carry + 0.5 * volatility * volatility) * years) / volT;
        double d2 = d1 - volT;
        double discount = Math.exp(-rate * years);
        double carryDiscount = futures ? discount : Math.exp(-dividendYield * years);
        double g1 = Math.exp(-0.5 * d1 * d1);
        // exp(-d2²/2) = exp(-d1²/2) * forward / strike: saves an exponential unless d1 underflowed
        double g2 = g1 > 1e-300 ? g1 * (spot * carryDiscount) / (strike * discount) : Math.exp(-0.5 * d2 * d2);
        double density = Normal.INV_SQRT_2PI * g1;
        double sDisc = spot * carryDiscount;
        double kDisc = strike * discount;
        double common = -sDisc * density * volatility / (2.0 * sqrtT);
        double p;
        double nd1;
        if (call) {
            nd1 = Normal.cdfGivenGaussian(d1, g1);
            double nd2 = Normal.cdfGivenGaussian(d2, g2);
            p = sDisc * nd1 - kDisc * nd2;
            delta[i] = carryDiscount * nd1;
            theta[i] = common - (carry - rate) * sDisc * nd1 - rate * kDisc * nd2;
            rho[i] = futures ? -years * p : years * kDisc * nd2;
        } else {
            nd1 = Normal.cdfGivenGaussian(-d1, g1);
            double nd2 = Normal.cdfGivenGaussian(-d2, g2);
            p = kDisc * nd2 - sDisc * nd1;
            delta[i] = -carryDiscount * nd1;
            theta[i] = common + (carry - rate) * sDisc * nd1 + rate * kDisc * nd2;
            rho[i] = futures ? -years * p : -years * kDisc * nd2;
        }
        price[i] = p;
        gamma[i] = carryDiscount * density / (spot * volT);
        vega[i] = sDisc * density * sqrtT;
    }
}
