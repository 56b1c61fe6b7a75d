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
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
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
            CamelContext camel = new DefaultCamelContext();
            camel.start();
            LiveIngestRoutes routes = new LiveIngestRoutes(store,
                    new LiveIngestSettings("etl-live", "live", BarSize.ONE_MINUTE, 5, 200, dir.resolve("reports")));
            camel.addRoutes(routes);
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

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
