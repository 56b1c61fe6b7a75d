package io.amcp.api.order;

/** How an order is priced. */
public enum OrderType {
    /** Fill at the best available price. */
    MARKET,
    /** Fill at the limit price or better. */
    LIMIT,
    /** Becomes a market order once the stop price trades. */
    STOP,
    /** Becomes a limit order once the stop price trades. */
    STOP_LIMIT,
    /** A stop whose stop price follows the best price seen by a fixed amount or percentage. */
    TRAILING_STOP;

    public boolean needsLimitPrice() {
        return this == LIMIT || this == STOP_LIMIT;
    }

    public boolean needsStopPrice() {
        return this == STOP || this == STOP_LIMIT;
    }
}
