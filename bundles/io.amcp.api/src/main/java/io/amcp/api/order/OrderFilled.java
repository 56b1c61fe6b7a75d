package io.amcp.api.order;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;

/**
 * A fill, partial or complete.
 *
 * @param clientOrderId client order id
 * @param tradeId       venue execution id, unique per fill (makes fills idempotent)
 * @param instrument    instrument
 * @param side          side
 * @param quantity      quantity of this fill
 * @param price         price of this fill
 * @param commission    commission charged for this fill
 * @param time          nanoseconds since the epoch
 */
public record OrderFilled(ClientOrderId clientOrderId, String tradeId, InstrumentId instrument, Side side,
        Quantity quantity, Price price, Money commission, long time) implements OrderEvent {

    public OrderFilled {
        if (!quantity.isPositive()) {
            throw new IllegalArgumentException("fill quantity must be positive, was " + quantity);
        }
    }
}
