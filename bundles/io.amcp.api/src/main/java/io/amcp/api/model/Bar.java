package io.amcp.api.model;

import java.util.Objects;

/**
 * An OHLCV bar. Prices are raw fixed-point {@link Price} units and volume raw {@link Quantity}
 * units, kept as primitives because bars are the hottest path of replay.
 *
 * <p>{@code time} is the bar's end: a strategy sees the bar only once it has closed, so a
 * decision made on it can fill on the next bar at the earliest.
 *
 * @param instrument instrument
 * @param time       end of the bar, nanoseconds since the epoch (UTC)
 * @param open       open price, raw
 * @param high       high price, raw
 * @param low        low price, raw
 * @param close      close price, raw
 * @param volume     traded volume, raw
 */
public record Bar(InstrumentId instrument, long time, long open, long high, long low, long close, long volume)
        implements MarketData {

    public Bar {
        Objects.requireNonNull(instrument, "instrument");
        if (low > high || open > high || close > high || open < low || close < low) {
            throw new IllegalArgumentException("bar " + instrument + "@" + time
                    + ": OHLC inconsistent (open=" + FixedPoint.format(open) + " high=" + FixedPoint.format(high)
                    + " low=" + FixedPoint.format(low) + " close=" + FixedPoint.format(close) + ")");
        }
        if (low <= 0) {
            throw new IllegalArgumentException("bar " + instrument + "@" + time + ": low must be positive");
        }
        if (volume < 0) {
            throw new IllegalArgumentException("bar " + instrument + "@" + time + ": volume must not be negative");
        }
    }

    /** Creates a bar from decimal prices (convenient in tests and importers). */
    public static Bar of(InstrumentId instrument, long time, double open, double high, double low, double close,
            double volume) {
        return new Bar(instrument, time, FixedPoint.fromDouble(open), FixedPoint.fromDouble(high),
                FixedPoint.fromDouble(low), FixedPoint.fromDouble(close), FixedPoint.fromDouble(volume));
    }

    public Price openPrice() {
        return Price.ofRaw(open);
    }

    public Price highPrice() {
        return Price.ofRaw(high);
    }

    public Price lowPrice() {
        return Price.ofRaw(low);
    }

    public Price closePrice() {
        return Price.ofRaw(close);
    }

    public Quantity volumeQuantity() {
        return Quantity.ofRaw(volume);
    }

    public double openAsDouble() {
        return FixedPoint.toDouble(open);
    }

    public double highAsDouble() {
        return FixedPoint.toDouble(high);
    }

    public double lowAsDouble() {
        return FixedPoint.toDouble(low);
    }

    public double closeAsDouble() {
        return FixedPoint.toDouble(close);
    }

    public double volumeAsDouble() {
        return FixedPoint.toDouble(volume);
    }
}
