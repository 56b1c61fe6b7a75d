package io.amcp.api.order;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import java.util.Objects;

/**
 * Command: replace a working order's quantity and/or prices. The old order ends REPLACED and a new
 * order with {@code newClientOrderId} takes its place (Alpaca semantics). Null fields keep the old value.
 *
 * @param clientOrderId    the working order
 * @param newClientOrderId id of the replacement
 * @param quantity         new total quantity, or null
 * @param limitPrice       new limit price, or null
 * @param stopPrice        new stop price, or null
 */
public record ReplaceOrder(ClientOrderId clientOrderId, ClientOrderId newClientOrderId, Quantity quantity,
        Price limitPrice, Price stopPrice) {

    public ReplaceOrder {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(newClientOrderId, "newClientOrderId");
        if (quantity == null && limitPrice == null && stopPrice == null) {
            throw new InvalidOrderException("qty", "a replace must change qty, limit_price or stop_price");
        }
        if (quantity != null && !quantity.isPositive()) {
            throw new InvalidOrderException("qty", "must be positive, was " + quantity);
        }
        if (limitPrice != null && !limitPrice.isPositive()) {
            throw new InvalidOrderException("limit_price", "must be positive, was " + limitPrice);
        }
        if (stopPrice != null && !stopPrice.isPositive()) {
            throw new InvalidOrderException("stop_price", "must be positive, was " + stopPrice);
        }
    }
}
