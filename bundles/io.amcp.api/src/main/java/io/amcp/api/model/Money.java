package io.amcp.api.model;

import java.math.BigDecimal;

/**
 * An amount of account currency (US dollars) in fixed-point units of 1e-8. The platform keeps one
 * account currency; multi-currency accounts would add a currency field here.
 *
 * @param raw the amount times {@link FixedPoint#ONE}
 */
public record Money(long raw) implements Comparable<Money> {

    /** Zero. */
    public static final Money ZERO = new Money(0);

    public static Money ofRaw(long raw) {
        return new Money(raw);
    }

    public static Money of(String text) {
        return new Money(FixedPoint.parse(text));
    }

    public static Money of(BigDecimal value) {
        return new Money(FixedPoint.fromDecimal(value));
    }

    public static Money of(double value) {
        return new Money(FixedPoint.fromDouble(value));
    }

    public double toDouble() {
        return FixedPoint.toDouble(raw);
    }

    public BigDecimal toDecimal() {
        return FixedPoint.toDecimal(raw);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(raw, other.raw));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(raw, other.raw));
    }

    public Money negate() {
        return new Money(Math.negateExact(raw));
    }

    public boolean isNegative() {
        return raw < 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(raw, other.raw);
    }

    @Override
    public String toString() {
        return FixedPoint.format(raw);
    }
}
