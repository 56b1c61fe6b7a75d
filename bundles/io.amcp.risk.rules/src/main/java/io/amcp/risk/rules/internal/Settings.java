package io.amcp.risk.rules.internal;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.RiskAction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Parsing and validation of configuration values; every error names the property at fault. */
final class Settings {

    private Settings() {
    }

    static String name(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    static RiskAction action(String value) {
        return RiskAction.parse("action", value);
    }

    /** A value that must be strictly positive. */
    static double positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + ": must be a positive number, was " + value);
        }
        return value;
    }

    /** A value that must be zero (no limit) or positive. */
    static double optional(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + ": must be 0 (no limit) or a positive number, was " + value);
        }
        return value;
    }

    /** A percentage in (0, 100]. */
    static double percent(String field, double value) {
        if (!(value > 0 && value <= 100)) {
            throw new IllegalArgumentException(field + ": must be a percentage above 0 and at most 100, was " + value);
        }
        return value;
    }

    /** A positive decimal number written as text (quantities and money). */
    static double positiveDecimal(String field, String text) {
        double value;
        try {
            value = Double.parseDouble(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": not a number: '" + text + "'", e);
        }
        return positive(field, value);
    }

    /**
     * Parses {@code SYMBOL:value,SYMBOL:value} (blank means empty) with {@code parser} applied to each
     * value; the error names {@code field} and the entry.
     */
    static <V> Map<InstrumentId, V> symbolMap(String field, String text, Function<String, V> parser) {
        Map<InstrumentId, V> map = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return map;
        }
        for (String entry : text.split(",")) {
            String e = entry.trim();
            int colon = e.indexOf(':');
            if (colon <= 0 || colon == e.length() - 1) {
                throw new IllegalArgumentException(field + ": expected SYMBOL:value, was '" + e + "'");
            }
            InstrumentId id;
            V value;
            try {
                id = InstrumentId.of(e.substring(0, colon).trim());
                value = parser.apply(e.substring(colon + 1).trim());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(field + ": bad entry '" + e + "': " + ex.getMessage(), ex);
            }
            if (map.put(id, value) != null) {
                throw new IllegalArgumentException(field + ": " + id + " is listed twice");
            }
        }
        return map;
    }

    static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: '" + text + "'", e);
        }
    }
}
