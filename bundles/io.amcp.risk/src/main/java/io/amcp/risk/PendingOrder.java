package io.amcp.risk;

import io.amcp.api.model.InstrumentId;
import io.amcp.risk.internal.Checks;

/**
 * An order that may still fill and would change exposure if it did.
 *
 * @param symbol   instrument
 * @param quantity signed quantity: positive buys, negative sells; not zero
 * @param price    expected fill price (limit or last), positive
 */
public record PendingOrder(InstrumentId symbol, double quantity, double price) {

    public PendingOrder {
        Checks.present("symbol", symbol);
        Checks.finite("quantity", quantity);
        if (quantity == 0.0) {
            throw new IllegalArgumentException("quantity: must not be zero");
        }
        Checks.positive("price", price);
    }

    /** An order for {@code quantity} (signed) of {@code symbol} at {@code price}. */
    public static PendingOrder of(String symbol, double quantity, double price) {
        return new PendingOrder(InstrumentId.of(Checks.present("symbol", symbol)), quantity, price);
    }
}
