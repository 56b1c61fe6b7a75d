package io.amcp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.InstrumentId;
import io.amcp.datasource.file.BarSize;
import io.amcp.datasource.file.SyntheticSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay path against the Parquet rows that DuckDB reads for {@link BarStore#query}. */
class ReplayTest {

    private static final Instant ALL_FROM = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant ALL_TO = Instant.parse("2030-01-01T00:00:00Z");
    private static final InstrumentId SYN2 = InstrumentId.of("SYN002");

    @TempDir
    Path dir;
    private BarStore store;

    @BeforeEach
    void open() {
        store = BarStore.open(dir.resolve("data"));
        // 15-minute bars from December 2019 to January 2021: three UTC-year partitions per symbol
        store.ingestSynthetic("syn", SyntheticSpec.parse("symbols=2,years=1.1,bar=15m,seed=5,start=2019-12-02"), null);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void assertSameBars(BarSeries expected, BarSeries actual) {
        assertEquals(expected.instrument().id(), actual.instrument().id());
        assertArrayEquals(expected.time(), actual.time());
        assertArrayEquals(expected.open(), actual.open());
        assertArrayEquals(expected.high(), actual.high());
        assertArrayEquals(expected.low(), actual.low());
        assertArrayEquals(expected.close(), actual.close());
        assertArrayEquals(expected.volume(), actual.volume());
    }

    private BarSeries parquetRows(Instant from, Instant to) {
        return store.query(BarQuery.of("syn", List.of(SYN2), BarSize.FIFTEEN_MINUTES, from, to)).get(0);
    }

    @Test
    void replayEqualsTheParquetRowsWholeAndInARangeAcrossYears() {
        BarSeries all = parquetRows(ALL_FROM, ALL_TO);
        assertEquals(3, store.partitions("syn").stream().filter(p -> p.symbol().equals(SYN2)).count());
        assertSameBars(all, store.replay("syn", SYN2, ALL_FROM, ALL_TO));
        Instant from = Instant.parse("2019-12-20T15:00:00Z");
        Instant to = Instant.parse("2020-01-03T17:00:00Z");
        BarSeries range = parquetRows(from, to);
        assertSameBars(range, store.replay("syn", SYN2, from, to));
        assertEquals(0, store.replayCacheRebuilds(), "ingest wrote every cache");
        assertEquals(6, countCaches());
    }

    @Test
    void aDamagedCacheIsRebuiltFromParquetNeverTrusted() throws IOException {
        BarSeries expected = parquetRows(ALL_FROM, ALL_TO);
        PartitionInfo p = store.partitions("syn").stream().filter(x -> x.symbol().equals(SYN2) && x.year() == 2020).findFirst().orElseThrow();
        Path cache = dir.resolve("data/syn/replay/" + p.sha256() + ".cols");
        byte[] good = Files.readAllBytes(cache);
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 0x10;
        Files.write(cache, bad);

        assertSameBars(expected, store.replay("syn", SYN2, ALL_FROM, ALL_TO));
        assertEquals(1, store.replayCacheRebuilds());
        assertArrayEquals(good, Files.readAllBytes(cache), "the rebuilt cache is the one ingest wrote");

        Files.delete(cache);
        assertSameBars(expected, store.replay("syn", SYN2, ALL_FROM, ALL_TO));
        assertEquals(2, store.replayCacheRebuilds());
        assertSameBars(expected, store.replay("syn", SYN2, ALL_FROM, ALL_TO));
        assertEquals(2, store.replayCacheRebuilds(), "a good cache is not rebuilt again");
    }

    @Test
    void aMergedPartitionGetsItsCacheOnFirstReplayAndTheOldOneGoes() throws IOException {
        BarSeries before = parquetRows(ALL_FROM, ALL_TO);
        // ingest the same market again: every partition merges with its stored twin
        store.ingestSynthetic("syn", SyntheticSpec.parse("symbols=2,years=1.1,bar=15m,seed=5,start=2019-12-02"), null);
        assertSameBars(before, store.replay("syn", SYN2, ALL_FROM, ALL_TO));
        assertEquals(3, store.replayCacheRebuilds());
        assertEquals(store.replayCacheBytes("syn"), sizeOfCaches(SYN2) + sizeOfCaches(InstrumentId.of("SYN001")));
    }

    @Test
    void mergingNewRowsIntoStoredPartitionsLeavesOneCachePerPartition() {
        // a month of another market inside the stored span: those partitions merge old and new rows, so the
        // merged files differ from the new slices, whose own caches must not stay behind
        store.ingestSynthetic("syn", SyntheticSpec.parse("symbols=2,years=0.08,bar=15m,seed=6,start=2020-06-01"), null);
        for (InstrumentId symbol : List.of(SYN2, InstrumentId.of("SYN001"))) {
            store.replay("syn", symbol, ALL_FROM, ALL_TO);
        }
        assertEquals(store.partitions("syn").size(), countCaches());
    }

    @Test
    void badReplayArgumentsNameTheField() {
        assertThrows(IllegalArgumentException.class, () -> store.replay("nope", SYN2, ALL_FROM, ALL_TO));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.replay("syn", SYN2, ALL_TO, ALL_FROM));
        assertEquals(true, e.getMessage().startsWith("to:"));
        assertEquals(0, store.replay("syn", InstrumentId.of("OTHER"), ALL_FROM, ALL_TO).size());
    }

    private long countCaches() {
        try (var files = Files.list(dir.resolve("data/syn/replay"))) {
            return files.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long sizeOfCaches(InstrumentId symbol) throws IOException {
        long bytes = 0;
        for (PartitionInfo p : store.partitions("syn")) {
            Path f = dir.resolve("data/syn/replay/" + p.sha256() + ".cols");
            if (p.symbol().equals(symbol) && Files.exists(f)) {
                bytes += Files.size(f);
            }
        }
        return bytes;
    }
}
