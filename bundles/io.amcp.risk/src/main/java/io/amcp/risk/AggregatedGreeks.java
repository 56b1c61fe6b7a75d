package io.amcp.risk;

/**
 * Greeks summed over positions, each weighted by {@code quantity * multiplier}. Delta-one positions
 * count with delta 1 at their own price and no other sensitivity.
 *
 * @param dollarDelta  {@code Σ q m Δ S}: first-order P&L of a +100% move in every underlying
 * @param dollarGamma  {@code Σ q m Γ S² / 100}: change in dollar delta for a +1% move
 * @param vega         {@code Σ q m vega}: P&L per 1.00 of volatility (x0.01 per vol point)
 * @param theta        {@code Σ q m theta}: P&L per year of time decay (/365 per calendar day)
 * @param rho          {@code Σ q m rho}: P&L per 1.00 of rates (x0.0001 per basis point)
 */
public record AggregatedGreeks(double dollarDelta, double dollarGamma, double vega, double theta, double rho) {
}
