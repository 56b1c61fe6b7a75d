package io.amcp.risk.internal;

/** Argument checks whose messages start with the name of the field at fault. */
public final class Checks {

    private Checks() {
    }

    /** Returns {@code value} when it is a finite number. */
    public static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + ": must be a finite number, was " + value);
        }
        return value;
    }

    /** Returns {@code value} when it is finite and strictly positive. */
    public static double positive(String field, double value) {
        if (!Double.isFinite(value) || value <= 0.0) {
            throw new IllegalArgumentException(field + ": must be a positive finite number, was " + value);
        }
        return value;
    }

    /** Returns {@code value} when it is finite and not negative. */
    public static double nonNegative(String field, double value) {
        if (!Double.isFinite(value) || value < 0.0) {
            throw new IllegalArgumentException(field + ": must be a finite number >= 0, was " + value);
        }
        return value;
    }

    /** Returns {@code value} when it is not null. */
    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": must not be null");
        }
        return value;
    }

    /** Returns {@code value} when it is neither null nor blank. */
    public static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be blank, was '" + value + "'");
        }
        return value;
    }

    /** Returns {@code value} when it lies strictly between 0 and 1, as a confidence level must. */
    public static double confidence(String field, double value) {
        if (!(value > 0.0 && value < 1.0)) {
            throw new IllegalArgumentException(field + ": must lie strictly between 0 and 1, was " + value);
        }
        return value;
    }
}
