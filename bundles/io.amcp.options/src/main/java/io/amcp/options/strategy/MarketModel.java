package io.amcp.options.strategy;

import io.amcp.options.internal.Checks;

/**
 * The lognormal market a strategy is priced and analysed in (one volatility for every leg).
 *
 * @param spot          underlying price, positive
 * @param volatility    volatility, positive
 * @param rate          risk-free rate, continuously compounded
 * @param dividendYield continuous dividend yield
 */
public record MarketModel(double spot, double volatility, double rate, double dividendYield) {

    public MarketModel {
        Checks.positive("spot", spot);
        Checks.positive("volatility", volatility);
        Checks.finite("rate", rate);
        Checks.finite("dividendYield", dividendYield);
    }

    /** A market from its four numbers. */
    public static MarketModel of(double spot, double volatility, double rate, double dividendYield) {
        return new MarketModel(spot, volatility, rate, dividendYield);
    }
}
