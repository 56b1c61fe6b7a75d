package io.amcp.api.model;

import java.math.BigDecimal;

/**
 * A price in fixed-point units of 1e-8 (see {@link FixedPoint}). May be negative (spreads, net
 * premiums of multi-leg orders); order validation decides where only positive prices are legal.
 *
 * @param raw the price times {@link FixedPoint#ONE}
 */
public record Price(long raw) implements Comparable<Price> {

    /** Zero. */
    public static final Price ZERO = new Price(0);

    /** From raw units. */
    public static Price ofRaw(long raw) {
        return new Price(raw);
    }

    /** From a decimal string such as {@code "187.25"}. */
    public static Price of(String text) {
        return new Price(FixedPoint.parse(text));
    }

    /** From a decimal. */
    public static Price of(BigDecimal value) {
        return new Price(FixedPoint.fromDecimal(value));
    }

    /** From a double, rounded to 1e-8. */
    public static Price of(double value) {
        return new Price(FixedPoint.fromDouble(value));
    }

    public double toDouble() {
        return FixedPoint.toDouble(raw);
    }

    public BigDecimal toDecimal() {
        return FixedPoint.toDecimal(raw);
    }

    public Price plus(Price other) {
        return new Price(Math.addExact(raw, other.raw));
    }

    public Price minus(Price other) {
        return new Price(Math.subtractExact(raw, other.raw));
    }

    /** The notional value of {@code quantity} units at this price. */
    public Money times(Quantity quantity) {
        return Money.ofRaw(FixedPoint.multiply(raw, quantity.raw()));
    }

    public boolean isPositive() {
        return raw > 0;
    }

    @Override
    public int compareTo(Price other) {
        return Long.compare(raw, other.raw);
    }

    @Override
    public String toString() {
        return FixedPoint.format(raw);
    }
}
