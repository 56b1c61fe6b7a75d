package io.amcp.datasource.news.internal;

import io.amcp.api.altdata.NewsFeed;
import io.amcp.api.altdata.NewsItem;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.CredentialStore;
import io.amcp.api.spi.DataSourceHealth;
import io.amcp.datasource.news.NewsAdapter;
import io.amcp.datasource.news.NewsHealth;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The news source as a {@link NewsFeed} and {@link NewsHealth} service, configured by PID
 * {@code io.amcp.datasource.news}. The webhook secret comes from credential {@code news.webhook-secret}
 * when a {@link CredentialStore} holds it, else from the private {@code .webhookSecret} property. Extra
 * {@link NewsAdapter} services are picked up (and dropped) while it runs. Item times from feeds are
 * publication times; health records use the wall clock, as this component does I/O, not trading.
 */
@Component(service = {NewsFeed.class, NewsHealth.class, DataSourceHealth.class}, configurationPid = "io.amcp.datasource.news")
@Designate(ocd = NewsConfig.class)
public final class NewsComponent implements NewsFeed, NewsHealth, DataSourceHealth {

    static final String SECRET_CREDENTIAL = "news.webhook-secret";

    private final NewsSource source;

    @Activate
    public NewsComponent(NewsConfig config,
                         @Reference(cardinality = ReferenceCardinality.MULTIPLE, policyOption = ReferencePolicyOption.GREEDY)
                         List<CredentialStore> credentials) {
        this.source = create(config, credentials, Clock.systemUTC());
    }

    /** Builds the source a configuration describes; errors name the property at fault. */
    static NewsSource create(NewsConfig config, List<CredentialStore> credentials, Clock clock) {
        List<FeedSpec> feeds = new ArrayList<>();
        String[] entries = config.feeds();
        Set<String> sources = new HashSet<>();
        for (int i = 0; i < entries.length; i++) {
            FeedSpec feed = FeedSpec.parse(entries[i], i);
            if (!sources.add(feed.source())) {
                throw new IllegalArgumentException("feeds[" + i + "]: feed '" + feed.source() + "' is listed twice");
            }
            feeds.add(feed);
        }
        PollSettings settings = new PollSettings(Duration.ofSeconds(config.pollIntervalSeconds()),
                Duration.ofSeconds(config.requestTimeoutSeconds()), Duration.ofSeconds(config.backoffInitialSeconds()),
                Duration.ofSeconds(config.backoffMaxSeconds()));
        Lexicon lexicon = config.lexiconFile().isBlank() ? Lexicon.bundled() : Lexicon.masterDictionary(Path.of(config.lexiconFile().strip()));
        String dir = config.storeDirectory().isBlank()
                ? System.getProperty("karaf.data", "data") + "/news" : config.storeDirectory().strip();
        String secret = credentials.stream().map(store -> store.secret(SECRET_CREDENTIAL)).flatMap(Optional::stream)
                .findFirst().orElse(config._webhookSecret());
        return new NewsSource(feeds, settings, SymbolTagger.of("companies", config.companies()), lexicon, Path.of(dir),
                config.webhookPort(), secret, clock);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAdapter(NewsAdapter adapter) {
        source.addAdapter(adapter);
    }

    void removeAdapter(NewsAdapter adapter) {
        source.removeAdapter(adapter);
    }

    @Deactivate
    void deactivate() {
        source.close();
    }

    @Override
    public List<NewsItem> between(Instant from, Instant to, InstrumentId symbol) {
        return source.between(from, to, symbol);
    }

    @Override
    public AutoCloseable subscribe(Consumer<NewsItem> listener) {
        return source.subscribe(listener);
    }

    @Override
    public List<io.amcp.datasource.news.FeedHealth> feedHealth() {
        return source.feedHealth();
    }

    @Override
    public String sourceId() {
        return "news";
    }

    /** One feed per configured feed, and the webhook when enabled. */
    @Override
    public List<FeedHealth> feeds() {
        return source.feedHealth().stream().map(h -> new FeedHealth(h.source(), h.lastSuccess().orElse(null),
                h.lastFailure().orElse(null), h.lastError(), h.consecutiveFailures())).toList();
    }
}
