package io.amcp.api.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fixed-point arithmetic shared by {@link Price}, {@link Quantity} and {@link Money}.
 *
 * <p>Every amount is a {@code long} holding the value times {@link #ONE} (scale {@value #SCALE},
 * i.e. 1e-8 units). Multiplication uses a 128-bit intermediate so that {@code price x quantity}
 * cannot silently overflow; a result that does not fit in a {@code long} throws
 * {@link ArithmeticException}. Rounding is half-up away from zero.
 */
public final class FixedPoint {

    /** Number of decimal places held by every fixed-point amount. */
    public static final int SCALE = 8;

    /** The raw representation of 1.0. */
    public static final long ONE = 100_000_000L;

    private static final BigDecimal ONE_DECIMAL = BigDecimal.valueOf(ONE);

    private FixedPoint() {
    }

    /** Converts a decimal to raw units, rejecting values with more than {@value #SCALE} places. */
    public static long fromDecimal(BigDecimal value) {
        BigDecimal scaled = value.setScale(SCALE, RoundingMode.UNNECESSARY);
        return scaled.unscaledValue().longValueExact();
    }

    /** Converts a decimal string such as {@code "123.45"} to raw units. */
    public static long parse(String text) {
        try {
            return fromDecimal(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a decimal number: '" + text + "'", e);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' has more than " + SCALE
                    + " decimal places or is out of range", e);
        }
    }

    /** Converts a double to raw units, rounding to the nearest 1e-8. */
    public static long fromDouble(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        double scaled = value * ONE;
        if (Math.abs(scaled) >= 9.2e18) {
            throw new ArithmeticException("out of fixed-point range: " + value);
        }
        return Math.round(scaled);
    }

    /** Converts raw units to a double (lossy beyond 15-16 significant digits). */
    public static double toDouble(long raw) {
        return raw / (double) ONE;
    }

    /** Converts raw units to an exact decimal. */
    public static BigDecimal toDecimal(long raw) {
        return BigDecimal.valueOf(raw, SCALE);
    }

    /** Plain string without trailing zeros, e.g. {@code 12.5}. */
    public static String format(long raw) {
        BigDecimal d = toDecimal(raw).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /**
     * Returns {@code a * b / ONE} with half-up rounding, exactly, for two raw amounts.
     *
     * @throws ArithmeticException if the result does not fit in a long
     */
    public static long multiply(long a, long b) {
        if (b % ONE == 0) {
            return Math.multiplyExact(a, b / ONE); // a whole quantity: the product is exact, nothing to round
        }
        if (a % ONE == 0) {
            return Math.multiplyExact(b, a / ONE);
        }
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        boolean fitsInLong = (high == 0 && low >= 0) || (high == -1 && low < 0);
        if (fitsInLong) {
            long quotient = low / ONE;
            long remainder = low % ONE;
            if (Math.abs(remainder) * 2 >= ONE) {
                quotient += Long.signum(low);
            }
            return quotient;
        }
        return divideWideByOne(high, low);
    }

    /**
     * Divides the signed 128-bit value {@code high:low} by {@link #ONE} with half-up rounding. ONE is
     * below 2^32, so schoolbook division over four 32-bit limbs of the magnitude is exact and needs no
     * BigInteger (price x quantity of ordinary orders lands here).
     */
    private static long divideWideByOne(long high, long low) {
        boolean negative = high < 0;
        if (negative) {
            low = -low;
            high = ~high + (low == 0 ? 1 : 0);
        }
        long remainder = high >>> 32;
        long q3 = remainder / ONE;
        remainder = ((remainder % ONE) << 32) | (high & 0xFFFF_FFFFL);
        long q2 = remainder / ONE;
        remainder = ((remainder % ONE) << 32) | (low >>> 32);
        long q1 = remainder / ONE;
        remainder = ((remainder % ONE) << 32) | (low & 0xFFFF_FFFFL);
        long q0 = remainder / ONE;
        remainder %= ONE;
        long quotient = (q1 << 32) | q0;
        if (q3 != 0 || q2 != 0 || quotient < 0) {
            throw new ArithmeticException("fixed-point product out of range");
        }
        if (remainder * 2 >= ONE) {
            quotient = Math.addExact(quotient, 1);
        }
        return negative ? -quotient : quotient;
    }

    /** Returns {@code a * ONE / b} with half-up rounding (division of two raw amounts). */
    public static long divide(long a, long b) {
        if (b == 0) {
            throw new ArithmeticException("division by zero");
        }
        return BigDecimal.valueOf(a).multiply(ONE_DECIMAL)
                .divide(BigDecimal.valueOf(b), 0, RoundingMode.HALF_UP).longValueExact();
    }
}
