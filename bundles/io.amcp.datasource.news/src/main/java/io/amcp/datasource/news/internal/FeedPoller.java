package io.amcp.datasource.news.internal;

import io.amcp.api.altdata.NewsItem;
import io.amcp.datasource.http.ResilientHttp;
import io.amcp.datasource.news.FeedHealth;
import io.amcp.datasource.news.NewsAdapter;
import io.amcp.datasource.news.NewsFormatException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches every configured feed on its own schedule. One scheduler thread only times the fetches;
 * each fetch runs on a worker of its own with a hard time limit, so a feed that hangs or fails never
 * delays another. After a failure the next attempt waits {@link PollSettings#backoff} (or as long as a
 * 429's {@code Retry-After} asks); after a success, the poll interval.
 */
final class FeedPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

    /**
     * What one fetch did.
     *
     * @param newItems  items it added (duplicates left out)
     * @param nextDelay wait before the feed's next fetch
     */
    record PollResult(List<NewsItem> newItems, Duration nextDelay) {
    }

    private final List<FeedSpec> feeds;
    private final Function<String, Optional<NewsAdapter>> adapters;
    private final NewsPipeline pipeline;
    private final HttpClient http;
    private final PollSettings settings;
    private final Clock clock;
    private final Map<String, FeedHealth> health = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;
    private ExecutorService workers;

    FeedPoller(List<FeedSpec> feeds, Function<String, Optional<NewsAdapter>> adapters, NewsPipeline pipeline,
               PollSettings settings, Clock clock) {
        this.feeds = List.copyOf(feeds);
        this.adapters = adapters;
        this.pipeline = pipeline;
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        feeds.forEach(feed -> health.put(feed.source(), FeedHealth.unknown(feed.source())));
    }

    /** Starts fetching every feed now, then on its schedule. */
    synchronized void start() {
        if (feeds.isEmpty() || scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(named("amcp-news-scheduler"));
        workers = Executors.newFixedThreadPool(feeds.size(), named("amcp-news-fetch"));
        feeds.forEach(feed -> schedule(feed, Duration.ZERO));
    }

    private synchronized void schedule(FeedSpec feed, Duration delay) {
        if (scheduler == null || scheduler.isShutdown()) {
            return;
        }
        scheduler.schedule(() -> workers.execute(() -> {
            Duration next = settings.backoffMax();
            try {
                next = pollOnce(feed).nextDelay();
            } catch (RuntimeException e) {
                LOG.error("news feed {}: unexpected failure, next try in {} s", feed.source(), next.toSeconds(), e);
            } finally {
                schedule(feed, next);
            }
        }), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Fetches {@code feed} once, records its health and says when to fetch it next. */
    PollResult pollOnce(FeedSpec feed) {
        Optional<NewsAdapter> adapter = adapters.apply(feed.kind());
        if (adapter.isEmpty()) {
            return failed(feed, "no NewsAdapter of kind '" + feed.kind() + "' is registered", null);
        }
        HttpRequest request = HttpRequest.newBuilder(feed.uri()).timeout(settings.requestTimeout())
                .header("Accept", adapter.get().accept())
                .header("User-Agent", "AMCP news source/0.1 (+https://github.com/amcp)")
                .GET().build();
        HttpResponse<byte[]> response;
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            response = pending.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            return failed(feed, "no complete response within " + settings.requestTimeout().toSeconds() + " s", null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return failed(feed, cause.getClass().getSimpleName() + ": " + cause.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(feed, "interrupted", null);
        }
        int status = response.statusCode();
        if (status == 429) {
            Optional<Duration> retryAfter = response.headers().firstValue("Retry-After")
                    .map(value -> ResilientHttp.retryAfter(value, clock));
            return failed(feed, "HTTP 429 Too Many Requests" + retryAfter.map(d -> ", Retry-After " + d.toSeconds() + " s").orElse(""),
                    retryAfter.orElse(null));
        }
        if (status < 200 || status > 299) {
            return failed(feed, "HTTP " + status + " from " + feed.uri(), null);
        }
        try {
            List<NewsItem> added = pipeline.accept(feed.source(), adapter.get().parse(response.body()));
            health.compute(feed.source(), (k, h) -> h.succeeded(clock.instant(), added.size()));
            pipeline.publish(added);
            return new PollResult(added, settings.interval());
        } catch (NewsFormatException e) {
            return failed(feed, e.getMessage(), null);
        } catch (RuntimeException e) {
            // a third-party adapter's bug or a full disk must not end this feed's schedule
            return failed(feed, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
    }

    private PollResult failed(FeedSpec feed, String error, Duration retryAfter) {
        FeedHealth now = health.compute(feed.source(), (k, h) -> h.failed(clock.instant(), error));
        Duration backoff = settings.backoff(now.consecutiveFailures());
        Duration wait = retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
        LOG.warn("news feed {} failed ({} in a row), next try in {} s: {}", feed.source(), now.consecutiveFailures(),
                wait.toSeconds(), error);
        return new PollResult(List.of(), wait);
    }

    /** Health of every feed, ordered by source. */
    List<FeedHealth> health() {
        return health.values().stream().sorted(Comparator.comparing(FeedHealth::source)).toList();
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            workers.shutdownNow();
            scheduler = null;
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
