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

    /** What {@link #parseSequence} returns for an id not of the form {@code <strategy>:<sequence>}. */
    public static final long NOT_FENCED_ID = 0;
    /** Digits of the largest sequence number (Long.MAX_VALUE has 19). */
    private static final int MAX_SEQUENCE_DIGITS = 18;

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

    /**
     * The sequence number of an id of the form {@code <strategy>:<sequence>}, or {@link #NOT_FENCED_ID}
     * if the id is not of that form (an algorithm's child order, an id the strategy chose).
     */
    public static long parseSequence(ClientOrderId id) {
        String value = id.value();
        int colon = value.lastIndexOf(':');
        int digits = value.length() - colon - 1;
        if (colon <= 0 || digits < 1 || digits > MAX_SEQUENCE_DIGITS || value.charAt(colon + 1) == '0') {
            return NOT_FENCED_ID;
        }
        for (int i = colon + 1; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return NOT_FENCED_ID;
            }
        }
        return Long.parseLong(value, colon + 1, value.length(), 10);
    }

    /** The sequence number of a fenced order id. */
    public static long sequenceOf(ClientOrderId id) {
        long sequence = parseSequence(id);
        if (sequence == NOT_FENCED_ID) {
            throw new IllegalArgumentException("clientOrderId: '" + id.value()
                    + "' has no sequence number (expected <strategy>:<sequence>, sequence from 1)");
        }
        return sequence;
    }
}
