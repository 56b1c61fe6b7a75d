package io.amcp.api.altdata;

import io.amcp.api.model.InstrumentId;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Scored news items, queried point-in-time and pushed live to listeners. */
public interface NewsFeed {

    /** Items published in {@code (from, to]}, oldest first; {@code symbol} null means all. */
    List<NewsItem> between(Instant from, Instant to, InstrumentId symbol);

    /**
     * Registers a listener for items as they arrive (called on the feed's own thread; a strategy
     * posts into the kernel rather than trading from it).
     *
     * @return a handle whose {@code close()} removes the listener
     */
    AutoCloseable subscribe(Consumer<NewsItem> listener);
}
