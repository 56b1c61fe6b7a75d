package io.amcp.api.order;

/** How long an order stays working. */
public enum TimeInForce {
    /** Expires at the close of the regular session it was accepted in. */
    DAY,
    /** Good till canceled. */
    GTC,
    /** Immediate or cancel: what cannot fill at once is canceled. */
    IOC,
    /** Fill or kill: fills completely at once or is canceled. */
    FOK,
    /** Executes in the opening auction only (the first bar of the session). */
    OPG,
    /** Executes in the closing auction only (the last bar of the session). */
    CLS
}
