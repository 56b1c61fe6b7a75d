package io.amcp.api.model;

import java.util.regex.Pattern;

/**
 * Identifies one running strategy instance (two versions of a strategy run under two ids).
 *
 * @param value the identifier text
 */
public record StrategyId(String value) implements Comparable<StrategyId> {

    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}");

    public StrategyId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("strategyId: invalid value '" + value + "' (expected [a-zA-Z0-9][a-zA-Z0-9._-]{0,63})");
        }
    }

    public static StrategyId of(String value) {
        return new StrategyId(value);
    }

    @Override
    public int compareTo(StrategyId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
