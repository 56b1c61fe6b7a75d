package io.amcp.api.model;

/** The asset classes the platform trades. */
public enum AssetClass {
    /** Common stock, traded in US equity market hours. */
    EQUITY,
    /** Exchange-traded fund, traded like equity. */
    ETF,
    /** Listed option; quantities are contracts, notional uses the multiplier. */
    OPTION,
    /** Crypto currency pair, traded 24/7. */
    CRYPTO;

    /** Whether instruments of this class trade around the clock. */
    public boolean tradesAroundTheClock() {
        return this == CRYPTO;
    }
}
