package io.amcp.api.model;

import java.math.BigDecimal;

/**
 * A quantity of an instrument (shares, contracts, coins) in fixed-point units of 1e-8. Signed:
 * a position's quantity is negative when short; order quantities are validated positive.
 *
 * @param raw the quantity times {@link FixedPoint#ONE}
 */
public record Quantity(long raw) implements Comparable<Quantity> {

    /** Zero. */
    public static final Quantity ZERO = new Quantity(0);

    public static Quantity ofRaw(long raw) {
        return new Quantity(raw);
    }

    /** A whole number of units. */
    public static Quantity of(long units) {
        return new Quantity(Math.multiplyExact(units, FixedPoint.ONE));
    }

    public static Quantity of(String text) {
        return new Quantity(FixedPoint.parse(text));
    }

    public static Quantity of(BigDecimal value) {
        return new Quantity(FixedPoint.fromDecimal(value));
    }

    public static Quantity of(double value) {
        return new Quantity(FixedPoint.fromDouble(value));
    }

    public double toDouble() {
        return FixedPoint.toDouble(raw);
    }

    public BigDecimal toDecimal() {
        return FixedPoint.toDecimal(raw);
    }

    public Quantity plus(Quantity other) {
        return new Quantity(Math.addExact(raw, other.raw));
    }

    public Quantity minus(Quantity other) {
        return new Quantity(Math.subtractExact(raw, other.raw));
    }

    public Quantity negate() {
        return new Quantity(Math.negateExact(raw));
    }

    public Quantity abs() {
        return new Quantity(Math.absExact(raw));
    }

    public Quantity min(Quantity other) {
        return raw <= other.raw ? this : other;
    }

    public boolean isZero() {
        return raw == 0;
    }

    public boolean isPositive() {
        return raw > 0;
    }

    public boolean isNegative() {
        return raw < 0;
    }

    /** True when the quantity is a whole number of units. */
    public boolean isWhole() {
        return raw % FixedPoint.ONE == 0;
    }

    @Override
    public int compareTo(Quantity other) {
        return Long.compare(raw, other.raw);
    }

    @Override
    public String toString() {
        return FixedPoint.format(raw);
    }
}
