package io.amcp.portfolio;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import java.util.Objects;

/**
 * One order of a rebalance: buy or sell a positive, lot-rounded quantity of one instrument.
 *
 * @param symbol   the instrument
 * @param side     buy or sell
 * @param quantity positive quantity, a whole number of lots
 */
public record RebalanceOrder(InstrumentId symbol, Side side, Quantity quantity) {

    public RebalanceOrder {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        if (!quantity.isPositive()) {
            throw new IllegalArgumentException("quantity: must be positive, was " + quantity);
        }
    }

    /** Validates the order. */
    public static RebalanceOrder of(InstrumentId symbol, Side side, Quantity quantity) {
        return new RebalanceOrder(symbol, side, quantity);
    }
}
