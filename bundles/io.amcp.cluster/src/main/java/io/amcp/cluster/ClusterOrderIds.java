package io.amcp.cluster;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.StrategyId;

/**
 * The client order ids of fenced orders: {@code <strategy>:<sequence>}, e.g. {@code sma-aapl:42}. The
 * id names the strategy, so the fence knows whose lease must cover the order, and it does not name the
 * epoch, so an order re-sent by a new owner keeps its id and the venue's idempotence by client order id
 * still holds across a takeover.
 */
public final class ClusterOrderIds {

    private ClusterOrderIds() {
    }

    /** The id of the {@code sequence}-th order of {@code strategy} (sequence from 1). */
    public static ClientOrderId of(StrategyId strategy, long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence: must be at least 1, was " + sequence);
        }
        return ClientOrderId.of(strategy.value() + ":" + sequence);
    }

    /** The strategy named by a fenced order id. */
    public static StrategyId strategyOf(ClientOrderId id) {
        String value = id.value();
        int colon = value.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("clientOrderId: '" + value
                    + "' names no strategy (expected <strategy>:<sequence>)");
        }
        return StrategyId.of(value.substring(0, colon));
    }

    /** The sequence number of a fenced order id. */
    public static long sequenceOf(ClientOrderId id) {
        String value = id.value();
        int colon = value.lastIndexOf(':');
        try {
            long sequence = Long.parseLong(value.substring(colon + 1));
            if (colon > 0 && sequence >= 1) {
                return sequence;
            }
        } catch (NumberFormatException e) {
            // reported below with the id at fault
        }
        throw new IllegalArgumentException("clientOrderId: '" + value
                + "' has no sequence number (expected <strategy>:<sequence>, sequence from 1)");
    }
}
