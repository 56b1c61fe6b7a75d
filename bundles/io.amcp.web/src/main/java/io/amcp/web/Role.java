package io.amcp.web;

/** What an API key may do. */
public enum Role {
    /** Reads only: GET endpoints and the trade_updates stream. */
    VIEWER,
    /** Reads and trades: submit, replace, cancel orders and close positions. */
    TRADER,
    /** Everything a trader may do; reserved for administrative endpoints. */
    ADMIN;

    /** Whether the key may change orders or positions (POST, PATCH, DELETE). */
    public boolean canTrade() {
        return this != VIEWER;
    }
}
