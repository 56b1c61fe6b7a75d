package io.amcp.api.model;

/** Order side. */
public enum Side {
    BUY,
    SELL;

    /** +1 for buy, -1 for sell. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
