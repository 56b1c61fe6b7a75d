package io.amcp.data.etl;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.data.BarQuery;
import io.amcp.data.BarStore;
import io.amcp.datasource.alpaca.AlpacaCredentials;
import io.amcp.datasource.alpaca.AlpacaHttp;
import io.amcp.datasource.alpaca.AlpacaMarketData;
import io.amcp.datasource.file.BarSize;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduled Alpaca pull in a real Camel context against a local HTTP server on 127.0.0.1 that
 * replays recorded-shape responses: a 429 with {@code Retry-After} first, then two pages joined by
 * {@code next_page_token}, then nothing new.
 */
@Timeout(60)
class AlpacaPullRoutesTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");
    private static final InstrumentId MSFT = InstrumentId.of("MSFT");

    @TempDir
    Path dir;
    HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    BarStore store;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v2/stocks/bars", this::serve);
        server.start();
        store = BarStore.open(dir.resolve("store"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
        store.close();
    }

    private void serve(HttpExchange x) throws IOException {
        String query = x.getRequestURI().getRawQuery();
        requests.add(query);
        String body;
        int status = 200;
        if (requests.size() == 1) {
            status = 429;
            body = "error-429.json";
            x.getResponseHeaders().add("Retry-After", "3");
        } else if (query.contains("page_token=")) {
            body = "bars-page2.json";
        } else if (query.contains("start=2021-02-01T16%3A04%3A00Z") || query.contains("start=2021-02-01T16:04:00Z")) {
            body = "bars-empty.json";
        } else {
            body = "bars-page1.json";
        }
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/alpaca/" + body)) {
            bytes = in.readAllBytes();
        }
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Test
    void theTimerRoutePullsEveryPageIntoTheStoreAndContinuesAfterTheLastBar() throws Exception {
        AlpacaHttp http = new AlpacaHttp(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                new AlpacaCredentials("PKTEST", "secret"), 2, waits::add, java.time.Clock.systemUTC());
        AlpacaPullRoutes routes = new AlpacaPullRoutes(store, new AlpacaMarketData(http, "iex"),
                new AlpacaPullSettings(List.of(AAPL, MSFT), BarSize.ONE_MINUTE, Instant.parse("2021-02-01T16:00:00Z"),
                        "alpaca", 600_000, dir.resolve("reports")));
        CamelContext camel = new DefaultCamelContext();
        try {
            camel.start();
            camel.addRoutes(routes);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (reports().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            camel.stop();
        }
        assertThat(waits).containsExactly(Duration.ofSeconds(3));
        assertThat(requests).hasSize(3);
        assertThat(requests.get(2)).contains("page_token=QUFQTHxNfDIwMjEtMDItMDFUMTY6MDI6MDAuMDAwMDAwMDAwWg");
        assertThat(Files.readString(reports().get(0))).contains("rows read 4, stored 4, quarantined 0");

        List<BarSeries> s = store.query(BarQuery.of("alpaca", List.of(AAPL, MSFT), BarSize.ONE_MINUTE,
                Instant.parse("2021-02-01T00:00:00Z"), Instant.parse("2021-02-02T00:00:00Z")));
        assertThat(s.get(0).close()).containsExactly(FixedPoint.parse("133.5"), FixedPoint.parse("133.55"),
                FixedPoint.parse("133.24"));
        assertThat(s.get(1).close()).containsExactly(FixedPoint.parse("238.9"));
        // bars end one minute after their start: the next pull asks from the end of the 16:03 bar
        assertThat(routes.nextStart()).isEqualTo(Instant.parse("2021-02-01T16:04:00Z"));
        assertThat(routes.pull()).isNull();
        assertThat(requests.get(3)).contains("start=2021-02-01T16");
    }

    private List<Path> reports() throws IOException {
        Path d = dir.resolve("reports");
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(d)) {
            return files.toList();
        }
    }
}
