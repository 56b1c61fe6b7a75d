package io.amcp.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.datasource.file.BarSize;
import io.amcp.datasource.file.BundledDatasets;
import io.amcp.datasource.file.SyntheticBarGenerator;
import io.amcp.datasource.file.SyntheticSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarStoreTest {

    private static final InstrumentId XYZ = InstrumentId.of("XYZ");
    private static final Instant FROM = Instant.parse("1990-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2100-01-01T00:00:00Z");
    private static final long MINUTE = 60_000_000_000L;

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

    @Test
    void barsComeBackExactlyAcrossYearPartitions() {
        SyntheticSpec spec = SyntheticSpec.parse("symbols=2,start=2020-12-15,years=0.06,bar=1m,seed=3");
        List<BarSeries> original = new SyntheticBarGenerator(spec).generate();
        List<Long> progress = new ArrayList<>();
        IngestResult result = store.ingestSeries("syn", BarSize.ONE_MINUTE, original, progress::add);

        assertThat(result.partitions()).hasSize(4); // 2 symbols x {2020, 2021}
        assertThat(progress).last().isEqualTo(original.get(0).size() * 2L);
        List<BarSeries> back = store.query(BarQuery.of("syn",
                original.stream().map(s -> s.instrument().id()).toList(), BarSize.ONE_MINUTE, FROM, TO));
        for (int s = 0; s < 2; s++) {
            assertThat(back.get(s).time()).isEqualTo(original.get(s).time());
            assertThat(back.get(s).open()).isEqualTo(original.get(s).open());
            assertThat(back.get(s).high()).isEqualTo(original.get(s).high());
            assertThat(back.get(s).low()).isEqualTo(original.get(s).low());
            assertThat(back.get(s).close()).isEqualTo(original.get(s).close());
            assertThat(back.get(s).volume()).isEqualTo(original.get(s).volume());
        }
        DatasetSummary summary = store.datasets().get(0);
        assertThat(summary.rows()).isEqualTo(original.get(0).size() * 2L);
        assertThat(summary.symbols()).containsExactly(InstrumentId.of("SYN001"), InstrumentId.of("SYN002"));
        assertThat(store.verify().ok()).isTrue();
    }

    /**
     * One NYSE session (2021-03-01, EST: 09:30-16:00 = 14:30-21:00 UTC) of 390 one-minute bars; bar k
     * (0-based) ends at 09:31 + k minutes with open 100 + k, high open + 2, low open - 1, close open + 1,
     * volume k + 1. Aggregates by hand: a bucket of bars a..b has open 100 + a, high 100 + b + 2,
     * low 100 + a - 1, close 100 + b + 1 and volume (a+1) + ... + (b+1).
     */
    @Test
    void minuteBarsAggregateOnReadToSessionAlignedBuckets() {
        long open = NyseCalendar.INSTANCE.sessionOpenNanos(LocalDate.of(2021, 3, 1));
        assertThat(open).isEqualTo(Instant.parse("2021-03-01T14:30:00Z").getEpochSecond() * 1_000_000_000L);
        store.ingestSeries("day", BarSize.ONE_MINUTE, List.of(session(open, 390)), null);

        BarSeries fives = store.query(BarQuery.of("day", List.of(XYZ), BarSize.FIVE_MINUTES, FROM, TO)).get(0);
        assertThat(fives.size()).isEqualTo(78);
        for (int j = 0; j < 78; j++) {
            checkBucket(fives, j, 5 * j, 5 * j + 4, open + 5 * (j + 1) * MINUTE);
        }
        BarSeries hours = store.query(BarQuery.of("day", List.of(XYZ), BarSize.ONE_HOUR, FROM, TO)).get(0);
        assertThat(hours.size()).isEqualTo(7); // 09:30-10:30 ... 14:30-15:30, 15:30-16:00
        for (int h = 0; h < 6; h++) {
            checkBucket(hours, h, 60 * h, 60 * h + 59, open + 60 * (h + 1) * MINUTE);
        }
        checkBucket(hours, 6, 360, 389, Instant.parse("2021-03-01T21:00:00Z").getEpochSecond() * 1_000_000_000L);
        BarSeries day = store.query(BarQuery.of("day", List.of(XYZ), BarSize.ONE_DAY, FROM, TO)).get(0);
        assertThat(day.size()).isEqualTo(1);
        assertThat(day.time()[0]).isEqualTo(Instant.parse("2021-03-01T21:00:00Z").getEpochSecond() * 1_000_000_000L);
        assertThat(day.open()[0]).isEqualTo(units(100));
        assertThat(day.high()[0]).isEqualTo(units(491));
        assertThat(day.low()[0]).isEqualTo(units(99));
        assertThat(day.close()[0]).isEqualTo(units(490));
        assertThat(day.volume()[0]).isEqualTo(units(390 * 391 / 2));
    }

    private static void checkBucket(BarSeries s, int index, int a, int b, long end) {
        assertThat(s.time()[index]).as("end of bucket %d", index).isEqualTo(end);
        assertThat(s.open()[index]).isEqualTo(units(100 + a));
        assertThat(s.high()[index]).isEqualTo(units(100 + b + 2));
        assertThat(s.low()[index]).isEqualTo(units(100 + a - 1));
        assertThat(s.close()[index]).isEqualTo(units(100 + b + 1));
        long volume = 0;
        for (int k = a; k <= b; k++) {
            volume += k + 1;
        }
        assertThat(s.volume()[index]).isEqualTo(units(volume));
    }

    private static BarSeries session(long open, int bars) {
        long[] t = new long[bars];
        long[] o = new long[bars];
        long[] h = new long[bars];
        long[] l = new long[bars];
        long[] c = new long[bars];
        long[] v = new long[bars];
        for (int k = 0; k < bars; k++) {
            t[k] = open + (k + 1) * MINUTE;
            o[k] = units(100 + k);
            h[k] = units(102 + k);
            l[k] = units(99 + k);
            c[k] = units(101 + k);
            v[k] = units(k + 1);
        }
        return new BarSeries(Instrument.equity("XYZ"), t, o, h, l, c, v);
    }

    /**
     * Five daily bars 2021-03-01..05 with closes 100, 102, 51, 50, 49.5 (high close + 1, low close - 1,
     * volume 1000); a 2-for-1 split ex 03-03 and a 1.00 dividend ex 03-05 (previous close 50, factor
     * 1 - 1/50 = 0.98). Adjusted closes by hand: 100 x 0.5 x 0.98 = 49, 102 x 0.49 = 49.98,
     * 51 x 0.98 = 49.98, 50 x 0.98 = 49, 49.5; volumes before the split double.
     */
    @Test
    void splitsAndDividendsAdjustOnReadOnly() {
        double[] closes = {100, 102, 51, 50, 49.5};
        int n = closes.length;
        long[] t = new long[n];
        long[] o = new long[n];
        long[] h = new long[n];
        long[] l = new long[n];
        long[] c = new long[n];
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = NyseCalendar.INSTANCE.sessionCloseNanos(LocalDate.of(2021, 3, 1 + i));
            c[i] = FixedPoint.fromDouble(closes[i]);
            o[i] = c[i];
            h[i] = FixedPoint.fromDouble(closes[i] + 1);
            l[i] = FixedPoint.fromDouble(closes[i] - 1);
            v[i] = units(1000);
        }
        store.ingestSeries("daily", BarSize.ONE_DAY, List.of(new BarSeries(Instrument.equity("XYZ"), t, o, h, l, c, v)), null);
        store.addCorporateActions("daily", List.of(CorporateAction.split(XYZ, LocalDate.of(2021, 3, 3), 2),
                CorporateAction.dividend(XYZ, LocalDate.of(2021, 3, 5), 1.0)));

        BarQuery q = BarQuery.of("daily", List.of(XYZ), BarSize.ONE_DAY, FROM, TO);
        BarSeries adjusted = store.query(q.withAdjusted(true)).get(0);
        assertThat(adjusted.close()).containsExactly(FixedPoint.fromDouble(49), FixedPoint.fromDouble(49.98),
                FixedPoint.fromDouble(49.98), FixedPoint.fromDouble(49), FixedPoint.fromDouble(49.5));
        assertThat(adjusted.high()[0]).isEqualTo(FixedPoint.fromDouble(101 * 0.49));
        assertThat(adjusted.volume()).containsExactly(units(2000), units(2000), units(1000), units(1000), units(1000));
        BarSeries raw = store.query(q).get(0);
        assertThat(raw.close()).isEqualTo(c);
        assertThat(raw.volume()).isEqualTo(v);
        assertThat(store.corporateActions("daily")).hasSize(2);
    }

    @Test
    void everyQuarantineRuleNamesRowFieldAndReason() throws IOException {
        long base = NyseCalendar.INSTANCE.sessionOpenNanos(LocalDate.of(2021, 3, 1));
        long[] t = {base + MINUTE, base + 2 * MINUTE, base + 3 * MINUTE, base + 4 * MINUTE, base + 5 * MINUTE, base + 5 * MINUTE,
            base + 6 * MINUTE};
        long[] o = {units(10), units(10), units(10), units(13), units(10), units(10), units(10)};
        long[] h = {units(11), units(11), units(9), units(11), units(11), units(11), units(11)};
        long[] l = {units(9), units(-1), units(10), units(9), units(9), units(9), units(9)};
        long[] c = {units(10), units(10), units(10), units(10), units(10), units(10), units(10)};
        long[] v = {units(5), units(5), units(5), units(5), units(-5), units(5), units(5)};
        // row 6 repeats the time of row 5, which itself is quarantined for its volume: row 6 is kept
        BarBatch batch = new BarBatch(XYZ, t, o, h, l, c, v, "hand", null);
        IngestResult result = store.ingest("q", BarSize.ONE_MINUTE, List.of(batch, duplicateOf(base)).iterator(), null);

        QualityReport report = result.report();
        assertThat(report.count(QualityRule.NON_POSITIVE_PRICE)).isEqualTo(1);
        assertThat(report.count(QualityRule.OHLC_INCONSISTENT)).isEqualTo(2);
        assertThat(report.count(QualityRule.NEGATIVE_VOLUME)).isEqualTo(1);
        assertThat(report.count(QualityRule.DUPLICATE_TIMESTAMP)).isEqualTo(1);
        assertThat(report.rowsQuarantined()).isEqualTo(5);
        assertThat(report.rowsRead()).isEqualTo(9);
        List<String> lines = Files.readAllLines(store.root().resolve(report.quarantineFile()));
        assertThat(lines.get(0)).isEqualTo("origin,symbol,time,field,rule,reason,row");
        assertThat(lines).anyMatch(s -> s.startsWith("\"hand row 2\",XYZ,") && s.contains(",low,NON_POSITIVE_PRICE,"));
        assertThat(lines).anyMatch(s -> s.startsWith("\"hand row 3\",XYZ,") && s.contains(",high,OHLC_INCONSISTENT,"));
        assertThat(lines).anyMatch(s -> s.startsWith("\"hand row 4\",XYZ,") && s.contains(",open,OHLC_INCONSISTENT,"));
        assertThat(lines).anyMatch(s -> s.startsWith("\"hand row 5\",XYZ,") && s.contains(",volume,NEGATIVE_VOLUME,"));
        assertThat(lines).anyMatch(s -> s.startsWith("\"dup row 2\",XYZ,") && s.contains(",time,DUPLICATE_TIMESTAMP,"));
        BarSeries stored = store.query(BarQuery.of("q", List.of(XYZ), BarSize.ONE_MINUTE, FROM, TO)).get(0);
        assertThat(stored.size()).isEqualTo(4); // rows 1, 6, 7 and the first row of "dup" (same time as row 1: it wins)
        assertThat(store.qualityReport("q")).contains("NEGATIVE_VOLUME", "quarantine file");
    }

    private static BarBatch duplicateOf(long base) {
        long[] t = {base + 10 * MINUTE, base + 10 * MINUTE};
        long[] p = {units(10), units(10)};
        return new BarBatch(XYZ, t, p, new long[] {units(11), units(11)}, new long[] {units(9), units(9)}, p,
                new long[] {units(1), units(2)}, "dup", null);
    }

    @Test
    void csvRowsThatDoNotParseAreQuarantinedWithLineAndField() throws IOException {
        Path csv = dir.resolve("abc.csv");
        Files.writeString(csv, """
                Date,Open,High,Low,Close,Adj Close,Volume
                2021-03-01,10,11,9,10,10,100
                2021-03-02,10,11,x9,10,10,100
                2021-03-03,10,11,9,10,10,
                2021-03-05,10,11,9,10,10,100
                2021-03-08,10,11,9,80,10,100
                """);
        IngestResult result = store.ingestCsv("csv", List.of(csv), null, null);
        QualityReport report = result.report();
        assertThat(report.count(QualityRule.SCHEMA)).isEqualTo(2);
        assertThat(report.issues()).anySatisfy(i -> {
            assertThat(i.origin()).isEqualTo("abc.csv line 3");
            assertThat(i.field()).isEqualTo("low");
            assertThat(i.reason()).contains("not a decimal number: 'x9'");
        });
        assertThat(report.issues()).anySatisfy(i -> assertThat(i.origin() + " " + i.field()).isEqualTo("abc.csv line 4 volume"));
        // close 80 is outside [9, 11]
        assertThat(report.count(QualityRule.OHLC_INCONSISTENT)).isEqualTo(1);
        // 03-02, 03-03 (quarantined) and 03-04 have no stored bar: three missing sessions
        assertThat(report.missingSessions()).isEqualTo(3);
        assertThat(result.rowsStored()).isEqualTo(2);
    }

    @Test
    void anOutlierIsReportedButKept() {
        int n = 200;
        long[] t = new long[n];
        long[] c = new long[n];
        long open = NyseCalendar.INSTANCE.sessionOpenNanos(LocalDate.of(2021, 3, 1));
        for (int i = 0; i < n; i++) {
            t[i] = open + (i + 1) * MINUTE;
            // alternating +-0.1% moves, and one 20% jump at row 100
            c[i] = units(100) + (i % 2 == 0 ? 0 : units(1) / 10) + (i >= 100 ? units(20) : 0);
        }
        IngestResult result = store.ingest("o", BarSize.ONE_MINUTE,
                List.of(new BarBatch(XYZ, t, c, c, c, c, new long[n], "jump", null)).iterator(), null);
        assertThat(result.report().count(QualityRule.OUTLIER)).isEqualTo(1);
        assertThat(result.rowsStored()).isEqualTo(n);
        assertThat(result.report().missingBars()).isEqualTo(390 - n);
    }

    @Test
    void verifyFindsTamperedMissingAndUnknownFiles() throws IOException {
        store.ingestSeries("syn", BarSize.ONE_DAY, new SyntheticBarGenerator(SyntheticSpec.of(2, 2, BarSize.ONE_DAY, 1)).generate(), null);
        assertThat(store.verify().ok()).isTrue();
        List<PartitionInfo> parts = store.partitions("syn");
        Path tampered = store.root().resolve(parts.get(0).file());
        byte[] bytes = Files.readAllBytes(tampered);
        bytes[bytes.length / 2] ^= 1;
        Files.write(tampered, bytes);
        Files.delete(store.root().resolve(parts.get(1).file()));
        Files.copy(store.root().resolve(parts.get(2).file()), store.root().resolve(parts.get(2).file()).resolveSibling("stray.parquet"));

        VerifyResult result = store.verify();
        assertThat(result.filesChecked()).isEqualTo(parts.size());
        assertThat(result.problems()).hasSize(3);
        assertThat(result.problems()).anyMatch(p -> p.equals(parts.get(0).file() + ": SHA-256 differs from the catalog (file changed)"));
        assertThat(result.problems()).anyMatch(p -> p.equals(parts.get(1).file() + ": missing"));
        assertThat(result.problems()).anyMatch(p -> p.endsWith("stray.parquet: not in the catalog"));
    }

    @Test
    void aFailedIngestLeavesTheStoreAsItWas() throws IOException {
        List<BarSeries> first = new SyntheticBarGenerator(SyntheticSpec.of(1, 1, BarSize.ONE_DAY, 1)).generate();
        store.ingestSeries("syn", BarSize.ONE_DAY, first, null);
        List<PartitionInfo> before = store.partitions("syn");
        List<Path> filesBefore = listFiles();

        // overlaps the stored year (a merge) and then fails: the progress callback throws after the first batch
        List<BarSeries> second = new SyntheticBarGenerator(SyntheticSpec.of(2, 1, BarSize.ONE_DAY, 9)).generate();
        Iterator<BarBatch> batches = second.stream().map(s -> BarBatch.of(s, "second")).iterator();
        assertThatThrownBy(() -> store.ingest("syn", BarSize.ONE_DAY, batches, rows -> {
            throw new IllegalStateException("disk full (simulated)");
        })).hasMessageContaining("disk full");

        assertThat(store.partitions("syn")).isEqualTo(before);
        assertThat(listFiles()).isEqualTo(filesBefore);
        BarSeries back = store.query(BarQuery.of("syn", List.of(first.get(0).instrument().id()), BarSize.ONE_DAY, FROM, TO)).get(0);
        assertThat(back.close()).isEqualTo(first.get(0).close());
        assertThat(store.verify().ok()).isTrue();
        try (BarStore reopened = BarStore.open(store.root())) {
            assertThat(reopened.partitions("syn")).isEqualTo(before);
        }
    }

    private List<Path> listFiles() throws IOException {
        try (Stream<Path> files = Files.walk(store.root())) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void mergingANewIngestReplacesRowsWithTheSameTime() {
        BarSeries day = session(NyseCalendar.INSTANCE.sessionOpenNanos(LocalDate.of(2021, 3, 1)), 10);
        store.ingestSeries("m", BarSize.ONE_MINUTE, List.of(day), null);
        long[] t = {day.time()[9], day.time()[9] + MINUTE};
        long[] p = {units(50), units(51)};
        store.ingest("m", BarSize.ONE_MINUTE, List.of(new BarBatch(XYZ, t, p, p, p, p, new long[2], "fix", null)).iterator(), null);
        BarSeries back = store.query(BarQuery.of("m", List.of(XYZ), BarSize.ONE_MINUTE, FROM, TO)).get(0);
        assertThat(back.size()).isEqualTo(11);
        assertThat(back.close()[8]).isEqualTo(units(109));
        assertThat(back.close()[9]).isEqualTo(units(50));
        assertThat(back.close()[10]).isEqualTo(units(51));
        assertThat(store.partitions("m")).hasSize(1);
        assertThat(store.verify().ok()).isTrue();
    }

    @Test
    void realAapl2013IngestsCleanly() {
        BarSeries aapl = new BundledDatasets().load(BundledDatasets.AAPL_2013).get(0);
        IngestResult result = store.ingestSeries("aapl-2013", BarSize.ONE_DAY, List.of(aapl), null);
        System.out.println(result.report().toText());

        assertThat(result.report().rowsStored()).isEqualTo(252);
        assertThat(result.report().rowsQuarantined()).isZero();
        assertThat(result.report().missingSessions()).isZero();
        assertThat(result.report().count(QualityRule.OUTSIDE_SESSION)).isZero();
        BarSeries back = store.query(BarQuery.of("aapl-2013", List.of(InstrumentId.of("AAPL")), BarSize.ONE_DAY, FROM, TO)).get(0);
        assertThat(back.close()).isEqualTo(aapl.close());
        assertThat(back.time()).isEqualTo(aapl.time());
    }

    @Test
    void badQueriesNameTheField() {
        store.ingestSeries("d", BarSize.ONE_DAY, new SyntheticBarGenerator(SyntheticSpec.of(1, 0.1, BarSize.ONE_DAY, 1)).generate(), null);
        assertThatThrownBy(() -> store.query(BarQuery.of("d", List.of(XYZ), BarSize.FIVE_MINUTES, FROM, TO)))
                .hasMessageStartingWith("bar: dataset 'd' holds 1d bars");
        assertThatThrownBy(() -> store.query(BarQuery.of("nope", List.of(XYZ), BarSize.ONE_DAY, FROM, TO)))
                .hasMessageStartingWith("dataset 'nope' is not in the store");
        assertThatThrownBy(() -> store.ingestSeries("bad id", BarSize.ONE_DAY, List.of(), null))
                .hasMessageStartingWith("dataset: invalid id 'bad id'");
    }

    private static long units(long value) {
        return value * FixedPoint.ONE;
    }
}
