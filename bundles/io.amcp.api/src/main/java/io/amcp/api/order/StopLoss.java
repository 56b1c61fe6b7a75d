package io.amcp.api.order;

import io.amcp.api.model.Price;
import java.util.Objects;

/**
 * The stop-loss leg of a bracket, OCO or OTO order: a stop (or stop-limit) on the exit side.
 *
 * @param stopPrice  trigger price
 * @param limitPrice limit once triggered, or null for a plain stop
 */
public record StopLoss(Price stopPrice, Price limitPrice) {

    public StopLoss {
        Objects.requireNonNull(stopPrice, "stop_loss.stop_price");
        if (!stopPrice.isPositive()) {
            throw new IllegalArgumentException("stop_loss.stop_price: must be positive, was " + stopPrice);
        }
        if (limitPrice != null && !limitPrice.isPositive()) {
            throw new IllegalArgumentException("stop_loss.limit_price: must be positive, was " + limitPrice);
        }
    }

    public static StopLoss at(Price stopPrice) {
        return new StopLoss(stopPrice, null);
    }

    public static StopLoss at(Price stopPrice, Price limitPrice) {
        return new StopLoss(stopPrice, limitPrice);
    }
}
