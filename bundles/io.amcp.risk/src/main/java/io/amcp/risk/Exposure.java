package io.amcp.risk;

/**
 * Market-value exposure.
 *
 * @param longMarketValue  sum of positive market values
 * @param shortMarketValue sum of negative market values (a negative number, as in the ledger)
 * @param gross            {@code long - short}: total absolute market value
 * @param net              {@code long + short}
 * @param grossLeverage    gross over equity (cash + net); NaN when equity is not positive
 */
public record Exposure(double longMarketValue, double shortMarketValue, double gross, double net,
        double grossLeverage) {
}
