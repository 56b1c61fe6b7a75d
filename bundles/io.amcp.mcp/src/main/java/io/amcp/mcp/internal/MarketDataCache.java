package io.amcp.mcp.internal;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quote;
import io.amcp.api.model.TradeTick;
import io.amcp.api.spi.MarketDataSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The market data the node has seen, kept for the tools: the latest quote, trade and bar of each
 * instrument and its most recent bars. Fed on the kernel thread (a cheap put per event), read from
 * request threads.
 */
final class MarketDataCache implements MarketDataSink {

    private final int barsKept;
    private final Map<InstrumentId, Book> books = new ConcurrentHashMap<>();

    MarketDataCache(int barsKept) {
        if (barsKept < 2) {
            throw new IllegalArgumentException("barsKept: must be at least 2, was " + barsKept);
        }
        this.barsKept = barsKept;
    }

    @Override
    public void onBar(Bar bar) {
        book(bar.instrument()).add(bar);
    }

    @Override
    public void onQuote(Quote quote) {
        book(quote.instrument()).quote = quote;
    }

    @Override
    public void onTrade(TradeTick trade) {
        book(trade.instrument()).trade = trade;
    }

    Optional<Quote> latestQuote(InstrumentId id) {
        Book book = books.get(id);
        return Optional.ofNullable(book == null ? null : book.quote);
    }

    Optional<TradeTick> latestTrade(InstrumentId id) {
        Book book = books.get(id);
        return Optional.ofNullable(book == null ? null : book.trade);
    }

    Optional<Bar> latestBar(InstrumentId id) {
        List<Bar> bars = recentBars(id);
        return bars.isEmpty() ? Optional.empty() : Optional.of(bars.get(bars.size() - 1));
    }

    /** Recent bars, oldest first. */
    List<Bar> recentBars(InstrumentId id) {
        Book book = books.get(id);
        return book == null ? List.of() : book.bars();
    }

    /** The last traded or marked price: trade, else quote mid, else bar close; empty if nothing was seen. */
    Optional<Double> lastPrice(InstrumentId id) {
        Book book = books.get(id);
        if (book == null) {
            return Optional.empty();
        }
        if (book.trade != null) {
            return Optional.of(book.trade.tradePrice().toDouble());
        }
        if (book.quote != null) {
            return Optional.of(io.amcp.api.model.FixedPoint.toDouble(book.quote.mid()));
        }
        return latestBar(id).map(Bar::closeAsDouble);
    }

    /** Every instrument seen, sorted. */
    List<InstrumentId> instruments() {
        return new ArrayList<>(new TreeSet<>(books.keySet()));
    }

    private Book book(InstrumentId id) {
        return books.computeIfAbsent(id, k -> new Book(barsKept));
    }

    private static final class Book {
        private final Bar[] ring;
        private int next;
        private int size;
        private volatile Quote quote;
        private volatile TradeTick trade;

        Book(int capacity) {
            ring = new Bar[capacity];
        }

        synchronized void add(Bar bar) {
            ring[next] = bar;
            next = (next + 1) % ring.length;
            size = Math.min(size + 1, ring.length);
        }

        synchronized List<Bar> bars() {
            List<Bar> out = new ArrayList<>(size);
            int start = (next - size + ring.length) % ring.length;
            for (int i = 0; i < size; i++) {
                out.add(ring[(start + i) % ring.length]);
            }
            return out;
        }
    }
}
