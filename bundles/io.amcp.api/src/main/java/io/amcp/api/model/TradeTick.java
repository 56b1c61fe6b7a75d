package io.amcp.api.model;

import java.util.Objects;

/**
 * One trade print.
 *
 * @param instrument instrument
 * @param time       nanoseconds since the epoch (UTC)
 * @param price      trade price, raw units
 * @param size       trade size, raw units
 * @param aggressor  side that crossed the spread, or null when the feed does not say
 */
public record TradeTick(InstrumentId instrument, long time, long price, long size, Side aggressor)
        implements MarketData {

    public TradeTick {
        Objects.requireNonNull(instrument, "instrument");
        if (price <= 0) {
            throw new IllegalArgumentException("trade " + instrument + ": price must be positive");
        }
        if (size < 0) {
            throw new IllegalArgumentException("trade " + instrument + ": size must not be negative");
        }
    }

    public Price tradePrice() {
        return Price.ofRaw(price);
    }
}
