package io.amcp.datasource.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Instrument;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.DatasetProvider.DatasetInfo;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvBarImporterTest {

    private static final Instrument SPY = Instrument.etf("SPY");
    private final CsvBarImporter importer = new CsvBarImporter();

    /** Two rows as downloaded from Yahoo Finance (SPY, January 2024). */
    private static final String YAHOO = """
            Date,Open,High,Low,Close,Adj Close,Volume
            2024-01-02,472.160004,473.670013,470.489990,472.649994,463.643463,123623700
            2024-01-03,470.429993,471.190002,468.170013,468.790009,459.856995,103585900
            """;

    /** Alpaca v2 minute bars: t is the bar's start. */
    private static final String ALPACA = """
            t,o,h,l,c,v,n,vw
            2024-01-02T14:30:00Z,472.16,472.3,471.9,472.05,1500213,9870,472.11
            2024-01-02T14:31:00Z,472.05,472.4,472.0,472.39,654321,5021,472.2
            2024-01-02T14:33:00-00:00,472.39,472.5,472.1,472.2,400000.5,3000,472.3
            """;

    @Test
    void yahooRowsBecomeDailyBarsEndingAtTheNewYorkClose() {
        BarSeries s = read(YAHOO);
        assertThat(s.size()).isEqualTo(2);
        // 2024-01-02 16:00 EST = 21:00 UTC
        assertThat(s.time()[0]).isEqualTo(nanos("2024-01-02T21:00:00Z"));
        assertThat(s.open()[0]).isEqualTo(FixedPoint.parse("472.160004"));
        assertThat(s.high()[0]).isEqualTo(FixedPoint.parse("473.670013"));
        assertThat(s.low()[0]).isEqualTo(FixedPoint.parse("470.489990"));
        assertThat(s.close()[1]).isEqualTo(FixedPoint.parse("468.790009"));
        assertThat(s.volume()[1]).isEqualTo(103585900L * FixedPoint.ONE);
    }

    @Test
    void alpacaRowsEndOneInferredBarSizeAfterTheirStart() {
        assertThat(CsvBarImporter.detect("t,o,h,l,c,v,n,vw", "x")).isEqualTo(CsvBarImporter.Format.ALPACA);
        BarSeries s = read(ALPACA);
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.time()[0]).isEqualTo(nanos("2024-01-02T14:31:00Z"));
        assertThat(s.time()[2]).isEqualTo(nanos("2024-01-02T14:34:00Z"));
        assertThat(s.close()[1]).isEqualTo(FixedPoint.parse("472.39"));
        assertThat(s.volume()[2]).isEqualTo(FixedPoint.parse("400000.5"));
    }

    @Test
    void alpacaDailyEquityBarsEndAtTheSessionClose() {
        String daily = "t,o,h,l,c,v\n2024-07-02T04:00:00Z,10,11,9,10.5,100\n2024-07-03T04:00:00Z,10,11,9,10.5,100\n";
        BarSeries s = importer.read(new StringReader(daily), "d.csv", SPY, Duration.ofDays(1));
        // 2024-07-02 closes 16:00 EDT = 20:00 UTC; 2024-07-03 is an NYSE early close, 13:00 EDT = 17:00 UTC
        assertThat(s.time()).containsExactly(nanos("2024-07-02T20:00:00Z"), nanos("2024-07-03T17:00:00Z"));
    }

    @Test
    void badNumberNamesLineAndColumn() {
        String csv = YAHOO + "2024-01-04,468.299988,470.959991,467.049988,null,458.5,84232200\n";
        assertThatThrownBy(() -> read(csv)).isInstanceOf(DatasetFormatException.class)
                .hasMessage("test.csv line 4, field 'close': not a decimal number: 'null'")
                .satisfies(e -> {
                    DatasetFormatException d = (DatasetFormatException) e;
                    assertThat(d.line()).isEqualTo(4);
                    assertThat(d.field()).isEqualTo("close");
                });
    }

    @Test
    void badTimestampNamesLineAndColumn() {
        String csv = "t,o,h,l,c,v\n2024-01-02T14:30:00Z,1,2,1,1,1\n2024-01-02 14:31,1,2,1,1,1\n";
        assertThatThrownBy(() -> read(csv))
                .hasMessage("test.csv line 3, field 't': not an RFC-3339 timestamp: '2024-01-02 14:31'");
    }

    @Test
    void badDateShortRowNegativeVolumeAndInconsistentOhlcAreNamed() {
        assertThatThrownBy(() -> read("Date,Open,High,Low,Close,Volume\n01/02/2024,1,2,1,1,1\n"))
                .hasMessageContaining("line 2, field 'date'");
        assertThatThrownBy(() -> read("Date,Open,High,Low,Close,Volume\n2024-01-02,1,2\n"))
                .hasMessageContaining("line 2").hasMessageContaining("expected at least 6 columns, found 3");
        assertThatThrownBy(() -> read("Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,1,-5\n"))
                .hasMessageContaining("line 2, field 'volume'").hasMessageContaining("negative");
        assertThatThrownBy(() -> read("Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,3,5\n"))
                .hasMessageContaining("line 2, field 'close'").hasMessageContaining("outside the high-low range");
        assertThatThrownBy(() -> read("Date,Open,High,Low,Close,Volume\n2024-01-03,1,2,1,1,5\n2024-01-02,1,2,1,1,5\n"))
                .hasMessageContaining("line 3, field 'date'").hasMessageContaining("not after");
    }

    @Test
    void unknownHeaderIsRejected() {
        assertThatThrownBy(() -> read("time,price\n1,2\n")).hasMessageContaining("line 1")
                .hasMessageContaining("unrecognised header");
    }

    @Test
    void directoryOfCsvFilesBecomesDatasets(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("spy.csv"), YAHOO);
        Files.writeString(dir.resolve("qqq-minutes.csv"), ALPACA);
        Files.writeString(dir.resolve("notes.txt"), "not data");
        BundledDatasets datasets = new BundledDatasets(dir);
        assertThat(datasets.datasets()).extracting(DatasetInfo::id).contains("spy", "qqq-minutes")
                .doesNotContain("notes");
        DatasetInfo minutes = datasets.datasets().stream().filter(d -> d.id().equals("qqq-minutes")).findFirst()
                .orElseThrow();
        assertThat(minutes.barSize()).isEqualTo("1m");
        assertThat(minutes.symbols()).containsExactly("QQQ-MINUTES");
        BarSeries spy = datasets.load("spy").get(0);
        assertThat(spy.instrument().id().value()).isEqualTo("SPY");
        assertThat(spy.size()).isEqualTo(2);
        assertThat(datasets.load("aapl-2013").get(0).size()).isEqualTo(252);
    }

    private BarSeries read(String csv) {
        return importer.read(new StringReader(csv), "test.csv", SPY, null);
    }

    private static long nanos(String instant) {
        return Clock.toNanos(Instant.parse(instant));
    }
}
