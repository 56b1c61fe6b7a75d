package io.amcp.analytics.indicators;

/** A streaming indicator over one price series, usually closes. */
public interface PriceIndicator extends StreamingIndicator {

    /**
     * Takes the next price.
     *
     * @param price the next price
     * @return the new {@link #value()}
     */
    double update(double price);
}
