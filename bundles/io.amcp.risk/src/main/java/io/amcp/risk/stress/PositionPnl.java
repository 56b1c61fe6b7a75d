package io.amcp.risk.stress;

import io.amcp.api.model.InstrumentId;

/**
 * The P&L of one position under a stress scenario, split by source.
 *
 * @param symbol     position symbol
 * @param priceShock relative price shock applied to its underlying
 * @param pricePnl   P&L from the price move (delta-gamma for positions with Greeks)
 * @param volPnl     P&L from the volatility shock through vega
 * @param ratePnl    P&L from the rate shock through rho
 * @param total      {@code pricePnl + volPnl + ratePnl}
 */
public record PositionPnl(InstrumentId symbol, double priceShock, double pricePnl, double volPnl, double ratePnl,
        double total) {
}
