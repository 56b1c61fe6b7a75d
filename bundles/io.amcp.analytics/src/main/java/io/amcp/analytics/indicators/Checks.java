package io.amcp.analytics.indicators;

/** Argument checks shared by the indicators; messages name the parameter at fault. */
final class Checks {

    private Checks() {
    }

    static int positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }

    static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return value;
    }
}
