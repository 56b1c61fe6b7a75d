package io.amcp.samples.macronews;

import io.amcp.api.altdata.NewsFeed;
import io.amcp.api.altdata.NewsItem;
import io.amcp.api.model.InstrumentId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/** A {@link NewsFeed} over items written in the test. */
final class FixedNewsFeed implements NewsFeed {

    private final List<NewsItem> items;

    FixedNewsFeed(List<NewsItem> items) {
        this.items = items.stream().sorted(Comparator.comparing(NewsItem::published)).toList();
    }

    @Override
    public List<NewsItem> between(Instant from, Instant to, InstrumentId symbol) {
        return items.stream().filter(i -> i.published().isAfter(from) && !i.published().isAfter(to))
                .filter(i -> symbol == null || i.symbols().contains(symbol)).toList();
    }

    @Override
    public AutoCloseable subscribe(Consumer<NewsItem> listener) {
        return () -> { };
    }
}
