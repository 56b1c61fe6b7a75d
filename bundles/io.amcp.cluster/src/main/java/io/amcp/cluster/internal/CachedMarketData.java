package io.amcp.cluster.internal;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quote;
import java.io.Serializable;

/** Quotes and bars as the shared cache stores them (plain serializable values, fixed-point fields). */
final class CachedMarketData {

    private CachedMarketData() {
    }

    /** Something with a time, so the cache can keep the latest. */
    interface Timed extends Serializable {
        long time();
    }

    record CachedQuote(String symbol, long time, long bid, long ask, long bidSize, long askSize) implements Timed {

        private static final long serialVersionUID = 1L;

        static CachedQuote of(Quote q) {
            return new CachedQuote(q.instrument().value(), q.time(), q.bid(), q.ask(), q.bidSize(), q.askSize());
        }

        Quote toQuote() {
            return new Quote(InstrumentId.of(symbol), time, bid, ask, bidSize, askSize);
        }
    }

    record CachedBar(String symbol, long time, long open, long high, long low, long close, long volume)
            implements Timed {

        private static final long serialVersionUID = 1L;

        static CachedBar of(Bar b) {
            return new CachedBar(b.instrument().value(), b.time(), b.open(), b.high(), b.low(), b.close(), b.volume());
        }

        Bar toBar() {
            return new Bar(InstrumentId.of(symbol), time, open, high, low, close, volume);
        }
    }
}
