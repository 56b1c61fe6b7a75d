package io.amcp.api.order;

/**
 * The states of an order. The legal moves between them are one table in the OMS
 * ({@code io.amcp.core} {@code OrderStateMachine}).
 */
public enum OrderStatus {
    /** Passed the risk chain, sent to the broker, not yet acknowledged. */
    NEW,
    /** A linked leg waiting for its parent to fill (bracket/OTO legs). */
    HELD,
    /** Acknowledged and working at the venue. */
    ACCEPTED,
    /** Some quantity filled, the rest still working. */
    PARTIALLY_FILLED,
    /** Completely filled. Terminal. */
    FILLED,
    /** Cancel requested, not yet confirmed. */
    PENDING_CANCEL,
    /** Canceled. Terminal. */
    CANCELED,
    /** Refused by the risk chain or by the venue. Terminal. */
    REJECTED,
    /** Time in force ran out. Terminal. */
    EXPIRED,
    /** Replaced by a new order (see {@code OrderReplaced}). Terminal. */
    REPLACED;

    public boolean isTerminal() {
        return this == FILLED || this == CANCELED || this == REJECTED || this == EXPIRED || this == REPLACED;
    }

    /** Working at the venue: can still fill. */
    public boolean isWorking() {
        return this == ACCEPTED || this == PARTIALLY_FILLED || this == PENDING_CANCEL || this == NEW;
    }
}
