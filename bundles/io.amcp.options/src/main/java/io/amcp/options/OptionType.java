package io.amcp.options;

/** The right an option gives: to buy (call) or to sell (put) the underlying at the strike. */
public enum OptionType {
    CALL,
    PUT;

    /** +1 for a call, -1 for a put: the sign of the intrinsic value {@code sign * (S - K)}. */
    public int sign() {
        return this == CALL ? 1 : -1;
    }

    /** Intrinsic value {@code max(0, sign * (spot - strike))}. */
    public double intrinsic(double spot, double strike) {
        return Math.max(0.0, sign() * (spot - strike));
    }
}
