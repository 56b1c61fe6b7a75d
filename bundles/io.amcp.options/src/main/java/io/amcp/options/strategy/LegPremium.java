package io.amcp.options.strategy;

import io.amcp.options.BlackScholesMerton;
import io.amcp.options.OptionInputs;
import io.amcp.options.OptionType;

/** Where the catalog takes each leg's premium from: a model, or quotes supplied by the caller. */
@FunctionalInterface
public interface LegPremium {

    /**
     * The premium per unit of a leg; for {@link LegType#UNDERLYING} the entry price.
     *
     * @param type   leg type
     * @param strike option strike (unused for the underlying)
     * @param years  option expiry in years (unused for the underlying)
     */
    double premium(LegType type, double strike, double years);

    /** Black-Scholes-Merton premiums in {@code market}; the underlying enters at the spot. */
    static LegPremium blackScholes(MarketModel market) {
        return (type, strike, years) -> type == LegType.UNDERLYING ? market.spot()
                : BlackScholesMerton.price(OptionInputs.of(type == LegType.CALL ? OptionType.CALL : OptionType.PUT,
                        market.spot(), strike, years, market.volatility(), market.rate(), market.dividendYield()));
    }
}
