package io.amcp.options.internal;

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
}
