package io.amcp.api.model;

/** A market-data event: a bar, a quote or a trade print. */
public sealed interface MarketData permits Bar, Quote, TradeTick {

    InstrumentId instrument();

    /** Event time in nanoseconds since the epoch (UTC). For a bar, the time it closed. */
    long time();
}
