package io.amcp.datasource.news.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.altdata.NewsItem;
import io.amcp.api.model.InstrumentId;
import io.amcp.datasource.news.FeedHealth;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembled source: live polling, the webhook, and a restart. */
class NewsSourceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-03T00:00:00Z"), ZoneOffset.UTC);
    private static final String SECRET = "s3cret-for-tests";

    @TempDir
    Path dir;

    private NewsSource source(List<FeedSpec> feeds, Duration requestTimeout, int webhookPort) {
        return new NewsSource(feeds, new PollSettings(Duration.ofHours(1), requestTimeout, Duration.ofHours(1), Duration.ofHours(1)),
                SymbolTagger.of("companies", "Apple=AAPL"), Lexicon.bundled(), dir, webhookPort, SECRET, CLOCK);
    }

    @Test
    void aHangingFeedDoesNotDelayAnother() throws Exception {
        CountDownLatch hangEntered = new CountDownLatch(1);
        CountDownLatch releaseHang = new CountDownLatch(1);
        try (RecordedFeedServer server = new RecordedFeedServer()
                .recorded("/rss", "marketwire.rss.xml", "application/rss+xml")
                .route("/hang", exchange -> {
                    hangEntered.countDown();
                    try {
                        releaseHang.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    RecordedFeedServer.respond(exchange, 200, "application/rss+xml", new byte[0]);
                })) {
            // the hanging feed is listed first; its time limit is far beyond the test's wait
            List<FeedSpec> feeds = List.of(FeedSpec.parse("rss:dead=" + server.uri("/hang"), 0),
                    FeedSpec.parse("rss:alive=" + server.uri("/rss"), 1));
            BlockingQueue<NewsItem> received = new LinkedBlockingQueue<>();
            try (NewsSource source = source(feeds, Duration.ofMinutes(5), -1);
                 AutoCloseable subscription = source.subscribe(received::add)) {
                assertThat(hangEntered.await(30, TimeUnit.SECONDS)).isTrue();
                for (int i = 0; i < 3; i++) {
                    assertThat(received.poll(30, TimeUnit.SECONDS)).as("item %d of the live feed", i).isNotNull();
                }
                assertThat(releaseHang.getCount()).as("the dead feed is still hanging").isEqualTo(1);
                assertThat(received).isEmpty();
                assertThat(source.feedHealth()).extracting(FeedHealth::source).containsExactly("rss:alive", "rss:dead");
                assertThat(source.feedHealth().get(0).itemsAccepted()).isEqualTo(3);
                assertThat(source.feedHealth().get(1).lastSuccess()).isEmpty();
            } finally {
                releaseHang.countDown();
            }
        }
    }

    @Test
    void webhookRequiresTheSecretAndNamesTheFieldAtFault() throws Exception {
        try (NewsSource source = source(List.of(), Duration.ofSeconds(10), 0)) {
            BlockingQueue<NewsItem> received = new LinkedBlockingQueue<>();
            AutoCloseable subscription = source.subscribe(received::add);
            URI uri = URI.create("http://127.0.0.1:" + source.webhookPort().orElseThrow() + WebhookServer.PATH);
            String story = "{\"title\":\"Apple wins dismissal of patent lawsuit\",\"url\":\"https://news.example.com/a\","
                    + "\"published\":\"2024-05-02T14:00:00Z\",\"body\":\"A good outcome.\"}";

            assertThat(post(uri, null, story).statusCode()).isEqualTo(401);
            assertThat(post(uri, "wrong", story).statusCode()).isEqualTo(401);
            assertThat(received).isEmpty();

            HttpResponse<String> malformed = post(uri, SECRET, "{\"title\": ");
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(malformed.body()).contains("webhook: malformed JSON at line 1");
            HttpResponse<String> noTitle = post(uri, SECRET, "{\"url\":\"https://news.example.com/b\"}");
            assertThat(noTitle.statusCode()).isEqualTo(400);
            assertThat(noTitle.body()).contains("field 'title' is required");
            HttpResponse<String> badDate = post(uri, SECRET, "[{\"title\":\"x\"},{\"title\":\"y\",\"published\":\"yesterday\"}]");
            assertThat(badDate.statusCode()).isEqualTo(400);
            assertThat(badDate.body()).contains("field '[1].published' must be an RFC 3339 instant");
            assertThat(received).as("a rejected batch adds nothing").isEmpty();

            HttpResponse<String> accepted = post(uri, SECRET, story);
            assertThat(accepted.statusCode()).isEqualTo(202);
            assertThat(accepted.body()).isEqualTo("{\"accepted\":1,\"duplicates\":0}");
            NewsItem item = received.poll(10, TimeUnit.SECONDS);
            assertThat(item.source()).isEqualTo("webhook:default");
            assertThat(item.symbols()).containsExactly(InstrumentId.of("AAPL"));
            // lawsuit negative, good positive: (1 - 1) / 2
            assertThat(item.sentiment()).isEqualTo(0.0);
            assertThat(post(uri, SECRET, story).body()).isEqualTo("{\"accepted\":0,\"duplicates\":1}");
            assertThat(source.feedHealth()).singleElement().satisfies(h -> {
                assertThat(h.source()).isEqualTo("webhook:default");
                assertThat(h.itemsAccepted()).isEqualTo(1);
                assertThat(h.lastError()).contains("[1].published");
            });
            subscription.close();
            // listeners run before the webhook answers, so after the 202 nothing more can arrive
            assertThat(post(uri, SECRET, "{\"title\":\"After unsubscribing\"}").statusCode()).isEqualTo(202);
            assertThat(received).isEmpty();
        }
    }

    @Test
    void aRestartKeepsItemsAndDeduplication() throws Exception {
        try (RecordedFeedServer server = new RecordedFeedServer().recorded("/rss", "marketwire.rss.xml", "application/rss+xml")) {
            FeedSpec rss = FeedSpec.parse("rss:marketwire=" + server.uri("/rss"), 0);
            List<NewsItem> before;
            try (NewsSource first = source(List.of(), Duration.ofSeconds(10), -1)) {
                FeedPoller poller = new FeedPoller(List.of(rss), kind -> Optional.of(new RssAdapter()),
                        first.pipeline(), new PollSettings(Duration.ofHours(1), Duration.ofSeconds(10), Duration.ofSeconds(1),
                        Duration.ofSeconds(1)), CLOCK);
                assertThat(poller.pollOnce(rss).newItems()).hasSize(3);
                before = first.between(Instant.EPOCH, CLOCK.instant(), null);
            }
            try (NewsSource second = source(List.of(), Duration.ofSeconds(10), -1)) {
                assertThat(second.between(Instant.EPOCH, CLOCK.instant(), null)).isEqualTo(before);
                FeedPoller poller = new FeedPoller(List.of(rss), kind -> Optional.of(new RssAdapter()),
                        second.pipeline(), new PollSettings(Duration.ofHours(1), Duration.ofSeconds(10), Duration.ofSeconds(1),
                        Duration.ofSeconds(1)), CLOCK);
                assertThat(poller.pollOnce(rss).newItems()).as("already stored before the restart").isEmpty();
            }
        }
    }

    private static HttpResponse<String> post(URI uri, String secret, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (secret != null) {
            request.header(WebhookServer.SECRET_HEADER, secret);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
