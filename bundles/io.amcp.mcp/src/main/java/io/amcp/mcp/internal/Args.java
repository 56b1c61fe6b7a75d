package io.amcp.mcp.internal;

import io.amcp.api.model.NumberText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one tool call, read with checks: every failure is a {@link ToolArgumentException}
 * naming the argument and saying why.
 */
final class Args {

    private final Map<String, Object> values;

    Args(Map<String, Object> values, Set<String> known) {
        this.values = values == null ? Map.of() : values;
        for (String name : this.values.keySet()) {
            if (!known.contains(name)) {
                throw new ToolArgumentException(name, "unknown argument (expected one of " + known + ")");
            }
        }
    }

    boolean has(String name) {
        return values.get(name) != null;
    }

    /**
     * An object of scalar values as text ({@code {"fast": 5}} gives {@code fast=5}; numbers by
     * {@link NumberText}, the rule the REST API shares); empty when absent.
     */
    Map<String, String> textMap(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new ToolArgumentException(name, "must be an object of named values, was " + value);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            out.put(key, scalarText(name, "value of '" + key + "'", e.getValue()));
        }
        return out;
    }

    /** The given ones of {@code names}, each a string, number or boolean, as text (numbers by {@link NumberText}). */
    Map<String, String> texts(List<String> names) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : names) {
            if (has(name)) {
                out.put(name, scalarText(name, "value", values.get(name)));
            }
        }
        return out;
    }

    private static String scalarText(String argument, String what, Object value) {
        if (value instanceof Number n) {
            try {
                return NumberText.of(argument, n);
            } catch (IllegalArgumentException notFinite) {
                throw new ToolArgumentException(argument, what + " must be a finite number, was " + n);
            }
        }
        if (!(value instanceof String || value instanceof Boolean)) {
            throw new ToolArgumentException(argument, what + " must be a string, number or boolean");
        }
        return String.valueOf(value);
    }

    String string(String name) {
        String value = optString(name);
        if (value == null) {
            throw new ToolArgumentException(name, "is required");
        }
        return value;
    }

    String optString(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new ToolArgumentException(name, "must be a string, was " + value);
        }
        if (text.isBlank()) {
            throw new ToolArgumentException(name, "must not be blank");
        }
        return text.trim();
    }

    /** An upper-case symbol such as {@code AAPL} or {@code BTC/USD}. */
    String symbol(String name) {
        return string(name).toUpperCase(Locale.ROOT);
    }

    /** A lower-case value out of {@code allowed}, or {@code fallback} when absent. */
    String choice(String name, List<String> allowed, String fallback) {
        String value = optString(name);
        if (value == null) {
            if (fallback == null) {
                throw new ToolArgumentException(name, "is required (one of " + allowed + ")");
            }
            return fallback;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) {
            throw new ToolArgumentException(name, "must be one of " + allowed + ", was '" + value + "'");
        }
        return lower;
    }

    /** A decimal given as a JSON number or numeric string. */
    BigDecimal decimal(String name) {
        BigDecimal value = optDecimal(name);
        if (value == null) {
            throw new ToolArgumentException(name, "is required");
        }
        return value;
    }

    BigDecimal optDecimal(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number || value instanceof String) {
            try {
                return new BigDecimal(value.toString().trim());
            } catch (NumberFormatException e) {
                throw new ToolArgumentException(name, "must be a number, was '" + value + "'");
            }
        }
        throw new ToolArgumentException(name, "must be a number, was " + value);
    }

    BigDecimal optPositive(String name) {
        BigDecimal value = optDecimal(name);
        if (value != null && value.signum() <= 0) {
            throw new ToolArgumentException(name, "must be positive, was " + value.toPlainString());
        }
        return value;
    }

    BigDecimal positive(String name) {
        BigDecimal value = optPositive(name);
        if (value == null) {
            throw new ToolArgumentException(name, "is required");
        }
        return value;
    }

    double number(String name, double fallback) {
        BigDecimal value = optDecimal(name);
        return value == null ? fallback : value.doubleValue();
    }

    int integer(String name, int fallback, int min, int max) {
        BigDecimal value = optDecimal(name);
        if (value == null) {
            return fallback;
        }
        int result;
        try {
            result = value.intValueExact();
        } catch (ArithmeticException e) {
            throw new ToolArgumentException(name, "must be a whole number, was " + value.toPlainString());
        }
        if (result < min || result > max) {
            throw new ToolArgumentException(name, "must be between " + min + " and " + max + ", was " + result);
        }
        return result;
    }

    boolean bool(String name, boolean fallback) {
        Object value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw new ToolArgumentException(name, "must be true or false, was " + value);
    }

    LocalDate optDate(String name) {
        String value = optString(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw new ToolArgumentException(name, "must be a date YYYY-MM-DD, was '" + value + "'");
        }
    }

    /** A list of strings given as a JSON array or a comma-separated string; null when absent. */
    List<String> optStrings(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (value instanceof String text) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
            return out;
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof String s) || s.isBlank()) {
                    throw new ToolArgumentException(name, "must hold non-blank strings, found " + item);
                }
                out.add(s.trim());
            }
            return out;
        }
        throw new ToolArgumentException(name, "must be an array of strings, was " + value);
    }

    /** A list of JSON objects; null when absent. */
    List<Map<String, Object>> optObjects(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw new ToolArgumentException(name, "must be an array of objects, was " + value);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw new ToolArgumentException(name + "[" + i + "]", "must be an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            out.add(typed);
        }
        return out;
    }
}
