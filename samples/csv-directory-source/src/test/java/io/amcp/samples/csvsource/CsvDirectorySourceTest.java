package io.amcp.samples.csvsource;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.api.spi.PluginStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Camel file route for real, on a temporary directory (waits are bounds, not timing assertions). */
class CsvDirectorySourceTest {

    private static final long WAIT_SECONDS = 30;

    @TempDir
    Path temp;
    private Path incoming;
    private CsvDirectorySource source;
    private final BlockingQueue<Bar> received = new LinkedBlockingQueue<>();
    private final MarketDataSink sink = received::add;

    @BeforeEach
    void start() throws IOException {
        incoming = Files.createDirectory(temp.resolve("incoming"));
        source = new CsvDirectorySource("csv-test", incoming, List.of(InstrumentId.of("AAPL"), InstrumentId.of("MSFT")),
                50, 100, LocalTime.of(16, 0), ZoneId.of("America/New_York"));
        source.start(sink);
    }

    @AfterEach
    void stop() {
        source.stop();
    }

    /** Writes the file beside the directory, then moves it in whole, as a careful producer would. */
    private void drop(String name, String content) throws IOException {
        Path staged = temp.resolve(name);
        Files.writeString(staged, content, StandardCharsets.UTF_8);
        Files.move(staged, incoming.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(file).exists();
    }

    @Test
    void barsOfADroppedFileArriveInOrderAndTheFileMovesToDone() throws Exception {
        assertThat(source.status()).isEqualTo(PluginStatus.ONLINE);

        drop("AAPL_2013.csv", YahooCsvParserTest.AAPL_YAHOO
                + "2013-01-04,19.177500,19.236786,18.779642,18.821428,16.161278,594333600\n");

        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Bar bar = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(bar).as("bar %d", i).isNotNull();
            bars.add(bar);
        }
        assertThat(bars).extracting(Bar::closeAsDouble).containsExactly(19.608213, 19.360714, 18.821428);
        assertThat(bars).extracting(Bar::instrument).containsOnly(InstrumentId.of("AAPL"));
        assertThat(bars.get(0).time()).isLessThan(bars.get(1).time());
        assertThat(bars.get(1).time()).isLessThan(bars.get(2).time());
        awaitFile(incoming.resolve(CsvDirectorySource.DONE).resolve("AAPL_2013.csv"));
        assertThat(incoming.resolve("AAPL_2013.csv")).doesNotExist();
    }

    @Test
    void aCorruptFileGoesToErrorWithAReasonAndPublishesNothing() throws Exception {
        drop("MSFT.csv", """
                Date,Open,High,Low,Close,Adj Close,Volume
                2013-01-02,27.250000,27.730000,27.150000,27.620001,22.620800,52899300
                2013-01-03,27.629999,27.650000,27.160000,oops,22.317257,48294400
                """);

        Path error = incoming.resolve(CsvDirectorySource.ERROR);
        awaitFile(error.resolve("MSFT.csv"));
        Path reason = error.resolve("MSFT.csv" + CsvDirectorySource.REASON_SUFFIX);
        assertThat(reason).exists();
        assertThat(Files.readString(reason)).isEqualTo("MSFT.csv: row 3, field Close: not a number: 'oops'\n");
        assertThat(received).isEmpty();
    }

    @Test
    void aFileForAnUnknownSymbolIsRejectedNamingTheFileName() throws Exception {
        drop("TSLA.csv", YahooCsvParserTest.AAPL_YAHOO);

        Path error = incoming.resolve(CsvDirectorySource.ERROR);
        awaitFile(error.resolve("TSLA.csv" + CsvDirectorySource.REASON_SUFFIX));
        assertThat(Files.readString(error.resolve("TSLA.csv" + CsvDirectorySource.REASON_SUFFIX)))
                .contains("field file name").contains("'TSLA'");
    }
}
