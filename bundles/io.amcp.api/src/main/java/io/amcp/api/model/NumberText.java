package io.amcp.api.model;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The one rule by which a JSON number becomes parameter text, shared by every interface that
 * passes numbers on as text (the platform REST API, the MCP tools), so that the same request means
 * the same thing everywhere.
 *
 * <ul>
 *   <li>Whole numbers print without a fraction: {@code 20}, {@code 20.0} and {@code 2e1} all give
 *       {@code "20"}, so a parameter read as an integer accepts them alike.</li>
 *   <li>A double that is whole and below 2<sup>53</sup> in magnitude (every such double is an exact
 *       integer and a {@code long} holds it) prints as that integer; any other finite double prints
 *       as the plain decimal of its shortest representation ({@code 0.1} gives {@code "0.1"},
 *       {@code 1e19} gives {@code "10000000000000000000"}, never an exponent and never a clamped
 *       {@code Long.MAX_VALUE}).</li>
 *   <li>Integers of any width, {@link BigInteger} and {@link BigDecimal} print exactly, in plain
 *       notation without trailing fraction zeros.</li>
 *   <li>NaN and the infinities are refused with an {@link IllegalArgumentException} naming the field.</li>
 * </ul>
 */
public final class NumberText {

    /** 2^53: below it in magnitude, every whole double converts to a {@code long} exactly. */
    private static final double EXACT_WHOLE_LIMIT = 0x1p53;

    private NumberText() {
    }

    /**
     * The text of {@code value}.
     *
     * @param field names the value in the error, e.g. {@code params.fast}
     * @throws IllegalArgumentException for NaN or an infinity, naming {@code field}
     */
    public static String of(String field, Number value) {
        if (value instanceof Double || value instanceof Float) {
            return ofDouble(field, value.doubleValue(), value);
        }
        if (value instanceof BigDecimal d) {
            return plain(d);
        }
        if (value instanceof BigInteger || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        return plain(new BigDecimal(value.toString()));
    }

    private static String ofDouble(String field, double d, Number original) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(field + ": must be a finite number, was " + d);
        }
        if (d == Math.rint(d) && Math.abs(d) < EXACT_WHOLE_LIMIT) {
            return Long.toString((long) d);
        }
        // a float's own shortest text, not that of its (longer) double expansion
        return plain(new BigDecimal(original instanceof Float f ? Float.toString(f) : Double.toString(d)));
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
