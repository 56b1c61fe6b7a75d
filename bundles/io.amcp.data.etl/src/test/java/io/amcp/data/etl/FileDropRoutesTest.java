package io.amcp.data.etl;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.data.BarQuery;
import io.amcp.data.BarStore;
import io.amcp.datasource.file.BarSize;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The file-drop route in a real Camel context, with real files dropped into a temporary inbox. */
@Timeout(60)
class FileDropRoutesTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");
    private static final InstrumentId MSFT = InstrumentId.of("MSFT");
    private static final Instant FROM = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2030-01-01T00:00:00Z");

    @TempDir
    Path dir;
    Path inbox;
    BarStore store;
    CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        inbox = Files.createDirectories(dir.resolve("inbox"));
        store = BarStore.open(dir.resolve("store"));
        camel = new DefaultCamelContext();
        camel.start();
        FileDropRoutes routes = new FileDropRoutes(store,
                new FileDropSettings(inbox, "drops", BarSize.ONE_MINUTE, dir.resolve("reports"), 100));
        camel.addRoutes(routes);
        assertThat(camel.getRouteController().getRouteStatus(routes.routeId())).isEqualTo(ServiceStatus.Started);
    }

    @AfterEach
    void stop() {
        camel.stop();
        store.close();
    }

    /** Writes under a hidden name (ignored by the route) and renames, as a careful producer would. */
    private void drop(String name, String content) throws IOException {
        Path tmp = Files.writeString(inbox.resolve("." + name + ".part"), content);
        Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path await(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not there after 30 s: " + file);
            }
            Thread.sleep(50);
        }
        return file;
    }

    private Path report(String prefix, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("reports"))) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(suffix)).findFirst().orElseThrow();
        }
    }

    @Test
    void aDroppedYahooCsvIsValidatedStoredAndReported() throws Exception {
        // three NYSE sessions; the middle row has high 9 below low 10 and must be quarantined
        drop("msft.csv", """
                Date,Open,High,Low,Close,Adj Close,Volume
                2024-03-04,410.5,415.0,409.0,414.92,414.92,17596000
                2024-03-05,413.0,9.0,10.0,402.65,402.65,26919200
                2024-03-06,402.9,405.16,398.39,402.09,402.09,22344100
                """);
        await(inbox.resolve(".done/msft.csv"));
        assertThat(inbox.resolve("msft.csv")).doesNotExist();

        String report = Files.readString(report("msft.csv.", ".quality.txt"));
        assertThat(report).contains("dataset drops", "rows read 3, stored 2, quarantined 1")
                .contains("msft.csv line 3 field 'high': high 9 below low 10");
        BarSeries s = store.query(BarQuery.of("drops", List.of(MSFT), BarSize.ONE_DAY, FROM, TO)).get(0);
        assertThat(s.close()).containsExactly(FixedPoint.parse("414.92"), FixedPoint.parse("402.09"));
        // daily bars end at the 16:00 New York close (EST: 21:00 UTC)
        assertThat(s.time()[0]).isEqualTo(Instant.parse("2024-03-04T21:00:00Z").getEpochSecond() * 1_000_000_000L);
    }

    @Test
    void aDroppedAlpacaBarsResponseHasItsBrokenBarsQuarantined() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/drops/aapl-bad.json")) {
            Path tmp = inbox.resolve(".aapl.json.part");
            Files.copy(in, tmp);
            Files.move(tmp, inbox.resolve("aapl.json"), StandardCopyOption.ATOMIC_MOVE);
        }
        await(inbox.resolve(".done/aapl.json"));
        String report = Files.readString(report("aapl.json.", ".quality.txt"));
        assertThat(report).contains("rows read 6, stored 2, quarantined 4")
                .contains("aapl.json line 4 field 'o': not a number: 'abc'")
                .contains("aapl.json line 5 field 'high'")
                .contains("aapl.json line 6 field 'c': missing value")
                .contains("aapl.json line 7 field 't': not an RFC-3339 timestamp: 'yesterday'");
        assertThat(report).containsPattern("quarantine file: drops/quarantine/.*\\.csv");
        BarSeries s = store.query(BarQuery.of("drops", List.of(AAPL), BarSize.ONE_MINUTE, FROM, TO)).get(0);
        assertThat(s.close()).containsExactly(FixedPoint.parse("133.5"), FixedPoint.parse("133.66"));
    }

    @Test
    void aCorruptFileIsRefusedWholeAndLeavesTheStoreAsItWas() throws Exception {
        drop("msft.csv", """
                Date,Open,High,Low,Close,Adj Close,Volume
                2024-03-04,410.5,415.0,409.0,414.92,414.92,17596000
                """);
        await(inbox.resolve(".done/msft.csv"));
        drop("ibm.csv", "when,price\n2024-03-04,190\n");
        await(inbox.resolve(".failed/ibm.csv"));
        String failure = Files.readString(await(dir.resolve("reports/ibm.csv.failed.txt")));
        assertThat(failure).startsWith("file ibm.csv refused, nothing stored: ").contains("ibm.csv");
        assertThat(store.datasets()).singleElement().satisfies(d -> {
            assertThat(d.symbols()).containsExactly(MSFT);
            assertThat(d.rows()).isEqualTo(1);
        });
        assertThat(store.verify().ok()).isTrue();
    }
}
