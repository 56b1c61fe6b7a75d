package io.amcp.datasource.news.internal;

import io.amcp.api.altdata.NewsFeed;
import io.amcp.api.altdata.NewsItem;
import io.amcp.api.model.InstrumentId;
import io.amcp.datasource.news.FeedHealth;
import io.amcp.datasource.news.NewsAdapter;
import io.amcp.datasource.news.NewsHealth;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The news source assembled from its parts: the store, the pipeline, the feed poller and, when a port
 * is given, the webhook. Built-in adapters are always present; more can be added and removed while
 * it runs.
 */
final class NewsSource implements NewsFeed, NewsHealth, AutoCloseable {

    private final Map<String, NewsAdapter> adapters = new ConcurrentHashMap<>();
    private final NewsPipeline pipeline;
    private final FeedPoller poller;
    private final WebhookServer webhook;

    /**
     * @param webhookPort -1 for no webhook
     * @param webhookSecret required with a webhook
     */
    NewsSource(List<FeedSpec> feeds, PollSettings settings, SymbolTagger tagger, Lexicon lexicon, Path storeDirectory,
               int webhookPort, String webhookSecret, Clock clock) {
        for (NewsAdapter builtIn : List.of(new RssAdapter(), new AtomAdapter(), new RedditListingAdapter(), new WebhookAdapter())) {
            adapters.put(builtIn.kind(), builtIn);
        }
        NewsStore store = new NewsStore(storeDirectory);
        this.pipeline = new NewsPipeline(store, tagger, new SentimentScorer(lexicon), clock);
        this.poller = new FeedPoller(feeds, kind -> Optional.ofNullable(adapters.get(kind)), pipeline, settings, clock);
        try {
            this.webhook = webhookPort < 0 ? null
                    : new WebhookServer(webhookPort, webhookSecret, adapters.get("webhook"), pipeline, clock);
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
        poller.start();
    }

    void addAdapter(NewsAdapter adapter) {
        adapters.put(adapter.kind(), adapter);
    }

    void removeAdapter(NewsAdapter adapter) {
        adapters.remove(adapter.kind(), adapter);
    }

    /** The webhook's bound port, empty when it is disabled. */
    Optional<Integer> webhookPort() {
        return webhook == null ? Optional.empty() : Optional.of(webhook.port());
    }

    FeedPoller poller() {
        return poller;
    }

    NewsPipeline pipeline() {
        return pipeline;
    }

    @Override
    public List<NewsItem> between(Instant from, Instant to, InstrumentId symbol) {
        return pipeline.between(from, to, symbol);
    }

    @Override
    public AutoCloseable subscribe(Consumer<NewsItem> listener) {
        return pipeline.subscribe(listener);
    }

    @Override
    public List<FeedHealth> feedHealth() {
        List<FeedHealth> all = new ArrayList<>(poller.health());
        if (webhook != null) {
            all.add(webhook.health());
        }
        all.sort(Comparator.comparing(FeedHealth::source));
        return all;
    }

    @Override
    public void close() {
        poller.close();
        if (webhook != null) {
            webhook.close();
        }
        pipeline.close();
    }
}
