package io.amcp.api.order;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.StrategyId;

/**
 * The pre-trade risk chain refused an order; it never reached a broker.
 *
 * @param clientOrderId client order id
 * @param strategyId    owner
 * @param order         the refused order
 * @param rule          name of the rule that refused it
 * @param reason        the limit and the value that broke it
 * @param time          nanoseconds since the epoch
 */
public record OrderDenied(ClientOrderId clientOrderId, StrategyId strategyId, SubmitOrder order, String rule,
        String reason, long time) implements OrderEvent {
}
