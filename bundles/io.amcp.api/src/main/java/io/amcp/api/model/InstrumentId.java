package io.amcp.api.model;

import java.util.regex.Pattern;

/**
 * Identifies a tradable instrument by its symbol: {@code AAPL}, {@code BTC/USD}, or an OCC option symbol.
 *
 * @param value the identifier text
 */
public record InstrumentId(String value) implements Comparable<InstrumentId> {

    private static final Pattern VALID = Pattern.compile("[A-Z0-9][A-Z0-9./_-]{0,63}");

    public InstrumentId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("instrument: invalid value '" + value + "' (expected [A-Z0-9][A-Z0-9./_-]{0,63})");
        }
    }

    public static InstrumentId of(String value) {
        return new InstrumentId(value);
    }

    @Override
    public int compareTo(InstrumentId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
