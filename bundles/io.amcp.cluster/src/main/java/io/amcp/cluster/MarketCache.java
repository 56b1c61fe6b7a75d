package io.amcp.cluster;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quote;
import java.util.Optional;

/**
 * The latest quote and bar per instrument, shared by all members. An update older than what the
 * cache holds is ignored, so feeds arriving out of order on several members never move it backwards.
 */
public interface MarketCache {

    /** Stores {@code quote} unless a later one is cached; returns whether it was stored. */
    boolean put(Quote quote);

    /** Stores {@code bar} unless a later one is cached; returns whether it was stored. */
    boolean put(Bar bar);

    Optional<Quote> latestQuote(InstrumentId instrument);

    Optional<Bar> latestBar(InstrumentId instrument);
}
