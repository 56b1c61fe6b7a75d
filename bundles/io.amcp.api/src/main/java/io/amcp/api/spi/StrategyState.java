package io.amcp.api.spi;

import java.util.Map;
import java.util.Objects;

/**
 * A strategy's portable state for hot swap and recovery: named values as text, so that a new
 * version of a strategy can read what an old one wrote.
 *
 * @param values named values
 */
public record StrategyState(Map<String, String> values) {

    public static final StrategyState EMPTY = new StrategyState(Map.of());

    public StrategyState {
        values = Map.copyOf(Objects.requireNonNull(values, "values"));
    }

    public String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    public double getDouble(String key, double fallback) {
        String v = values.get(key);
        return v == null ? fallback : Double.parseDouble(v);
    }

    public long getLong(String key, long fallback) {
        String v = values.get(key);
        return v == null ? fallback : Long.parseLong(v);
    }
}
