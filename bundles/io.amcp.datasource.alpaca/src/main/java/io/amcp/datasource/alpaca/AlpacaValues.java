package io.amcp.datasource.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import io.amcp.api.model.Bar;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quote;
import io.amcp.api.model.Side;
import io.amcp.api.model.TradeTick;
import io.amcp.api.spi.Clock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Alpaca's JSON values as platform values: decimals (numbers or strings) as fixed-point raw units,
 * RFC 3339 times as epoch nanoseconds, and the market-data objects of REST and stream
 * ({@code t,o,h,l,c,v} bars, {@code t,bp,bs,ap,as} quotes, {@code t,p,s} trades) as {@link Bar},
 * {@link Quote} and {@link TradeTick}. Every error names the field at fault.
 */
public final class AlpacaValues {

    private AlpacaValues() {
    }

    /** A decimal field (JSON number or string, as Alpaca sends both) in raw units, rounded half-up to 1e-8. */
    public static long raw(JsonNode object, String field) {
        BigDecimal value = decimal(object, field);
        try {
            return value.setScale(FixedPoint.SCALE, RoundingMode.HALF_UP).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(field + ": out of range: " + value, e);
        }
    }

    /** A decimal field, exactly. */
    public static BigDecimal decimal(JsonNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException(field + ": missing");
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        try {
            return new BigDecimal(node.asText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": not a decimal: '" + node.asText() + "'", e);
        }
    }

    /** A text field, or null when absent or JSON null. */
    public static String text(JsonNode object, String field) {
        JsonNode node = object.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    /**
     * An RFC 3339 time field ({@code 2021-02-22T15:51:45.335689322Z} or with an offset) as an instant;
     * a MessagePack timestamp, which the msgpack stream's nodes hold decoded, is taken as it is.
     */
    public static Instant instant(JsonNode object, String field) {
        if (object.get(field) instanceof POJONode decoded && decoded.getPojo() instanceof Instant time) {
            return time;
        }
        String value = text(object, field);
        if (value == null) {
            throw new IllegalArgumentException(field + ": missing");
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": not an RFC 3339 time: '" + value + "'", e);
        }
    }

    /** An RFC 3339 time field as nanoseconds since the epoch. */
    public static long nanos(JsonNode object, String field) {
        return Clock.toNanos(instant(object, field));
    }

    /** A bar object; its time is the bar's end ({@code t} plus the timeframe), as the platform stamps bars. */
    public static Bar bar(InstrumentId instrument, JsonNode bar, BarTimeframe timeframe) {
        Instant start = instant(bar, "t");
        return new Bar(instrument, Clock.toNanos(timeframe.end(start)), raw(bar, "o"), raw(bar, "h"), raw(bar, "l"),
                raw(bar, "c"), raw(bar, "v"));
    }

    /** The start ({@code t}) of a bar object, in nanoseconds. */
    public static long barStart(JsonNode bar) {
        return nanos(bar, "t");
    }

    /** A quote object ({@code bp}, {@code bs}, {@code ap}, {@code as}). */
    public static Quote quote(InstrumentId instrument, JsonNode quote) {
        return new Quote(instrument, nanos(quote, "t"), raw(quote, "bp"), raw(quote, "ap"), raw(quote, "bs"),
                raw(quote, "as"));
    }

    /** A trade object ({@code p}, {@code s}; crypto trades add the taker side {@code tks}: B or S). */
    public static TradeTick trade(InstrumentId instrument, JsonNode trade) {
        String taker = text(trade, "tks");
        Side aggressor = "B".equals(taker) ? Side.BUY : "S".equals(taker) ? Side.SELL : null;
        return new TradeTick(instrument, nanos(trade, "t"), raw(trade, "p"), raw(trade, "s"), aggressor);
    }
}
