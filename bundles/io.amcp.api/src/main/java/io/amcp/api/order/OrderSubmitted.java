package io.amcp.api.order;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.StrategyId;

/**
 * An order passed the risk chain and was handed to a broker connector (status NEW). For linked
 * orders the legs follow as their own {@code OrderSubmitted} with {@code parentClientOrderId} set
 * and status HELD until triggered.
 *
 * @param clientOrderId       client order id
 * @param strategyId          owner
 * @param order               the order
 * @param parentClientOrderId parent for a leg, else null
 * @param held                true for a leg that waits for its parent
 * @param time                nanoseconds since the epoch
 */
public record OrderSubmitted(ClientOrderId clientOrderId, StrategyId strategyId, SubmitOrder order,
        ClientOrderId parentClientOrderId, boolean held, long time) implements OrderEvent {
}
