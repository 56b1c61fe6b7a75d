package io.amcp.data;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.Clock;
import io.amcp.data.internal.Times;
import io.amcp.datasource.file.BarSize;
import io.amcp.datasource.file.SyntheticBarGenerator;
import io.amcp.datasource.file.SyntheticSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;

/**
 * The store's scale benchmark ({@code amcp data bench}): ingests {@code symbols x years} of synthetic
 * one-minute NYSE bars into a fresh store and prints each figure beside a reference measured in the
 * same run.
 *
 * <p>The market is generated and ingested in groups of symbols that fit about 1 GB (nine symbols of
 * 22 years), so memory stays bounded at any scale: each group is first generated into memory (two
 * threads, timed and printed apart) and then ingested (timed). The ingest rate is rows over the
 * summed ingest time; generation is never part of it.
 *
 * <ul>
 *   <li>ingest bars/s against writing the first group's 48 bytes per bar to a raw file;</li>
 *   <li>bytes on disk per bar (Parquet, and Parquet plus replay cache) against 48 raw bytes;</li>
 *   <li>one symbol-year query (DuckDB over Parquet, and the replay cache) against copying the same
 *       columns in memory;</li>
 *   <li>reading every bar back from storage ({@link BarStore#replay}) against summing as many longs;</li>
 *   <li>when a backtest is given: every symbol read from storage and replayed through it, the next
 *       symbol read on a second thread while the current one runs, against the same backtest on a
 *       series already in memory.</li>
 * </ul>
 */
public final class StoreBenchmark {

    private static final String DATASET = "bench";
    private static final long GROUP_BYTES = 1L << 30;
    private static final Instant ALL_FROM = Instant.parse("1990-01-01T00:00:00Z");
    private static final Instant ALL_TO = Instant.parse("2100-01-01T00:00:00Z");

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StoreBenchmark() {
    }

    /** CPU time of the whole process (all threads), or -1 where the JVM does not say. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** Runs the benchmark without a backtest stage. */
    public static void run(Path directory, int symbols, double years, PrintWriter out) {
        run(directory, symbols, years, out, null, "");
    }

    /**
     * Runs the benchmark in {@code directory} (which must not hold a store) and prints to {@code out}.
     *
     * @param backtest        replays one series through a backtest and returns a checksum (e.g. fills),
     *                        or null to skip the end-to-end stage
     * @param backtestLabel   what {@code backtest} is, printed beside its figures
     */
    public static void run(Path directory, int symbols, double years, PrintWriter out, ToLongFunction<BarSeries> backtest,
            String backtestLabel) {
        SyntheticSpec spec = SyntheticSpec.parse("symbols=" + symbols + ",years=" + years + ",bar=1m,seed=11,start=2003-01-02");
        SyntheticBarGenerator generator = new SyntheticBarGenerator(spec);
        int group = (int) Math.max(1, Math.min(symbols, GROUP_BYTES / (48 * Math.max(1, generator.barsPerSymbol()))));
        out.printf("bench: %d symbols x %.2f years of 1-minute NYSE bars = %,d bars, in groups of %d symbols (generated, then ingested)%n",
                symbols, years, generator.barsPerSymbol() * symbols, group);
        out.flush();
        long wall0 = System.nanoTime();
        long rows = 0;
        long generateNanos = 0;
        long ingestNanos = 0;
        long ingestCpuNanos = 0;
        long rawNanos = -1;
        long rawRows = 0;
        long parquetBytes = 0;
        List<PartitionInfo> partitions = new ArrayList<>();
        long quarantined = 0;
        ForkJoinPool pool = new ForkJoinPool(2);
        try (BarStore store = BarStore.open(directory.resolve("store"))) {
            for (int first = 0; first < symbols; first += group) {
                int from = first;
                int to = Math.min(symbols, first + group);
                long g0 = System.nanoTime();
                List<BarBatch> batches;
                try {
                    batches = pool.submit(() -> IntStream.range(from, to).parallel().mapToObj(i -> yearBatches(generator, i))
                            .flatMap(List::stream).toList()).get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while generating", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("generation failed: " + e.getCause(), e.getCause());
                }
                long groupRows = batches.stream().mapToLong(BarBatch::size).sum();
                long generated = System.nanoTime() - g0;
                generateNanos += generated;
                if (rawNanos < 0) {
                    rawNanos = rawWrite(directory.resolve("raw-reference.bin"), batches);
                    rawRows = groupRows;
                }
                long i0 = System.nanoTime();
                long c0 = processCpuNanos();
                IngestResult result = store.ingest(DATASET, BarSize.ONE_MINUTE, batches.iterator(), null);
                long ingested = System.nanoTime() - i0;
                ingestCpuNanos += processCpuNanos() - c0;
                ingestNanos += ingested;
                batches = null;
                rows += groupRows;
                partitions.addAll(result.partitions());
                quarantined += result.report().rowsQuarantined();
                parquetBytes += result.partitions().stream().mapToLong(PartitionInfo::bytes).sum();
                out.printf("  symbols %d-%d of %d: generated %,d bars in %.1f s, ingested in %.1f s (%,.0f bars/s); %,d bars so far, %.0f s elapsed%n",
                        from + 1, to, symbols, groupRows, generated / 1e9, ingested / 1e9, groupRows / (ingested / 1e9), rows,
                        (System.nanoTime() - wall0) / 1e9);
                out.flush();
            }
            long cacheBytes = store.replayCacheBytes(DATASET);
            out.printf("generate        %,12.0f bars/s  (%.1f s on 2 threads, not part of the ingest time)%n", rows / (generateNanos / 1e9),
                    generateNanos / 1e9);
            out.printf("ingest          %,12.0f bars/s  (%.1f s for %,d bars, %,d quarantined; validation + Parquet (format 2, LZ4) + SHA-256 + replay cache + catalog; %.1f CPU-s = %,.0f bars per CPU-second)   reference: raw 48-byte write %,12.0f bars/s%n",
                    rows / (ingestNanos / 1e9), ingestNanos / 1e9, rows, quarantined, ingestCpuNanos / 1e9, rows / (ingestCpuNanos / 1e9),
                    rawRows / (rawNanos / 1e9));
            out.printf("disk            %12.2f bytes/bar Parquet (%,d bytes in %d files) + %.2f bytes/bar replay cache = %.2f bytes/bar, %.2f GB   reference: 48 raw bytes/bar%n",
                    parquetBytes / (double) rows, parquetBytes, partitions.size(), cacheBytes / (double) rows,
                    (parquetBytes + cacheBytes) / (double) rows, (parquetBytes + cacheBytes) / 1e9);
            out.flush();

            PartitionInfo one = partitions.get(partitions.size() / 2);
            Instant yearFrom = Clock.toInstant(one.firstTime());
            Instant yearTo = Clock.toInstant(one.lastTime() + 1);
            BarQuery yearQuery = BarQuery.of(DATASET, List.of(one.symbol()), BarSize.ONE_MINUTE, yearFrom, yearTo);
            long best = Long.MAX_VALUE;
            long bestReplay = Long.MAX_VALUE;
            int size = 0;
            for (int i = 0; i < 7; i++) {
                long s = System.nanoTime();
                size = store.query(yearQuery).get(0).size();
                best = Math.min(best, System.nanoTime() - s);
                s = System.nanoTime();
                store.replay(DATASET, one.symbol(), yearFrom, yearTo);
                bestReplay = Math.min(bestReplay, System.nanoTime() - s);
            }
            long copy = copyReference(size);
            out.printf("symbol-year     %12.1f ms warm through DuckDB over Parquet, %.1f ms from the replay cache (best of 7, %s %d, %,d bars)   reference: copying 6 columns in memory %.2f ms%n",
                    best / 1e6, bestReplay / 1e6, one.symbol(), one.year(), size, copy / 1e6);
            out.flush();

            List<InstrumentId> all = partitions.stream().map(PartitionInfo::symbol).distinct().toList();
            long t2 = System.nanoTime();
            long cpu2 = THREADS.getCurrentThreadCpuTime();
            long replayed = 0;
            long checksum = 0;
            for (InstrumentId symbol : all) {
                BarSeries s = store.replay(DATASET, symbol, ALL_FROM, ALL_TO);
                replayed += s.size();
                checksum += s.close()[s.size() - 1];
            }
            long readNanos = System.nanoTime() - t2;
            long readCpu = THREADS.getCurrentThreadCpuTime() - cpu2;
            long sumNanos = sumReference(replayed);
            out.printf("storage read    %,12.0f bars/s  (%,d bars of %d symbols from the replay cache into primitive arrays, 1 thread, %.2f s; %,.0f bars per CPU-second)   reference: summing 6 x %,d longs %,12.0f bars/s%n",
                    replayed / (readNanos / 1e9), replayed, all.size(), readNanos / 1e9, replayed / (readCpu / 1e9), replayed,
                    replayed / (sumNanos / 1e9));
            out.flush();
            if (backtest != null) {
                endToEnd(store, all, backtest, backtestLabel, out);
            }
            BarSeries hourly = store.query(BarQuery.of(DATASET, List.of(one.symbol()), BarSize.ONE_HOUR, yearFrom, yearTo)).get(0);
            long t3 = System.nanoTime();
            store.query(BarQuery.of(DATASET, List.of(one.symbol()), BarSize.ONE_DAY, yearFrom, yearTo));
            out.printf("aggregate       %12.1f ms for one symbol-year 1m->1d (%,d hourly bars in the year)  checksum %d%n",
                    (System.nanoTime() - t3) / 1e6, hourly.size(), checksum % 1000);
            out.printf("wall            %12.1f s in all (%d symbols x %.2f years)%n", (System.nanoTime() - wall0) / 1e9, symbols, years);
            out.flush();
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Every symbol read from the store and run through {@code backtest}, the next symbol read on a
     * second thread while the current one runs; beside it the same backtest on the first symbol's
     * series already in memory (after two warm-up runs).
     */
    private static void endToEnd(BarStore store, List<InstrumentId> symbols, ToLongFunction<BarSeries> backtest, String label,
            PrintWriter out) {
        BarSeries firstSeries = store.replay(DATASET, symbols.get(0), ALL_FROM, ALL_TO);
        backtest.applyAsLong(firstSeries);
        backtest.applyAsLong(firstSeries);
        long k0 = System.nanoTime();
        long kc0 = THREADS.getCurrentThreadCpuTime();
        backtest.applyAsLong(firstSeries);
        double kernelAlone = firstSeries.size() / ((System.nanoTime() - k0) / 1e9);
        double kernelAloneCpu = firstSeries.size() / ((THREADS.getCurrentThreadCpuTime() - kc0) / 1e9);
        firstSeries = null;

        BlockingQueue<BarSeries> ready = new ArrayBlockingQueue<>(1);
        BarSeries end = new BarSeries(Instrument.equity("END"), new long[0], new long[0], new long[0], new long[0], new long[0], new long[0]);
        RuntimeException[] failure = new RuntimeException[1];
        Thread reader = new Thread(() -> {
            try {
                for (InstrumentId symbol : symbols) {
                    ready.put(store.replay(DATASET, symbol, ALL_FROM, ALL_TO));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure[0] = e;
            } finally {
                try {
                    ready.put(end);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "amcp-bench-reader");
        long t0 = System.nanoTime();
        long c0 = processCpuNanos();
        long kernelCpu0 = THREADS.getCurrentThreadCpuTime();
        reader.start();
        long bars = 0;
        long checksum = 0;
        long waitNanos = 0;
        try {
            while (true) {
                long w = System.nanoTime();
                BarSeries s = ready.take();
                waitNanos += System.nanoTime() - w;
                if (s == end) {
                    break;
                }
                checksum += backtest.applyAsLong(s);
                bars += s.size();
            }
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the end-to-end replay", e);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        long nanos = System.nanoTime() - t0;
        long cpu = processCpuNanos() - c0;
        long kernelCpu = THREADS.getCurrentThreadCpuTime() - kernelCpu0;
        out.printf("end-to-end      %,12.0f bars/s  (%,d bars read from storage and replayed through %s, %.2f s, kernel waited %.2f s for storage, checksum %d; %.1f CPU-s in the process, kernel thread %,.0f bars per CPU-second)   reference: same backtest on a series in memory %,12.0f bars/s, %,.0f bars per CPU-second%n",
                bars / (nanos / 1e9), bars, label, nanos / 1e9, waitNanos / 1e9, checksum, cpu / 1e9, bars / (kernelCpu / 1e9),
                kernelAlone, kernelAloneCpu);
        out.flush();
    }

    /** One symbol's generated bars cut into one batch per UTC year. */
    private static List<BarBatch> yearBatches(SyntheticBarGenerator generator, int symbol) {
        BarSeries s = generator.series(symbol);
        String source = "synthetic " + generator.spec().toParameters();
        List<BarBatch> out = new ArrayList<>();
        long[] t = s.time();
        int start = 0;
        while (start < t.length) {
            int stop = Times.yearSliceEnd(t, start, t.length);
            out.add(new BarBatch(s.instrument().id(), Arrays.copyOfRange(t, start, stop), Arrays.copyOfRange(s.open(), start, stop),
                    Arrays.copyOfRange(s.high(), start, stop), Arrays.copyOfRange(s.low(), start, stop),
                    Arrays.copyOfRange(s.close(), start, stop), Arrays.copyOfRange(s.volume(), start, stop), source, null));
            start = stop;
        }
        return out;
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
