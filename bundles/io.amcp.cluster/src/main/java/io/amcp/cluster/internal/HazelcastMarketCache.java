package io.amcp.cluster.internal;

import com.hazelcast.map.IMap;
import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quote;
import io.amcp.cluster.MarketCache;
import io.amcp.cluster.internal.CachedMarketData.CachedBar;
import io.amcp.cluster.internal.CachedMarketData.CachedQuote;
import java.util.Optional;

/** The latest quote and bar per instrument in two shared maps keyed by instrument id. */
final class HazelcastMarketCache implements MarketCache {

    private final IMap<String, CachedQuote> quotes;
    private final IMap<String, CachedBar> bars;

    HazelcastMarketCache(IMap<String, CachedQuote> quotes, IMap<String, CachedBar> bars) {
        this.quotes = quotes;
        this.bars = bars;
    }

    @Override
    public boolean put(Quote quote) {
        return quotes.executeOnKey(quote.instrument().value(), new KeepLatest<>(CachedQuote.of(quote)));
    }

    @Override
    public boolean put(Bar bar) {
        return bars.executeOnKey(bar.instrument().value(), new KeepLatest<>(CachedBar.of(bar)));
    }

    @Override
    public Optional<Quote> latestQuote(InstrumentId instrument) {
        return Optional.ofNullable(quotes.get(instrument.value())).map(CachedQuote::toQuote);
    }

    @Override
    public Optional<Bar> latestBar(InstrumentId instrument) {
        return Optional.ofNullable(bars.get(instrument.value())).map(CachedBar::toBar);
    }
}
