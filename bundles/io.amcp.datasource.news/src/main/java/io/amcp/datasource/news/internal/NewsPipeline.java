package io.amcp.datasource.news.internal;

import io.amcp.api.altdata.NewsFeed;
import io.amcp.api.altdata.NewsItem;
import io.amcp.api.model.InstrumentId;
import io.amcp.datasource.news.FeedEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where entries from every adapter meet: de-duplicated across feeds (by link and by headline), tagged
 * with symbols, scored, stored, then pushed to subscribers. Thread-safe; listeners run on the thread
 * that delivered the entries (a feed's poller or the webhook), after the item is stored and the
 * feed's health is updated.
 */
final class NewsPipeline implements NewsFeed, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NewsPipeline.class);
    private static final Comparator<NewsItem> ORDER = Comparator.comparing(NewsItem::published).thenComparing(NewsItem::id);

    private final NewsStore store;
    private final SymbolTagger tagger;
    private final SentimentScorer scorer;
    private final Clock clock;
    private final Set<String> seenKeys = new HashSet<>();
    private final List<NewsItem> items = new ArrayList<>();
    private final List<Consumer<NewsItem>> listeners = new CopyOnWriteArrayList<>();

    NewsPipeline(NewsStore store, SymbolTagger tagger, SentimentScorer scorer, Clock clock) {
        this.store = store;
        this.tagger = tagger;
        this.scorer = scorer;
        this.clock = clock;
        for (NewsItem item : store.load()) {
            remember(item, StoryKeys.of(item.url(), item.title()));
        }
    }

    /**
     * De-duplicates, tags, scores and stores entries from {@code source}; returns the new items,
     * duplicates left out. The caller then {@link #publish}es them, once its own bookkeeping is done.
     */
    List<NewsItem> accept(String source, List<FeedEntry> entries) {
        List<NewsItem> added = new ArrayList<>();
        synchronized (this) {
            for (FeedEntry entry : entries) {
                StoryKeys keys = StoryKeys.of(entry.url(), entry.title());
                if (seenKeys.contains(keys.titleKey()) || !keys.urlKey().isEmpty() && seenKeys.contains(keys.urlKey())) {
                    continue;
                }
                String text = entry.title() + "\n" + entry.body();
                NewsItem item = NewsItem.of(keys.id(), entry.published().orElseGet(clock::instant), source, entry.title(),
                        entry.url(), tagger.tag(text), scorer.score(text).value());
                store.append(item);
                remember(item, keys);
                added.add(item);
            }
        }
        return added;
    }

    /** Pushes items returned by {@link #accept} to the subscribers; a failing subscriber does not stop the others. */
    void publish(List<NewsItem> added) {
        for (NewsItem item : added) {
            for (Consumer<NewsItem> listener : listeners) {
                try {
                    listener.accept(item);
                } catch (RuntimeException e) {
                    LOG.warn("news listener {} failed on item {}", listener, item.id(), e);
                }
            }
        }
    }

    private void remember(NewsItem item, StoryKeys keys) {
        seenKeys.add(keys.titleKey());
        if (!keys.urlKey().isEmpty()) {
            seenKeys.add(keys.urlKey());
        }
        int at = Collections.binarySearch(items, item, ORDER);
        items.add(at < 0 ? -at - 1 : at, item);
    }

    @Override
    public synchronized List<NewsItem> between(Instant from, Instant to, InstrumentId symbol) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        List<NewsItem> found = new ArrayList<>();
        for (NewsItem item : items) {
            if (item.published().isAfter(from) && !item.published().isAfter(to)
                    && (symbol == null || item.symbols().contains(symbol))) {
                found.add(item);
            }
        }
        return found;
    }

    @Override
    public AutoCloseable subscribe(Consumer<NewsItem> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        listeners.clear();
        store.close();
    }
}
