package io.amcp.api.model;

import java.util.Objects;

/**
 * Top of book.
 *
 * @param instrument instrument
 * @param time       nanoseconds since the epoch (UTC)
 * @param bid        best bid, raw price units
 * @param ask        best ask, raw price units
 * @param bidSize    size at the bid, raw quantity units
 * @param askSize    size at the ask, raw quantity units
 */
public record Quote(InstrumentId instrument, long time, long bid, long ask, long bidSize, long askSize)
        implements MarketData {

    public Quote {
        Objects.requireNonNull(instrument, "instrument");
        if (bid <= 0 || ask <= 0) {
            throw new IllegalArgumentException("quote " + instrument + ": bid and ask must be positive");
        }
        if (bid > ask) {
            throw new IllegalArgumentException("quote " + instrument + ": crossed, bid " + FixedPoint.format(bid)
                    + " > ask " + FixedPoint.format(ask));
        }
        if (bidSize < 0 || askSize < 0) {
            throw new IllegalArgumentException("quote " + instrument + ": sizes must not be negative");
        }
    }

    public static Quote of(InstrumentId instrument, long time, double bid, double ask, double bidSize,
            double askSize) {
        return new Quote(instrument, time, FixedPoint.fromDouble(bid), FixedPoint.fromDouble(ask),
                FixedPoint.fromDouble(bidSize), FixedPoint.fromDouble(askSize));
    }

    public Price bidPrice() {
        return Price.ofRaw(bid);
    }

    public Price askPrice() {
        return Price.ofRaw(ask);
    }

    /** Mid price, raw units (rounded down). */
    public long mid() {
        return bid + (ask - bid) / 2;
    }
}
