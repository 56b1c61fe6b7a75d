package io.amcp.execution.internal;

import io.amcp.api.execution.ParentOrder;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;

/** Reads and validates parent order parameters; every error names the parameter. */
final class Params {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Params() {
    }

    /** A number in {@code [min, max]}, or {@code fallback} when absent. */
    static double number(ParentOrder parent, String name, double fallback, double min, double max) {
        double v = parent.doubleParameter(name, fallback);
        return requireRange(name, v, min, max);
    }

    static double requireRange(String name, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(name + ": must be in [" + min + ", " + max + "], was " + v);
        }
        return v;
    }

    /** A positive number of seconds as nanoseconds, or {@code fallbackSeconds} when absent. */
    static long seconds(ParentOrder parent, String name, double fallbackSeconds) {
        double s = parent.doubleParameter(name, fallbackSeconds);
        requirePositive(name, s);
        return Math.round(s * NANOS_PER_SECOND);
    }

    static void requirePositive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + ": must be a positive number, was " + v);
        }
    }

    /** A quantity {@code >= 0}, or {@code fallback} when absent. */
    static Quantity quantity(ParentOrder parent, String name, Quantity fallback) {
        String text = parent.parameters().get(name);
        if (text == null) {
            return fallback;
        }
        return parseQuantity(name, text);
    }

    static Quantity parseQuantity(String name, String text) {
        Quantity q;
        try {
            q = Quantity.of(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": not a quantity: '" + text + "'", e);
        }
        if (q.isNegative()) {
            throw new IllegalArgumentException(name + ": must not be negative, was " + q);
        }
        return q;
    }

    /** A positive price, or null when absent. */
    static Price price(ParentOrder parent, String name) {
        String text = parent.parameters().get(name);
        if (text == null) {
            return null;
        }
        Price p;
        try {
            p = Price.of(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": not a price: '" + text + "'", e);
        }
        if (!p.isPositive()) {
            throw new IllegalArgumentException(name + ": must be positive, was " + p);
        }
        return p;
    }

    /**
     * Rounds a raw quantity down to what a child may carry: whole units when the parent is for a
     * whole number of units (shares), else the fixed-point unit.
     */
    static long lot(ParentOrder parent, long raw) {
        if (raw <= 0) {
            return 0;
        }
        return parent.quantity().isWhole() ? raw - raw % FixedPoint.ONE : raw;
    }

    /** {@code fraction} of the parent's quantity in raw units, rounded down to a lot; exact at 1. */
    static long target(ParentOrder parent, double fraction) {
        long total = parent.quantity().raw();
        if (fraction >= 1) {
            return total;
        }
        if (fraction <= 0) {
            return 0;
        }
        // a relative nudge of 1e-9 keeps exact fractions (3/6, a profile's 0.1) that floating point
        // lands a hair below from losing a whole lot to the rounding down
        long raw = (long) Math.floor(total * fraction * (1 + 1e-9));
        return lot(parent, Math.min(raw, total));
    }
}
