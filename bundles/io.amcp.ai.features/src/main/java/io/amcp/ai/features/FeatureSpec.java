package io.amcp.ai.features;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The definition of one feature: its column name, family, formula and lookback.
 *
 * <p>The lookback is the number of bars, the current one included, that the feature needs: a feature
 * with lookback {@code L} is {@link Double#NaN} on the first {@code L - 1} bars of a series and
 * defined from bar {@code L - 1} (0-based) on, unless its formula is undefined there (a zero
 * denominator the formula documents otherwise).
 *
 * @param name     column name, lower case with digits and underscores, e.g. {@code vol_parkinson_20}
 * @param family   the family it belongs to
 * @param formula  the formula in plain text, as printed in {@code docs/features.md}
 * @param lookback bars needed including the current one, at least 1
 */
public record FeatureSpec(String name, FeatureFamily family, String formula, int lookback) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public FeatureSpec {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: must match [a-z][a-z0-9_]*, got '" + name + "'");
        }
        Objects.requireNonNull(family, "family");
        if (formula == null || formula.isBlank()) {
            throw new IllegalArgumentException("formula: must not be blank (feature " + name + ")");
        }
        if (lookback < 1) {
            throw new IllegalArgumentException("lookback: must be at least 1, got " + lookback + " (feature " + name + ")");
        }
    }

    /** A feature definition; see the record components. */
    public static FeatureSpec of(String name, FeatureFamily family, String formula, int lookback) {
        return new FeatureSpec(name, family, formula, lookback);
    }
}
