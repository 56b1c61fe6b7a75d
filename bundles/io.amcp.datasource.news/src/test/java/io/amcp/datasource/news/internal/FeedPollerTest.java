package io.amcp.datasource.news.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.amcp.api.altdata.NewsItem;
import io.amcp.api.model.InstrumentId;
import io.amcp.datasource.news.FeedHealth;
import io.amcp.datasource.news.NewsAdapter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feeds fetched from a local server replaying recorded payloads, one poll at a time. */
class FeedPollerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-03T00:00:00Z"), ZoneOffset.UTC);
    private static final PollSettings SETTINGS = new PollSettings(Duration.ofSeconds(300), Duration.ofSeconds(10),
            Duration.ofSeconds(1), Duration.ofSeconds(8));
    private static final Map<String, NewsAdapter> ADAPTERS = Map.of("rss", new RssAdapter(), "atom", new AtomAdapter(),
            "reddit", new RedditListingAdapter());

    @TempDir
    Path dir;

    private RecordedFeedServer server;
    private NewsPipeline pipeline;

    @BeforeEach
    void start() {
        server = new RecordedFeedServer()
                .recorded("/rss", "marketwire.rss.xml", "application/rss+xml")
                .recorded("/atom", "centralbank.atom.xml", "application/atom+xml")
                .recorded("/reddit", "stocks-new.reddit.json", "application/json")
                .recorded("/broken", "broken.rss.xml", "application/rss+xml")
                .status("/throttled", 429, "Retry-After", "120")
                .status("/error", 500, null, null);
        pipeline = new NewsPipeline(new NewsStore(dir), SymbolTagger.of("companies", "Apple=AAPL", "Microsoft=MSFT",
                "Target=TGT"), new SentimentScorer(Lexicon.bundled()), CLOCK);
    }

    @AfterEach
    void stop() {
        pipeline.close();
        server.close();
    }

    private FeedPoller poller(FeedSpec... feeds) {
        return new FeedPoller(List.of(feeds), kind -> Optional.ofNullable(ADAPTERS.get(kind)), pipeline, SETTINGS, CLOCK);
    }

    private FeedSpec feed(String kind, String name, String path) {
        return FeedSpec.parse(kind + ":" + name + "=" + server.uri(path), 0);
    }

    @Test
    void deduplicatesAcrossFeedsTagsAndScores() {
        FeedSpec rss = feed("rss", "marketwire", "/rss");
        FeedSpec atom = feed("atom", "econ", "/atom");
        FeedSpec reddit = feed("reddit", "stocks", "/reddit");
        try (FeedPoller poller = poller(rss, atom, reddit)) {
            assertThat(poller.pollOnce(rss).newItems()).hasSize(3);
            // the Apple entry links the RSS item's article (http, www., trailing slash, fragment) and the
            // Tesla entry repeats the RSS headline in other case and punctuation: only the Fed entry is new
            assertThat(poller.pollOnce(atom).newItems()).extracting(NewsItem::title)
                    .containsExactly("Federal Reserve holds rates as economists warn of recession");
            // the Apple post links the same article with other tracking parameters
            assertThat(poller.pollOnce(reddit).newItems()).extracting(NewsItem::title)
                    .containsExactly("Is $NVDA overvalued here?");
            assertThat(poller.pollOnce(rss).newItems()).isEmpty();
        }
        List<NewsItem> all = pipeline.between(Instant.EPOCH, CLOCK.instant(), null);
        assertThat(all).extracting(NewsItem::title).containsExactly(
                "$TSLA: recall costs lead to quarterly loss",
                "Microsoft cloud unit is not yet profitable; no losses expected as revenue growth is strong",
                "Federal Reserve holds rates as economists warn of recession",
                "Is $NVDA overvalued here?",
                "Apple beats estimates as iPhone margins improve");
        NewsItem tesla = all.get(0);
        NewsItem microsoft = all.get(1);
        NewsItem fed = all.get(2);
        NewsItem nvidia = all.get(3);
        NewsItem apple = all.get(4);

        assertThat(apple.source()).isEqualTo("rss:marketwire");
        assertThat(apple.published()).isEqualTo(Instant.parse("2024-05-02T20:35:00Z"));
        assertThat(microsoft.published()).isEqualTo(Instant.parse("2024-04-25T20:45:00Z")); // 16:45 EDT
        assertThat(fed.published()).isEqualTo(Instant.parse("2024-05-01T22:00:00Z"));       // 18:00-04:00
        assertThat(nvidia.published()).isEqualTo(Instant.parse("2024-05-02T20:00:00Z"));    // created_utc 1714680000
        assertThat(nvidia.url()).isEqualTo("https://www.reddit.com/r/stocks/comments/1cih0qd/is_nvda_overvalued_here/");
        assertThat(nvidia.source()).isEqualTo("reddit:stocks");

        assertThat(apple.symbols()).containsExactly(InstrumentId.of("AAPL"));
        assertThat(tesla.symbols()).containsExactly(InstrumentId.of("TSLA"));
        assertThat(microsoft.symbols()).containsExactly(InstrumentId.of("MSFT"));
        assertThat(nvidia.symbols()).containsExactly(InstrumentId.of("NVDA"));
        assertThat(fed.symbols()).as("'target range' is not the company Target").isEmpty();

        // Apple: improve, strong, improved are positive: (3 - 0) / 3
        assertThat(apple.sentiment()).isEqualTo(1.0);
        // Tesla: recall, loss, loss negative, strong positive: (1 - 3) / 4
        assertThat(tesla.sentiment()).isEqualTo(-0.5);
        // Microsoft: "not yet profitable" negative, "no losses" positive, strong positive: (2 - 1) / 3
        assertThat(microsoft.sentiment()).isCloseTo(1.0 / 3.0, within(1e-12));
        // Fed: recession negative: (0 - 1) / 1
        assertThat(fed.sentiment()).isEqualTo(-1.0);
        // NVIDIA: "never been better" negative, nothing else in the lexicon: (0 - 1) / 1
        assertThat(nvidia.sentiment()).isEqualTo(-1.0);

        assertThat(pipeline.between(Instant.parse("2024-05-01T22:00:00Z"), Instant.parse("2024-05-02T20:35:00Z"), null))
                .as("(from, to]").containsExactly(nvidia, apple);
        assertThat(pipeline.between(Instant.EPOCH, CLOCK.instant(), InstrumentId.of("AAPL"))).containsExactly(apple);
    }

    @Test
    void throttlingWaitsAsLongAsRetryAfterAsks() {
        FeedSpec throttled = feed("rss", "busy", "/throttled");
        try (FeedPoller poller = poller(throttled)) {
            assertThat(poller.pollOnce(throttled).nextDelay()).isEqualTo(Duration.ofSeconds(120));
            FeedHealth health = poller.health().get(0);
            assertThat(health.consecutiveFailures()).isEqualTo(1);
            assertThat(health.lastError()).contains("429").contains("120 s");
            assertThat(health.lastFailure()).contains(CLOCK.instant());
            assertThat(health.lastSuccess()).isEmpty();
        }
    }

    @Test
    void serverErrorsBackOffExponentiallyUpToTheCap() {
        FeedSpec failing = feed("rss", "down", "/error");
        try (FeedPoller poller = poller(failing)) {
            // initial 1 s, doubling, capped at 8 s
            assertThat(List.of(poller.pollOnce(failing).nextDelay(), poller.pollOnce(failing).nextDelay(),
                    poller.pollOnce(failing).nextDelay(), poller.pollOnce(failing).nextDelay(),
                    poller.pollOnce(failing).nextDelay())).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 8L);
            assertThat(poller.health().get(0).consecutiveFailures()).isEqualTo(5);
            assertThat(poller.health().get(0).lastError()).startsWith("HTTP 500");
        }
    }

    @Test
    void successResetsTheFailureCount() {
        FeedSpec rss = feed("rss", "marketwire", "/rss");
        FeedSpec broken = feed("rss", "broken", "/broken");
        try (FeedPoller poller = poller(rss, broken)) {
            assertThat(poller.pollOnce(broken).nextDelay()).isEqualTo(Duration.ofSeconds(1));
            assertThat(poller.pollOnce(rss).nextDelay()).isEqualTo(Duration.ofSeconds(300));
            List<FeedHealth> health = poller.health();
            assertThat(health).extracting(FeedHealth::source).containsExactly("rss:broken", "rss:marketwire");
            assertThat(health.get(0).lastError()).startsWith("rss: malformed XML at line 7");
            assertThat(health.get(1).consecutiveFailures()).isZero();
            assertThat(health.get(1).itemsAccepted()).isEqualTo(3);
            assertThat(health.get(1).lastSuccess()).contains(CLOCK.instant());
        }
    }

    @Test
    void unknownAdapterKindIsAHealthErrorNotACrash() {
        FeedSpec mastodon = feed("mastodon", "markets", "/rss");
        try (FeedPoller poller = poller(mastodon)) {
            poller.pollOnce(mastodon);
            assertThat(poller.health().get(0).lastError()).isEqualTo("no NewsAdapter of kind 'mastodon' is registered");
        }
        assertThat(pipeline.between(Instant.EPOCH, CLOCK.instant(), null)).isEmpty();
    }
}
