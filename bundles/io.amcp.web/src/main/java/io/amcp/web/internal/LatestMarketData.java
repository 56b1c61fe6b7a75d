package io.amcp.web.internal;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.MarketData;
import io.amcp.api.model.Quote;
import io.amcp.api.model.TradeTick;
import io.amcp.api.spi.MarketDataSink;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The market data this node has seen: the latest bar, quote and trade per instrument, the last
 * {@link #RECENT_BARS} bars per instrument (served beside dataset history), the last
 * {@link #RECENT_TICKS} quotes and trades per instrument, and live listeners (the market-data stream).
 * Fed by whatever the server is registered with as a {@link MarketDataSink}: in the platform, the
 * market data hub's delivery thread for the {@code web-console} subscription ({@link AlpacaApiComponent},
 * conflated, so it never holds up the kernel); read from any thread.
 *
 * <p>The platform keeps no quote or trade history store, so historical quotes and trades
 * ({@code /v2/stocks/quotes}, {@code /v2/stocks/trades}) are what these bounded in-memory rings hold:
 * the most recent ticks received since the node started, oldest dropped first, nothing after a restart.
 */
public final class LatestMarketData implements MarketDataSink {

    /** Bars kept per instrument. */
    public static final int RECENT_BARS = 10_000;

    /** Quotes, and trades, kept per instrument. */
    public static final int RECENT_TICKS = 10_000;

    /**
     * A tick as received, numbered in arrival order across all instruments ({@code sequence}), so a page
     * of history can resume exactly after the last tick it returned.
     */
    public record Received<T>(long sequence, T tick) {
    }

    private final Map<InstrumentId, Bar> bars = new ConcurrentHashMap<>();
    private final Map<InstrumentId, Quote> quotes = new ConcurrentHashMap<>();
    private final Map<InstrumentId, TradeTick> trades = new ConcurrentHashMap<>();
    private final Map<InstrumentId, ArrayDeque<Bar>> recent = new ConcurrentHashMap<>();
    private final Map<InstrumentId, ArrayDeque<Received<Quote>>> recentQuotes = new ConcurrentHashMap<>();
    private final Map<InstrumentId, ArrayDeque<Received<TradeTick>>> recentTrades = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final List<Consumer<MarketData>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void onBar(Bar bar) {
        bars.put(bar.instrument(), bar);
        ArrayDeque<Bar> kept = recent.computeIfAbsent(bar.instrument(), k -> new ArrayDeque<>());
        synchronized (kept) {
            Bar last = kept.peekLast();
            if (last == null || last.time() < bar.time()) {
                kept.addLast(bar);
                if (kept.size() > RECENT_BARS) {
                    kept.removeFirst();
                }
            }
        }
        publish(bar);
    }

    @Override
    public void onQuote(Quote quote) {
        quotes.put(quote.instrument(), quote);
        keep(recentQuotes, quote.instrument(), quote);
        publish(quote);
    }

    @Override
    public void onTrade(TradeTick trade) {
        trades.put(trade.instrument(), trade);
        keep(recentTrades, trade.instrument(), trade);
        publish(trade);
    }

    private <T> void keep(Map<InstrumentId, ArrayDeque<Received<T>>> rings, InstrumentId id, T tick) {
        ArrayDeque<Received<T>> ring = rings.computeIfAbsent(id, k -> new ArrayDeque<>());
        synchronized (ring) {
            ring.addLast(new Received<>(sequence.incrementAndGet(), tick));
            if (ring.size() > RECENT_TICKS) {
                ring.removeFirst();
            }
        }
    }

    private static <T> List<Received<T>> copy(Map<InstrumentId, ArrayDeque<Received<T>>> rings, InstrumentId id) {
        ArrayDeque<Received<T>> ring = rings.get(id);
        if (ring == null) {
            return List.of();
        }
        synchronized (ring) {
            return new ArrayList<>(ring);
        }
    }

    /** The quotes received for {@code id} (at most {@link #RECENT_TICKS}), in arrival order (a copy). */
    public List<Received<Quote>> recentQuotes(InstrumentId id) {
        return copy(recentQuotes, id);
    }

    /** The trades received for {@code id} (at most {@link #RECENT_TICKS}), in arrival order (a copy). */
    public List<Received<TradeTick>> recentTrades(InstrumentId id) {
        return copy(recentTrades, id);
    }

    private void publish(MarketData event) {
        for (Consumer<MarketData> l : listeners) {
            l.accept(event);
        }
    }

    public Optional<Bar> bar(InstrumentId id) {
        return Optional.ofNullable(bars.get(id));
    }

    public Optional<Quote> quote(InstrumentId id) {
        return Optional.ofNullable(quotes.get(id));
    }

    public Optional<TradeTick> trade(InstrumentId id) {
        return Optional.ofNullable(trades.get(id));
    }

    /** The bars seen for {@code id}, oldest first (a copy). */
    public List<Bar> recentBars(InstrumentId id) {
        ArrayDeque<Bar> kept = recent.get(id);
        if (kept == null) {
            return List.of();
        }
        synchronized (kept) {
            return new ArrayList<>(kept);
        }
    }

    /** Calls {@code listener} (on the feeding thread) for every bar, quote and trade from now on. */
    public void listen(Consumer<MarketData> listener) {
        listeners.add(listener);
    }
}
