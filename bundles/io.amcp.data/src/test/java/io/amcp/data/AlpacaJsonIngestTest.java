package io.amcp.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.Clock;
import io.amcp.datasource.file.BarSize;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Alpaca bars JSON files (documented response shapes, see src/test/resources/alpaca/README.md) into the store. */
@Timeout(30)
class AlpacaJsonIngestTest {

    private static final Instant FROM = Instant.parse("2021-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2022-01-01T00:00:00Z");
    private static final InstrumentId AAPL = InstrumentId.of("AAPL");

    @TempDir
    Path dir;
    BarStore store;

    @BeforeEach
    void open() {
        store = BarStore.open(dir.resolve("data"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Path resource(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/alpaca/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void singleSymbolResponseIsStoredWithBarEndTimes() throws IOException {
        IngestResult r = store.ingestFiles("alpaca", List.of(resource("aapl.json")), BarSize.ONE_MINUTE, null);
        assertThat(r.rowsStored()).isEqualTo(2);
        BarSeries s = store.query(BarQuery.of("alpaca", List.of(AAPL), BarSize.ONE_MINUTE, FROM, TO)).get(0);
        // t is the bar start: 16:01 and 16:02 start, so they end at 16:02 and 16:03
        assertThat(s.time()).containsExactly(Clock.toNanos(Instant.parse("2021-02-01T16:02:00Z")),
                Clock.toNanos(Instant.parse("2021-02-01T16:03:00Z")));
        assertThat(s.open()).containsExactly(FixedPoint.parse("133.32"), FixedPoint.parse("133.5"));
        assertThat(s.close()).containsExactly(FixedPoint.parse("133.5"), FixedPoint.parse("133.55"));
        assertThat(s.volume()).containsExactly(FixedPoint.parse("9876"), FixedPoint.parse("5220"));
    }

    @Test
    void multiSymbolResponseGivesOneSeriesPerSymbol() throws IOException {
        store.ingestFiles("alpaca", List.of(resource("multi.json")), BarSize.ONE_MINUTE, null);
        List<BarSeries> s = store.query(BarQuery.of("alpaca", List.of(AAPL, InstrumentId.of("MSFT")), BarSize.ONE_MINUTE,
                FROM, TO));
        assertThat(s.get(0).close()).containsExactly(FixedPoint.parse("133.5"));
        assertThat(s.get(1).close()).containsExactly(FixedPoint.parse("238.9"));
    }

    @Test
    void brokenBarsAreQuarantinedNamingLineAndField() throws IOException {
        IngestResult r = store.ingestFiles("alpaca", List.of(resource("aapl-bad.json")), BarSize.ONE_MINUTE, null);
        QualityReport q = r.report();
        assertThat(q.rowsRead()).isEqualTo(6);
        assertThat(q.rowsStored()).isEqualTo(2);
        assertThat(q.rowsQuarantined()).isEqualTo(4);
        assertThat(q.count(QualityRule.SCHEMA)).isEqualTo(3);
        assertThat(q.count(QualityRule.OHLC_INCONSISTENT)).isEqualTo(1);
        assertThat(q.issues()).filteredOn(i -> i.rule().quarantines())
                .extracting(i -> i.origin() + " " + i.field() + " " + i.symbol())
                .containsExactlyInAnyOrder("aapl-bad.json line 4 o AAPL", "aapl-bad.json line 6 c AAPL",
                        "aapl-bad.json line 7 t AAPL", "aapl-bad.json line 5 high AAPL");
        assertThat(Files.readString(store.root().resolve(q.quarantineFile()))).contains("not a number: 'abc'");
    }

    @Test
    void aFileThatIsNotABarsResponseIsRefusedAndNothingIsStored() throws IOException {
        Path other = Files.writeString(dir.resolve("x.json"), "{\"code\":40410000,\"message\":\"not found\"}");
        assertThatThrownBy(() -> store.ingestFiles("alpaca", List.of(other), BarSize.ONE_MINUTE, null))
                .hasMessage("x.json: no 'bars' field; not an Alpaca bars response");
        Path text = Files.writeString(dir.resolve("x.txt"), "hello");
        assertThatThrownBy(() -> store.ingestFiles("alpaca", List.of(text), null, null))
                .hasMessageEndingWith("x.txt: not a .csv or .json file");
        assertThat(store.datasets()).isEmpty();
    }
}
