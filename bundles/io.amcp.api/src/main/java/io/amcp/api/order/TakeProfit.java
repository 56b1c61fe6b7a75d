package io.amcp.api.order;

import io.amcp.api.model.Price;
import java.util.Objects;

/**
 * The take-profit leg of a bracket, OCO or OTO order: a limit order on the exit side.
 *
 * @param limitPrice limit price of the exit
 */
public record TakeProfit(Price limitPrice) {

    public TakeProfit {
        Objects.requireNonNull(limitPrice, "take_profit.limit_price");
        if (!limitPrice.isPositive()) {
            throw new IllegalArgumentException("take_profit.limit_price: must be positive, was " + limitPrice);
        }
    }

    public static TakeProfit at(Price limitPrice) {
        return new TakeProfit(limitPrice);
    }
}
