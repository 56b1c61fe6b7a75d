package io.amcp.surveillance;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.StrategyId;
import java.util.List;
import java.util.Objects;

/**
 * A surveillance finding for a compliance officer to review.
 *
 * @param type       what pattern was seen
 * @param strategy   the strategy concerned
 * @param instrument the symbol concerned (null for strategy-wide findings)
 * @param time       when it happened, nanoseconds since the epoch
 * @param orders     the orders that make up the pattern
 * @param message    the evidence in words
 */
public record Alert(Type type, StrategyId strategy, InstrumentId instrument, long time, List<ClientOrderId> orders,
        String message) {

    /** The patterns surveillance looks for. */
    public enum Type {
        /** A buy and a sell of one symbol by two strategies of the account at the same price within the window. */
        WASH_TRADE,
        /** Large orders canceled soon after placement while smaller opposite-side orders filled. */
        SPOOFING,
        /** Too many orders per executed order. */
        ORDER_TO_TRADE_RATIO,
        /** An order executed in a restricted symbol. */
        RESTRICTED_LIST
    }

    public Alert {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(strategy, "strategy");
        orders = List.copyOf(orders);
        Objects.requireNonNull(message, "message");
    }
}
