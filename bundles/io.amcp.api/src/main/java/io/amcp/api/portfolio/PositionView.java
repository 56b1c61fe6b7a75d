package io.amcp.api.portfolio;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;

/**
 * A read-only snapshot of one position.
 *
 * @param instrument    instrument
 * @param quantity      signed quantity: positive long, negative short, zero flat
 * @param averageCost   average entry price of the open quantity (zero when flat)
 * @param lastPrice     last mark price (zero when never marked)
 * @param marketValue   signed quantity x last price x multiplier
 * @param realizedPnl   P&L realised by closing trades, after commissions
 * @param unrealizedPnl (last price - average cost) x signed quantity x multiplier
 */
public record PositionView(InstrumentId instrument, Quantity quantity, Price averageCost, Price lastPrice,
        Money marketValue, Money realizedPnl, Money unrealizedPnl) {

    public boolean isFlat() {
        return quantity.isZero();
    }

    /** A flat position with no history. */
    public static PositionView flat(InstrumentId instrument) {
        return new PositionView(instrument, Quantity.ZERO, Price.ZERO, Price.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
    }
}
