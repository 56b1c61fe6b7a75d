package io.amcp.options;

/**
 * Price and Greeks of one unit of an option, per-unit convention: {@code delta} = dV/dS,
 * {@code gamma} = d²V/dS², {@code vega} = dV/dσ per 1.00 of volatility (a one-point move, 0.01,
 * changes the value by {@code vega / 100}), {@code theta} = dV/dt per year of calendar time (the
 * negative of dV/d(years to expiry); divide by 365 for a calendar day), {@code rho} = dV/dr per 1.00
 * of rate.
 *
 * @param price the value
 * @param delta dV/dS
 * @param gamma d²V/dS²
 * @param vega  dV/dσ
 * @param theta dV/dt per year
 * @param rho   dV/dr
 */
public record OptionValuation(double price, double delta, double gamma, double vega, double theta, double rho) {

    /** A valuation from its six numbers. */
    public static OptionValuation of(double price, double delta, double gamma, double vega, double theta, double rho) {
        return new OptionValuation(price, delta, gamma, vega, theta, rho);
    }

    /** Every number multiplied by {@code factor} (a signed quantity). */
    public OptionValuation times(double factor) {
        return new OptionValuation(price * factor, delta * factor, gamma * factor, vega * factor, theta * factor, rho * factor);
    }

    /** The component-wise sum. */
    public OptionValuation plus(OptionValuation other) {
        return new OptionValuation(price + other.price, delta + other.delta, gamma + other.gamma, vega + other.vega,
                theta + other.theta, rho + other.rho);
    }
}
