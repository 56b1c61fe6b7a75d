package io.amcp.options.chain;

import io.amcp.options.OptionValuation;
import java.util.Objects;

/**
 * One series of a chain: its theoretical value and Greeks and the quote around it.
 *
 * @param contract   the series
 * @param volatility the surface volatility it is valued at
 * @param valuation  Black-Scholes-Merton value and Greeks per unit (intrinsic value and zero Greeks on
 *                   the expiration date)
 * @param bid        bid, on the tick, positive
 * @param ask        ask, on the tick, at least the bid
 */
public record ChainQuote(OptionContract contract, double volatility, OptionValuation valuation, double bid, double ask) {

    public ChainQuote {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(valuation, "valuation");
        if (!(bid > 0) || !(ask >= bid)) {
            throw new IllegalArgumentException("bid: must be positive and at most the ask, was " + bid + "/" + ask);
        }
    }

    /** The midpoint of bid and ask. */
    public double mid() {
        return (bid + ask) / 2;
    }

    /** The delta per unit. */
    public double delta() {
        return valuation.delta();
    }
}
