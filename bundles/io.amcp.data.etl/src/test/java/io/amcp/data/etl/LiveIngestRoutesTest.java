package io.amcp.data.etl;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.Bar;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.MarketDataHub.Subscription;
import io.amcp.data.BarQuery;
import io.amcp.data.BarStore;
import io.amcp.datasource.file.BarSize;
import io.amcp.marketdata.MarketDataFanout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The live route in a real Camel context, fed through the real market data hub. */
@Timeout(60)
class LiveIngestRoutesTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");
    /** 09:30 New York on Tuesday 2024-01-02, a NYSE session: bar i ends i minutes later. */
    private static final Instant OPEN = Instant.parse("2024-01-02T14:30:00Z");

    @TempDir
    Path dir;

    private static Bar bar(int minute, double close) {
        long end = (OPEN.getEpochSecond() + 60L * minute) * 1_000_000_000L;
        return Bar.of(AAPL, end, close, close, close, close, 100);
    }

    @Test
    void microBatchesAreValidatedQuarantinedAndStored() throws Exception {
        try (BarStore store = BarStore.open(dir.resolve("store")); MarketDataFanout hub = new MarketDataFanout()) {
            LiveIngestRoutes routes = new LiveIngestRoutes(store, settings(5, 200, 1, 0));
            CamelContext camel = started(routes);
            Subscription subscription = routes.subscribe(hub, camel, 1024);
            try {
                // micro-batch 1: minutes 1-5; batch 2: minutes 6-9 and a second bar for minute 9 (a duplicate
                // timestamp: the first is kept, the second quarantined); batch 3: minute 10, stored on the timer
                for (int m = 1; m <= 9; m++) {
                    hub.publish(bar(m, 100 + m));
                }
                hub.publish(bar(9, 999));
                hub.publish(bar(10, 110));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (routes.ingests() < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(routes.ingests()).isEqualTo(3);
                assertThat(routes.rowsStored()).isEqualTo(10);
                assertThat(routes.rowsQuarantined()).isEqualTo(1);
            } finally {
                subscription.close();
                camel.stop();
            }
            List<BarSeries> stored = store.query(BarQuery.of("live", List.of(AAPL), BarSize.ONE_MINUTE, OPEN,
                    OPEN.plus(Duration.ofHours(1))));
            assertThat(stored).hasSize(1);
            BarSeries s = stored.get(0);
            assertThat(s.size()).isEqualTo(10);
            for (int i = 0; i < 10; i++) {
                assertThat(s.close()[i]).as("close of minute %d", i + 1).isEqualTo(FixedPoint.fromDouble(101 + i));
            }
            List<String> reports;
            try (Stream<Path> files = Files.list(dir.resolve("reports"))) {
                reports = files.map(p -> p.getFileName().toString()).sorted().toList();
            }
            assertThat(reports).hasSize(3).allMatch(n -> n.startsWith("live-") && n.endsWith(".quality.txt"));
            String all = String.join("\n", reports.stream().map(n -> read(dir.resolve("reports").resolve(n))).toList());
            assertThat(all).contains("DUPLICATE_TIMESTAMP");
        }
    }

    @Test
    void unsubscribingStoresEveryBarAlreadyPublished() throws Exception {
        int n = 300;
        try (BarStore store = BarStore.open(dir.resolve("store")); MarketDataFanout hub = new MarketDataFanout()) {
            LiveIngestRoutes routes = new LiveIngestRoutes(store, settings(50, 60_000, 1, 0));
            CamelContext camel = started(routes);
            Subscription subscription = routes.subscribe(hub, camel, 16);
            // minutes 1..300 of the 390-minute session; the route is reconfigured right after the last one
            for (int m = 1; m <= n; m++) {
                hub.publish(bar(m, 100 + m));
            }
            subscription.close();
            camel.stop();
            assertThat(subscription.stats().dropped()).isZero();
            assertThat(routes.rowsStored()).isEqualTo(n);
            BarSeries s = store.query(BarQuery.of("live", List.of(AAPL), BarSize.ONE_MINUTE, OPEN, OPEN.plus(Duration.ofHours(7))))
                    .get(0);
            assertThat(s.size()).isEqualTo(n);
            assertThat(s.close()[n - 1]).isEqualTo(FixedPoint.fromDouble(100 + n));
        }
    }

    /** Live ingest settings for 1-minute AAPL bars into dataset {@code live}, reports under {@code <dir>/reports}. */
    private LiveIngestSettings settings(int batchSize, long flushMillis, int attempts, long backoffMillis) {
        return new LiveIngestSettings("etl-live", "live", BarSize.ONE_MINUTE, batchSize, flushMillis, dir.resolve("reports"),
                attempts, backoffMillis);
    }

    /** A started Camel context running {@code routes}. */
    private static CamelContext started(LiveIngestRoutes routes) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.start();
        camel.addRoutes(routes);
        return camel;
    }

    /** Five bars into a route whose batches hold five: one micro-batch, stored (or not) before this returns. */
    private static void sendOneBatch(LiveIngestRoutes routes) throws Exception {
        CamelContext camel = started(routes);
        try {
            ProducerTemplate template = camel.createProducerTemplate();
            for (int m = 1; m <= 5; m++) {
                template.sendBody(routes.endpointUri(), bar(m, 100 + m));
            }
        } finally {
            camel.stop();
        }
    }

    @Test
    void aRefusedMicroBatchIsTriedAgainAndStored() throws Exception {
        try (BarStore store = BarStore.open(dir.resolve("store"))) {
            AtomicInteger attempts = new AtomicInteger();
            LiveIngestRoutes routes = new LiveIngestRoutes((dataset, barSize, batches) -> {
                if (attempts.incrementAndGet() <= 2) {
                    throw new IllegalStateException("ingest into '" + dataset + "' failed, nothing was changed: disk full");
                }
                return store.ingest(dataset, barSize, batches.iterator(), null);
            }, settings(5, 60_000, 3, 10));
            sendOneBatch(routes);
            assertThat(attempts.get()).isEqualTo(3);
            assertThat(routes.retries()).isEqualTo(2);
            assertThat(routes.ingests()).isEqualTo(1);
            assertThat(routes.rowsStored()).isEqualTo(5);
            assertThat(routes.batchesFailed()).isZero();
            BarSeries s = store.query(BarQuery.of("live", List.of(AAPL), BarSize.ONE_MINUTE, OPEN, OPEN.plus(Duration.ofHours(1))))
                    .get(0);
            assertThat(s.close()).containsExactly(FixedPoint.fromDouble(101), FixedPoint.fromDouble(102),
                    FixedPoint.fromDouble(103), FixedPoint.fromDouble(104), FixedPoint.fromDouble(105));
            try (Stream<Path> files = Files.list(dir.resolve("reports"))) {
                assertThat(files.map(p -> p.getFileName().toString())).singleElement()
                        .satisfies(n -> assertThat(n).startsWith("live-2").endsWith(".quality.txt"));
            }
        }
    }

    @Test
    void aMicroBatchRefusedEveryTimeIsQuarantinedWholeWithTheError() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        LiveIngestRoutes routes = new LiveIngestRoutes((dataset, barSize, batches) -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("ingest into '" + dataset + "' failed, nothing was changed: disk full");
        }, settings(5, 60_000, 2, 10));
        sendOneBatch(routes);
        assertThat(attempts.get()).isEqualTo(2);
        assertThat(routes.ingests()).isZero();
        assertThat(routes.batchesFailed()).isEqualTo(1);
        assertThat(routes.rowsFailed()).isEqualTo(5);
        List<Path> files;
        try (Stream<Path> list = Files.list(dir.resolve("reports"))) {
            files = list.sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .satisfiesExactly(n -> assertThat(n).startsWith("live-failed-").endsWith("-1.csv"),
                        n -> assertThat(n).startsWith("live-failed-").endsWith("-1.txt"));
        // bar m ends m minutes after 14:30 UTC and closes at 100 + m
        assertThat(Files.readAllLines(files.get(0))).containsExactly("symbol,end,open,high,low,close,volume",
                "AAPL,2024-01-02T14:31:00Z,101,101,101,101,100", "AAPL,2024-01-02T14:32:00Z,102,102,102,102,100",
                "AAPL,2024-01-02T14:33:00Z,103,103,103,103,100", "AAPL,2024-01-02T14:34:00Z,104,104,104,104,100",
                "AAPL,2024-01-02T14:35:00Z,105,105,105,105,100");
        assertThat(Files.readString(files.get(1))).contains("5 bars refused by the store, not stored: dataset live, 2 attempt(s)")
                .contains("last error: java.lang.IllegalStateException: ingest into 'live' failed, nothing was changed: disk full")
                .contains("bars: " + files.get(0).getFileName());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
