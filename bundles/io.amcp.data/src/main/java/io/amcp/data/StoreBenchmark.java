package io.amcp.data;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.Clock;
import io.amcp.data.internal.SyntheticBatches;
import io.amcp.datasource.file.BarSize;
import io.amcp.datasource.file.SyntheticBarGenerator;
import io.amcp.datasource.file.SyntheticSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The store's scale benchmark ({@code amcp data bench}): ingests {@code symbols x years} of synthetic
 * one-minute NYSE bars into a fresh store and prints each figure beside a reference measured in the
 * same run: ingest bars/s against writing the same 48 bytes per bar to a file, one symbol-year query
 * against copying the same columns in memory, full replay into arrays against summing the same number
 * of longs from an array, and bytes on disk per bar against the 48 raw bytes.
 */
public final class StoreBenchmark {

    private StoreBenchmark() {
    }

    /** Runs the benchmark in {@code directory} (which must not hold a store) and prints to {@code out}. */
    public static void run(Path directory, int symbols, double years, PrintWriter out) {
        SyntheticSpec spec = SyntheticSpec.parse("symbols=" + symbols + ",years=" + years + ",bar=1m,seed=11,start=2003-01-02");
        long t0 = System.nanoTime();
        List<BarBatch> batches = new ArrayList<>();
        new SyntheticBatches(new SyntheticBarGenerator(spec)).forEachRemaining(batches::add);
        long rows = batches.stream().mapToLong(BarBatch::size).sum();
        double generateSeconds = (System.nanoTime() - t0) / 1e9;
        out.printf("generated %,d one-minute bars (%d symbols x %.2f years) in %.2f s (not part of the ingest time)%n",
                rows, symbols, years, generateSeconds);

        long rawNanos = rawWrite(directory.resolve("raw-reference.bin"), batches);
        try (BarStore store = BarStore.open(directory.resolve("store"))) {
            long t1 = System.nanoTime();
            IngestResult result = store.ingest("bench", BarSize.ONE_MINUTE, batches.iterator(), null);
            long ingestNanos = System.nanoTime() - t1;
            out.printf("ingest          %,12.0f bars/s  (%.2f s, validation + Parquet zstd + SHA-256 + catalog)   reference: raw 48-byte write %,12.0f bars/s%n",
                    rows / (ingestNanos / 1e9), ingestNanos / 1e9, rows / (rawNanos / 1e9));
            long bytes = result.partitions().stream().mapToLong(PartitionInfo::bytes).sum();
            out.printf("disk            %12.2f bytes/bar (%,d bytes in %d partition files)                      reference: 48 raw bytes/bar%n",
                    bytes / (double) rows, bytes, result.partitions().size());

            PartitionInfo one = result.partitions().get(result.partitions().size() / 2);
            BarQuery yearQuery = BarQuery.of("bench", List.of(one.symbol()), BarSize.ONE_MINUTE, Clock.toInstant(one.firstTime()),
                    Clock.toInstant(one.lastTime() + 1));
            long best = Long.MAX_VALUE;
            int size = 0;
            for (int i = 0; i < 7; i++) {
                long s = System.nanoTime();
                size = store.query(yearQuery).get(0).size();
                best = Math.min(best, System.nanoTime() - s);
            }
            long copy = copyReference(size);
            out.printf("symbol-year     %12.1f ms warm (best of 7, %s %d, %,d bars)                     reference: copying 6 columns in memory %.2f ms%n",
                    best / 1e6, one.symbol(), one.year(), size, copy / 1e6);

            List<InstrumentId> all = result.partitions().stream().map(PartitionInfo::symbol).distinct().toList();
            long t2 = System.nanoTime();
            long replayed = 0;
            long checksum = 0;
            for (InstrumentId symbol : all) {
                BarSeries s = store.query(BarQuery.of("bench", List.of(symbol), BarSize.ONE_MINUTE,
                        java.time.Instant.parse("1990-01-01T00:00:00Z"), java.time.Instant.parse("2100-01-01T00:00:00Z"))).get(0);
                replayed += s.size();
                checksum += s.close()[s.size() - 1];
            }
            long replayNanos = System.nanoTime() - t2;
            long sumNanos = sumReference(replayed);
            out.printf("full replay     %,12.0f bars/s  (%,d bars into primitive arrays, %.2f s)              reference: summing 6 x %,d longs %,12.0f bars/s%n",
                    replayed / (replayNanos / 1e9), replayed, replayNanos / 1e9, replayed, replayed / (sumNanos / 1e9));
            BarSeries hourly = store.query(BarQuery.of("bench", List.of(one.symbol()), BarSize.ONE_HOUR,
                    Clock.toInstant(one.firstTime()), Clock.toInstant(one.lastTime() + 1))).get(0);
            long t3 = System.nanoTime();
            store.query(BarQuery.of("bench", List.of(one.symbol()), BarSize.ONE_DAY, Clock.toInstant(one.firstTime()),
                    Clock.toInstant(one.lastTime() + 1)));
            out.printf("aggregate       %12.1f ms for one symbol-year 1m->1d (%,d hourly bars in the year)  checksum %d%n",
                    (System.nanoTime() - t3) / 1e6, hourly.size(), checksum % 1000);
        }
    }

    private static long rawWrite(Path file, List<BarBatch> batches) {
        long start = System.nanoTime();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(48 * 8192);
            for (BarBatch b : batches) {
                for (int i = 0; i < b.size(); i++) {
                    buffer.putLong(b.time()[i]).putLong(b.open()[i]).putLong(b.high()[i]).putLong(b.low()[i])
                            .putLong(b.close()[i]).putLong(b.volume()[i]);
                    if (!buffer.hasRemaining()) {
                        buffer.flip();
                        ch.write(buffer);
                        buffer.clear();
                    }
                }
            }
            buffer.flip();
            ch.write(buffer);
            ch.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("raw reference write failed: " + e.getMessage(), e);
        }
        long nanos = System.nanoTime() - start;
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover reference file is harmless
        }
        return nanos;
    }

    private static long copyReference(int n) {
        long[] source = new long[n];
        Arrays.fill(source, 7);
        long start = System.nanoTime();
        long[][] copies = new long[6][];
        for (int c = 0; c < 6; c++) {
            copies[c] = Arrays.copyOf(source, n);
        }
        long nanos = System.nanoTime() - start;
        return copies[5].length == n ? nanos : -1;
    }

    private static long sumReference(long n) {
        int length = (int) Math.min(n, 1 << 24);
        long[] values = new long[length];
        Arrays.fill(values, 3);
        long start = System.nanoTime();
        long sum = 0;
        for (long done = 0; done < n * 6; done += length) {
            for (int i = 0; i < length; i++) {
                sum += values[i];
            }
        }
        long nanos = System.nanoTime() - start;
        return sum == 0 ? -1 : nanos;
    }
}
