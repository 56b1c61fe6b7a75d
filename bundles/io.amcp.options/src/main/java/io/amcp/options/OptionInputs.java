package io.amcp.options;

import io.amcp.options.internal.Checks;

/**
 * One vanilla option and the market it is valued in. Rates and yields are continuously compounded
 * decimals per year (0.05 = 5%), volatility is a decimal per square root of a year.
 *
 * @param type          call or put
 * @param spot          price of the underlying (the futures price under {@link PricingModel#BLACK_76}), positive
 * @param strike        strike price, positive
 * @param years         time to expiry in years, positive
 * @param volatility    volatility of the underlying, positive
 * @param rate          risk-free rate, finite (may be negative)
 * @param dividendYield continuous dividend yield (or foreign rate), finite
 */
public record OptionInputs(OptionType type, double spot, double strike, double years, double volatility, double rate,
        double dividendYield) {

    public OptionInputs {
        Checks.present("type", type);
        Checks.positive("spot", spot);
        Checks.positive("strike", strike);
        Checks.positive("years", years);
        Checks.positive("volatility", volatility);
        Checks.finite("rate", rate);
        Checks.finite("dividendYield", dividendYield);
    }

    /** An option on an underlying paying a continuous dividend yield. */
    public static OptionInputs of(OptionType type, double spot, double strike, double years, double volatility, double rate,
            double dividendYield) {
        return new OptionInputs(type, spot, strike, years, volatility, rate, dividendYield);
    }

    /** An option on an underlying paying no dividend. */
    public static OptionInputs of(OptionType type, double spot, double strike, double years, double volatility, double rate) {
        return new OptionInputs(type, spot, strike, years, volatility, rate, 0.0);
    }

    /** The same option at another volatility. */
    public OptionInputs withVolatility(double newVolatility) {
        return new OptionInputs(type, spot, strike, years, newVolatility, rate, dividendYield);
    }

    /** The same option at another spot. */
    public OptionInputs withSpot(double newSpot) {
        return new OptionInputs(type, newSpot, strike, years, volatility, rate, dividendYield);
    }

    /** The same option with another time to expiry. */
    public OptionInputs withYears(double newYears) {
        return new OptionInputs(type, spot, strike, newYears, volatility, rate, dividendYield);
    }

    /** The same option at another rate. */
    public OptionInputs withRate(double newRate) {
        return new OptionInputs(type, spot, strike, years, volatility, newRate, dividendYield);
    }

    /** The same terms with the other option type (call for put and put for call). */
    public OptionInputs withType(OptionType newType) {
        return new OptionInputs(newType, spot, strike, years, volatility, rate, dividendYield);
    }
}
