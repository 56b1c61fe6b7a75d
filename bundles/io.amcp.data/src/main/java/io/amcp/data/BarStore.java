package io.amcp.data;

import io.amcp.api.calendar.AlwaysOpenCalendar;
import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.calendar.TradingCalendar;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.Clock;
import io.amcp.data.internal.AlpacaBarsJsonReader;
import io.amcp.data.internal.Catalog;
import io.amcp.data.internal.CatalogGenerations;
import io.amcp.data.internal.ColumnsFunction;
import io.amcp.data.internal.CsvBatchReader;
import io.amcp.data.internal.ReplayCache;
import io.amcp.data.internal.SyntheticBatches;
import io.amcp.data.internal.Times;
import io.amcp.data.internal.Validator;
import io.amcp.datasource.file.BarSize;
import io.amcp.datasource.file.SyntheticBarGenerator;
import io.amcp.datasource.file.SyntheticSpec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.Collections;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBChunkedResult;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBDriver;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.DuckDBReadableVector;

/**
 * The platform's history store: bars partitioned by dataset, symbol and year into Parquet files
 * under one directory, written and read through DuckDB, listed in a catalog with a checksum per
 * file. See {@code docs/data-store.md} for the layout.
 *
 * <ul>
 *   <li>{@link #ingest} validates every batch ({@link QualityRule}), quarantines bad rows to
 *       {@code <dataset>/quarantine/<ingest>.csv}, writes the good ones to new partition files and
 *       commits by replacing {@code catalog.json} atomically: an ingest that fails leaves the store
 *       exactly as it was.</li>
 *   <li>{@link #query} reads bars into {@link BarSeries} columns, aggregating to a coarser bar size
 *       inside DuckDB (buckets aligned to the exchange session) and applying corporate actions on
 *       read when asked; stored files are never rewritten for an adjustment.</li>
 * </ul>
 *
 * <p>One instance owns one in-memory DuckDB connection and serialises its calls; open one store per
 * directory and process.
 */
public final class BarStore implements AutoCloseable {

    /** Robust z-score above which a return is reported as an outlier. */
    public static final double DEFAULT_OUTLIER_THRESHOLD = 10;

    private static final Pattern DATASET_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String ACTIONS_FILE = "corporate-actions.csv";
    /**
     * Parquet format 2 data pages (DELTA_BINARY_PACKED for the BIGINT columns) compressed with LZ4:
     * 9.2 bytes per minute bar against 15.4 with format 1 pages and zstd, and about 0.34 instead of
     * 0.5 CPU-microseconds per bar to write than format 2 with zstd (8.6 bytes per bar), measured on a
     * stored symbol-year (io.amcp.data README).
     */
    private static final String PARQUET = "(FORMAT PARQUET, COMPRESSION lz4_raw, PARQUET_VERSION V2)";
    private static final DateTimeFormatter INGEST_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private final Path root;
    private final DuckDBConnection connection;
    private final ColumnsFunction columns = new ColumnsFunction();
    private final Set<String> sessionTables = new HashSet<>();
    private final AtomicLong replayCacheRebuilds = new AtomicLong();
    private double outlierThreshold = DEFAULT_OUTLIER_THRESHOLD;
    private final List<DuckDBConnection> writerConnections = new ArrayList<>();
    private volatile Catalog catalog;
    /** The catalogs replays still read; a commit's replaced files are deleted once none does. */
    private final CatalogGenerations generations;

    private BarStore(Path root, DuckDBConnection connection) throws SQLException {
        this.root = root;
        this.connection = connection;
        columns.register(connection);
        this.catalog = Catalog.load(root);
        this.generations = new CatalogGenerations(catalog);
    }

    /**
     * Opens (creating if needed) the store in directory {@code root}.
     *
     * @throws UncheckedIOException when the directory cannot be created or the catalog read
     */
    public static BarStore open(Path root) {
        Objects.requireNonNull(root, "root");
        try {
            Files.createDirectories(root);
            // the driver is used directly, not through DriverManager, so that OSGi class loading works
            Connection c = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
            return new BarStore(root.toAbsolutePath().normalize(), c.unwrap(DuckDBConnection.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the store directory " + root + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open DuckDB: " + e.getMessage(), e);
        }
    }

    /** The store directory. */
    public Path root() {
        return root;
    }

    /** Sets the robust z-score above which returns are reported as outliers (default {@value #DEFAULT_OUTLIER_THRESHOLD}). */
    public synchronized void setOutlierThreshold(double threshold) {
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("outlierThreshold: must be positive, was " + threshold);
        }
        this.outlierThreshold = threshold;
    }

    // ------------------------------------------------------------------ catalog

    /** Every dataset in the catalog, by id. */
    public synchronized List<DatasetSummary> datasets() {
        List<DatasetSummary> out = new ArrayList<>();
        for (Catalog.Dataset d : catalog.datasets().values()) {
            TreeSet<InstrumentId> symbols = new TreeSet<>();
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            long rows = 0;
            long bytes = 0;
            for (PartitionInfo p : d.partitions.values()) {
                symbols.add(p.symbol());
                first = Math.min(first, p.firstTime());
                last = Math.max(last, p.lastTime());
                rows += p.rows();
                bytes += p.bytes();
            }
            out.add(new DatasetSummary(d.id, d.barSize, List.copyOf(symbols), first, last, rows, d.partitions.size(), bytes));
        }
        return out;
    }

    /** The partition files of {@code dataset}, by symbol and year. */
    public synchronized List<PartitionInfo> partitions(String dataset) {
        return List.copyOf(requireDataset(dataset).partitions.values());
    }

    /** The latest quality report of {@code dataset} as text. */
    public synchronized String qualityReport(String dataset) {
        Catalog.Dataset d = requireDataset(dataset);
        if (d.qualityReport.isEmpty()) {
            throw new IllegalArgumentException("dataset '" + dataset + "' has no quality report");
        }
        try {
            return Files.readString(root.resolve(d.qualityReport));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + d.qualityReport + ": " + e.getMessage(), e);
        }
    }

    /**
     * Recomputes the size and SHA-256 of every partition file and compares them with the catalog;
     * also reports Parquet files under a dataset's {@code bars/} directory that the catalog does not list.
     */
    public synchronized VerifyResult verify() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        Set<Path> known = new HashSet<>();
        for (Catalog.Dataset d : catalog.datasets().values()) {
            for (PartitionInfo p : d.partitions.values()) {
                checked++;
                Path file = root.resolve(p.file());
                known.add(file);
                if (!Files.isRegularFile(file)) {
                    problems.add(p.file() + ": missing");
                    continue;
                }
                try {
                    long size = Files.size(file);
                    if (size != p.bytes()) {
                        problems.add(p.file() + ": size " + size + " bytes, catalog says " + p.bytes());
                    } else if (!sha256(file).equals(p.sha256())) {
                        problems.add(p.file() + ": SHA-256 differs from the catalog (file changed)");
                    }
                } catch (IOException e) {
                    problems.add(p.file() + ": unreadable: " + e.getMessage());
                }
            }
            Path bars = root.resolve(d.id).resolve("bars");
            if (Files.isDirectory(bars)) {
                try (Stream<Path> files = Files.walk(bars)) {
                    files.filter(f -> f.toString().endsWith(".parquet")).filter(f -> !known.contains(f)).sorted()
                            .forEach(f -> problems.add(relative(f) + ": not in the catalog"));
                } catch (IOException e) {
                    problems.add(relative(bars) + ": cannot list: " + e.getMessage());
                }
            }
        }
        return new VerifyResult(checked, problems);
    }

    // ------------------------------------------------------------------ ingest

    /** Ingests whole series (e.g. from a {@link io.amcp.api.spi.DatasetProvider}). */
    public IngestResult ingestSeries(String dataset, BarSize barSize, List<BarSeries> series, LongConsumer progress) {
        Iterator<BarBatch> batches = series.stream().map(s -> BarBatch.of(s, "series " + s.instrument().id())).iterator();
        return ingest(dataset, barSize, batches, progress);
    }

    /** Generates the synthetic market {@code spec} symbol-year by symbol-year and ingests it. */
    public IngestResult ingestSynthetic(String dataset, SyntheticSpec spec, LongConsumer progress) {
        return ingest(dataset, spec.barSize(), new SyntheticBatches(new SyntheticBarGenerator(spec)), progress);
    }

    /**
     * Ingests Yahoo- or Alpaca-style CSV files, one symbol per file (the upper-cased file name).
     * Rows that do not parse are quarantined as {@link QualityRule#SCHEMA} issues.
     *
     * @param alpacaBarSize bar size of Alpaca files, or null to infer it from the smallest gap
     * @throws IllegalArgumentException naming the file when a header is not recognised or files
     *                                  disagree on the bar size
     */
    public IngestResult ingestCsv(String dataset, List<Path> files, BarSize alpacaBarSize, LongConsumer progress) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("csv: no files given");
        }
        List<CsvBatchReader.Parsed> parsed = new ArrayList<>();
        BarSize size = null;
        for (Path file : files) {
            InstrumentId symbol = CsvBatchReader.symbolOf(file);
            CsvBatchReader.Parsed p = new CsvBatchReader(Times.calendarOf(symbol)).read(file, symbol, alpacaBarSize);
            if (size != null && p.barSize() != size) {
                throw new IllegalArgumentException(file + ": bar size " + p.barSize() + " differs from " + size
                        + " of the other files; ingest them into separate datasets");
            }
            size = p.barSize();
            parsed.add(p);
        }
        List<QualityIssue> schema = new ArrayList<>();
        parsed.forEach(p -> schema.addAll(p.schemaIssues()));
        return ingest(dataset, size, parsed.stream().map(CsvBatchReader.Parsed::batch).iterator(), schema, progress);
    }

    /**
     * Ingests dropped files as one atomic ingest: {@code .csv} files as in {@link #ingestCsv} and
     * {@code .json} files as saved Alpaca market-data v2 bars responses (single- or multi-symbol form).
     * Bars that do not parse are quarantined as {@link QualityRule#SCHEMA} issues naming file, line and
     * field.
     *
     * @param barSize bar size of Alpaca files, or null to infer it from the smallest gap
     * @throws IllegalArgumentException naming the file when its format is not recognised or files
     *                                  disagree on the bar size
     */
    public IngestResult ingestFiles(String dataset, List<Path> files, BarSize barSize, LongConsumer progress) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("files: no files given");
        }
        List<CsvBatchReader.Parsed> parsed = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".json")) {
                parsed.addAll(AlpacaBarsJsonReader.read(file, barSize));
            } else if (name.endsWith(".csv")) {
                InstrumentId symbol = CsvBatchReader.symbolOf(file);
                parsed.add(new CsvBatchReader(Times.calendarOf(symbol)).read(file, symbol, barSize));
            } else {
                throw new IllegalArgumentException(file + ": not a .csv or .json file");
            }
        }
        BarSize size = null;
        List<QualityIssue> schema = new ArrayList<>();
        for (CsvBatchReader.Parsed p : parsed) {
            if (size != null && p.barSize() != size) {
                throw new IllegalArgumentException(p.batch().source() + ": bar size " + p.barSize() + " differs from " + size
                        + " of the other files; ingest them into separate datasets");
            }
            size = p.barSize();
            schema.addAll(p.schemaIssues());
        }
        return ingest(dataset, size, parsed.stream().map(CsvBatchReader.Parsed::batch).iterator(), schema, progress);
    }

    /**
     * Validates and stores batches as one atomic ingest: new rows of a (symbol, year) already stored
     * are merged into it, a new row replacing a stored one with the same time; nothing becomes
     * visible before the catalog is replaced at the end, and any failure (including an exception
     * thrown by {@code progress}) removes what this ingest wrote.
     *
     * @param dataset  dataset id, {@code [A-Za-z0-9][A-Za-z0-9._-]*}
     * @param barSize  bar size of the rows; must equal the dataset's if it exists
     * @param batches  the rows, any number of batches per symbol
     * @param progress receives the number of rows processed so far after each batch (may be null)
     */
    public IngestResult ingest(String dataset, BarSize barSize, Iterator<BarBatch> batches, LongConsumer progress) {
        return ingest(dataset, barSize, batches, List.of(), progress);
    }

    private record Staged(Path file, long rows, long first, long last, long bytes, String sha256) {
    }

    /** A slice handed to the writer thread, with the partition it belongs to. */
    private record Pending(String key, Future<Staged> staged) {
    }

    /** Most slices validated but not yet written; bounds the memory an ingest holds. */
    private static final int WRITES_IN_FLIGHT = 4;
    /** Writer threads, each with its own DuckDB connection: writing Parquet costs more CPU than validating. */
    private static final int WRITERS = 2;

    private synchronized IngestResult ingest(String dataset, BarSize barSize, Iterator<BarBatch> batches,
            List<QualityIssue> schemaIssues, LongConsumer progress) {
        checkDatasetId(dataset);
        Objects.requireNonNull(barSize, "barSize");
        Catalog next = catalog.copy();
        Catalog.Dataset existing = next.dataset(dataset);
        if (existing != null && existing.barSize != barSize) {
            throw new IllegalArgumentException("dataset '" + dataset + "' holds " + existing.barSize + " bars, not " + barSize);
        }
        Catalog.Dataset d = next.create(dataset, barSize);
        String ingestId = INGEST_TIME.format(Instant.now()) + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        Path staging = root.resolve(".staging").resolve(ingestId);
        List<Path> written = new ArrayList<>();
        List<Path> replaced = new ArrayList<>();
        Map<String, List<Staged>> staged = new LinkedHashMap<>();
        Map<String, InstrumentId> keySymbols = new LinkedHashMap<>();
        List<QualityIssue> quarantined = new ArrayList<>(schemaIssues);
        List<QualityIssue> findings = new ArrayList<>();
        Map<QualityRule, Long> counts = new EnumMap<>(QualityRule.class);
        counts.put(QualityRule.SCHEMA, (long) schemaIssues.size());
        long rowsRead = schemaIssues.size();
        long rowsStored = 0;
        long missingSessions = 0;
        long missingBars = 0;
        Map<TradingCalendar, Validator> validators = new LinkedHashMap<>();
        // validation runs on this thread while writer threads turn validated slices into Parquet
        // files, their SHA-256 and replay caches, each writer on its own DuckDB connection
        List<ExecutorService> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "amcp-store-writer");
                t.setDaemon(true);
                return t;
            }));
        }
        Semaphore inFlight = new Semaphore(WRITES_IN_FLIGHT);
        List<Pending> pending = new ArrayList<>();
        List<Path> caches = Collections.synchronizedList(new ArrayList<>());
        try {
            Files.createDirectories(staging);
            List<DuckDBConnection> writerConnections = writerConnections();
            int part = 0;
            while (batches.hasNext()) {
                BarBatch batch = batches.next();
                rowsRead += batch.size();
                Validator validator = validators.computeIfAbsent(Times.calendarOf(batch.symbol()),
                        cal -> new Validator(cal, barSize, outlierThreshold));
                Validator.Result r = validator.validate(batch);
                quarantined.addAll(r.quarantined);
                findings.addAll(r.findings);
                r.counts.forEach((rule, n) -> counts.merge(rule, n, Long::sum));
                missingSessions += r.missingSessions;
                missingBars += r.missingBars;
                int start = 0;
                while (start < r.size) {
                    int year = Times.utcYear(r.time[start]);
                    int stop = Times.yearSliceEnd(r.time, start, r.size);
                    Path file = staging.resolve("part-" + (part++) + ".parquet");
                    String key = Catalog.Dataset.key(batch.symbol(), year);
                    keySymbols.put(key, batch.symbol());
                    long[][] cols = {r.time, r.open, r.high, r.low, r.close, r.volume};
                    int from = start;
                    int to = stop;
                    int w = part % WRITERS;
                    DuckDBConnection writerConnection = writerConnections.get(w);
                    inFlight.acquire();
                    try {
                        pending.add(new Pending(key, writers.get(w).submit(() -> {
                            try {
                                return writeSlice(writerConnection, dataset, file, cols, from, to, caches);
                            } finally {
                                inFlight.release();
                            }
                        })));
                    } catch (RuntimeException ex) {
                        inFlight.release();
                        throw ex;
                    }
                    rowsStored += stop - start;
                    start = stop;
                }
                if (progress != null) {
                    progress.accept(rowsRead);
                }
            }
            for (Pending p : pending) {
                staged.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(written(p.staged()));
            }
            List<PartitionInfo> partitions = new ArrayList<>();
            for (Map.Entry<String, List<Staged>> e : staged.entrySet()) {
                InstrumentId symbol = keySymbols.get(e.getKey());
                int year = Times.utcYear(e.getValue().get(0).first());
                PartitionInfo old = d.partitions.get(e.getKey());
                Path target = root.resolve(dataset).resolve("bars").resolve("symbol=" + URLEncoder.encode(symbol.value(),
                        StandardCharsets.UTF_8)).resolve("year=" + year).resolve("part-" + ingestId + ".parquet");
                Files.createDirectories(target.getParent());
                written.add(target);
                PartitionInfo info;
                if (old == null && e.getValue().size() == 1) {
                    Staged s = e.getValue().get(0);
                    Files.move(s.file(), target, StandardCopyOption.ATOMIC_MOVE);
                    info = new PartitionInfo(dataset, symbol, year, relative(target), s.rows(), s.first(), s.last(), s.bytes(),
                            s.sha256());
                } else {
                    // a merged partition's replay cache is built from its Parquet file on first replay
                    List<Path> sources = new ArrayList<>();
                    if (old != null) {
                        sources.add(root.resolve(old.file()));
                        replaced.add(root.resolve(old.file()));
                        replaced.add(replayFile(dataset, old.sha256()));
                    }
                    e.getValue().forEach(s -> sources.add(s.file()));
                    long[] stats = merge(sources, target);
                    info = new PartitionInfo(dataset, symbol, year, relative(target), stats[0], stats[1], stats[2],
                            Files.size(target), sha256(target));
                    // the merged slices' own caches describe files that are not partitions: they go with the commit
                    for (Staged s : e.getValue()) {
                        if (!s.sha256().equals(info.sha256())) {
                            replaced.add(replayFile(dataset, s.sha256()));
                        }
                    }
                }
                d.partitions.put(e.getKey(), info);
                partitions.add(info);
            }
            String quarantineFile = "";
            if (!quarantined.isEmpty()) {
                Path q = root.resolve(dataset).resolve("quarantine").resolve(ingestId + ".csv");
                writeQuarantine(q, quarantined);
                written.add(q);
                quarantineFile = relative(q);
            }
            List<QualityIssue> listed = new ArrayList<>(quarantined);
            listed.addAll(findings);
            QualityReport report = new QualityReport(dataset, ingestId, rowsRead, rowsStored, quarantined.size(), counts,
                    missingSessions, missingBars, listed.subList(0, Math.min(listed.size(), QualityReport.MAX_LISTED)),
                    quarantineFile);
            Path reportFile = root.resolve(dataset).resolve("quality").resolve(ingestId + ".txt");
            Files.createDirectories(reportFile.getParent());
            Files.writeString(reportFile, report.toText());
            written.add(reportFile);
            d.qualityReport = relative(reportFile);
            next.save(root);
            catalog = next;
            generations.commit(next, retired(d, replaced));
            deleteTree(staging);
            return new IngestResult(ingestId, rowsStored, partitions, report);
        } catch (IOException | SQLException | RuntimeException | InterruptedException e) {
            writers.forEach(ExecutorService::shutdownNow);
            writers.forEach(w -> awaitQuietly(w, e));
            written.addAll(caches);
            for (Path f : written) {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // best effort: the catalog does not list it, and verify() reports it
                }
            }
            deleteTree(staging);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("ingest into '" + dataset + "' failed, nothing was changed: " + e.getMessage(), e);
        } finally {
            writers.forEach(ExecutorService::shutdown);
        }
    }

    /**
     * The files a commit replaced, less the replay caches that a partition of {@code d} still names
     * (a partition rewritten with the same content has the same SHA-256, so the same cache).
     */
    private List<Path> retired(Catalog.Dataset d, List<Path> replaced) {
        Set<Path> kept = new HashSet<>();
        for (PartitionInfo p : d.partitions.values()) {
            kept.add(replayFile(d.id, p.sha256()));
        }
        return replaced.stream().filter(f -> !kept.contains(f)).toList();
    }

    /**
     * On the writer thread: one validated slice to a staged Parquet file (through {@code amcp_bars}),
     * its SHA-256, and its replay cache.
     */
    private Staged writeSlice(DuckDBConnection writerConnection, String dataset, Path file, long[][] cols, int from, int to,
            List<Path> caches) throws SQLException, IOException {
        long id = columns.put(cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], from, to);
        try (Statement st = writerConnection.createStatement()) {
            st.execute("COPY (SELECT * FROM " + ColumnsFunction.NAME + "(" + id + ")) TO " + literal(file) + " " + PARQUET);
        } finally {
            columns.release(id);
        }
        String sha = sha256(file);
        Path cache = replayFile(dataset, sha);
        caches.add(cache);
        ReplayCache.write(cache, cols, from, to);
        return new Staged(file, to - from, cols[0][from], cols[0][to - 1], Files.size(file), sha);
    }

    /** The outcome of a writer task, its failure rethrown as the ingest's own. */
    private static Staged written(Future<Staged> staged) throws IOException, SQLException, InterruptedException {
        try {
            return staged.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("writer failed: " + cause, cause);
        }
    }

    /**
     * Waits for a writer to stop after a failed ingest; a writer still running after 60 s is recorded on
     * {@code failure} (not thrown), so the ingest's own clean-up and error still follow.
     */
    private static void awaitQuietly(ExecutorService executor, Exception failure) {
        try {
            if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
                failure.addSuppressed(new IllegalStateException("the store's writer thread did not stop within 60 s"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One connection per writer thread to a second in-memory database whose scheduler runs no worker
     * threads ({@code threads=1}): each COPY then runs on its writer thread alone, the writers giving
     * the parallelism. With DuckDB's default of one worker per core a COPY took almost twice the
     * process CPU time for the same file.
     */
    private List<DuckDBConnection> writerConnections() throws SQLException {
        if (writerConnections.isEmpty()) {
            Properties single = new Properties();
            single.setProperty("threads", "1");
            DuckDBConnection first = new DuckDBDriver().connect("jdbc:duckdb:", single).unwrap(DuckDBConnection.class);
            columns.register(first);
            writerConnections.add(first);
            while (writerConnections.size() < WRITERS) {
                writerConnections.add(first.duplicate().unwrap(DuckDBConnection.class));
            }
        }
        return writerConnections;
    }

    /** The replay cache of the partition file with SHA-256 {@code sha256} (named by content, so never stale). */
    private Path replayFile(String dataset, String sha256) {
        return root.resolve(dataset).resolve("replay").resolve(sha256 + ".cols");
    }

    /** Merges Parquet files into {@code target}, later files winning on equal times; returns rows, first, last. */
    private long[] merge(List<Path> sources, Path target) throws SQLException {
        StringBuilder union = new StringBuilder();
        for (int i = 0; i < sources.size(); i++) {
            union.append(i == 0 ? "" : " UNION ALL ").append("SELECT *, ").append(i).append(" AS src FROM read_parquet(")
                    .append(literal(sources.get(i))).append(", hive_partitioning = false)");
        }
        execute("COPY (SELECT ts, open, high, low, close, volume FROM (SELECT *, row_number() OVER (PARTITION BY ts ORDER BY src DESC) AS rn FROM ("
                + union + ")) WHERE rn = 1 ORDER BY ts) TO " + literal(target) + " " + PARQUET);
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), min(ts), max(ts) FROM read_parquet(" + literal(target)
                        + ", hive_partitioning = false)")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }

    private void writeQuarantine(Path file, List<QualityIssue> issues) throws IOException {
        Files.createDirectories(file.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("origin,symbol,time,field,rule,reason,row\n");
            for (QualityIssue i : issues) {
                w.write(csv(i.origin()) + "," + i.symbol() + "," + (i.time() == Long.MIN_VALUE ? "" : Clock.toInstant(i.time()))
                        + "," + i.field() + "," + i.rule() + "," + csv(i.reason()) + "," + csv(i.row()) + "\n");
            }
        }
    }

    private static String csv(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    // ------------------------------------------------------------------ corporate actions

    /** Adds splits and dividends to {@code dataset} (an action equal in symbol, ex-date and type replaces the stored one). */
    public synchronized void addCorporateActions(String dataset, List<CorporateAction> actions) {
        requireDataset(dataset);
        Map<String, CorporateAction> all = new LinkedHashMap<>();
        for (CorporateAction a : corporateActions(dataset)) {
            all.put(a.symbol() + "|" + a.exDate() + "|" + a.type(), a);
        }
        for (CorporateAction a : actions) {
            all.put(a.symbol() + "|" + a.exDate() + "|" + a.type(), a);
        }
        Path file = root.resolve(dataset).resolve(ACTIONS_FILE);
        Path tmp = file.resolveSibling(ACTIONS_FILE + ".tmp");
        StringBuilder sb = new StringBuilder("symbol,ex_date,type,value\n");
        all.values().stream().sorted(Comparator.comparing((CorporateAction a) -> a.symbol().value()).thenComparing(CorporateAction::exDate))
                .forEach(a -> sb.append(a.symbol()).append(',').append(a.exDate()).append(',').append(a.type()).append(',')
                        .append(a.value()).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(tmp, sb);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The corporate actions stored for {@code dataset}. */
    public synchronized List<CorporateAction> corporateActions(String dataset) {
        Path file = root.resolve(dataset).resolve(ACTIONS_FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        List<CorporateAction> out = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                String[] f = lines.get(i).split(",");
                try {
                    out.add(new CorporateAction(InstrumentId.of(f[0]), LocalDate.parse(f[1]), CorporateAction.Type.valueOf(f[2]),
                            Double.parseDouble(f[3])));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    // ------------------------------------------------------------------ query

    /**
     * Reads bars: one {@link BarSeries} per requested symbol, in the query's order (empty when the
     * symbol has no bars in the range).
     *
     * @throws IllegalArgumentException for an unknown dataset or a bar size finer than the stored one
     */
    public synchronized List<BarSeries> query(BarQuery q) {
        Catalog.Dataset d = requireDataset(q.dataset());
        if (q.barSize().duration().compareTo(d.barSize.duration()) < 0) {
            throw new IllegalArgumentException("bar: dataset '" + q.dataset() + "' holds " + d.barSize
                    + " bars, which cannot be split into " + q.barSize());
        }
        long from = Clock.toNanos(q.from());
        long to = Clock.toNanos(q.to());
        List<CorporateAction> actions = q.adjusted() ? corporateActions(q.dataset()) : List.of();
        List<BarSeries> out = new ArrayList<>();
        try {
            for (InstrumentId symbol : q.symbols()) {
                List<PartitionInfo> files = files(d, symbol, from, to);
                Columns c;
                if (files.isEmpty()) {
                    c = new Columns(0);
                } else if (q.barSize() == d.barSize) {
                    c = read("SELECT ts, open, high, low, close, volume FROM read_parquet(" + fileList(files)
                            + ") WHERE ts >= ? AND ts < ?", from, to, files.stream().mapToLong(PartitionInfo::rows).sum());
                } else {
                    c = aggregate(files, symbol, d.barSize, q.barSize(), from, to);
                }
                if (q.adjusted()) {
                    adjust(c, d, symbol, actions);
                }
                out.add(c.toSeries(Instrument.infer(symbol)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query " + q + " failed: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Reads one symbol's stored bars ending in {@code [from, to)}, raw and at the stored bar size, for
     * replay into a backtest: the fast path beside {@link #query}. Each partition is read from its
     * replay cache ({@code <dataset>/replay/<sha256 of the Parquet file>.cols}, see docs/data-store.md),
     * which ingest writes; a cache that is missing, truncated or fails its CRC32C is never used but
     * rebuilt from the Parquet file first (counted by {@link #replayCacheRebuilds()}).
     *
     * <p>Unlike the other methods this one reads without holding the store's lock while the caches
     * are intact, so a backtest can read the next symbol on one thread while it replays the current
     * one on another. It reads one committed catalog whole: an ingest that replaces a partition
     * meanwhile deletes the files it replaced only once no replay of an older catalog still runs, so
     * a replay returns the old or the new data, never a mix.
     *
     * @throws IllegalArgumentException for an unknown dataset or an empty range
     */
    public BarSeries replay(String dataset, InstrumentId symbol, Instant from, Instant to) {
        Objects.requireNonNull(symbol, "symbol");
        long start = Clock.toNanos(Objects.requireNonNull(from, "from"));
        long end = Clock.toNanos(Objects.requireNonNull(to, "to"));
        if (start >= end) {
            throw new IllegalArgumentException("to: must be after from (" + from + "), was " + to);
        }
        List<ReplayCache.Columns> parts = new ArrayList<>();
        long total = 0;
        try (CatalogGenerations.Pin pin = generations.pin()) {
            Catalog.Dataset d = requireDataset(pin.catalog(), dataset);
            for (PartitionInfo p : files(d, symbol, start, end)) {
                ReplayCache.Columns c;
                try {
                    c = ReplayCache.read(replayFile(dataset, p.sha256()), p.rows());
                    if (c == null) {
                        c = rebuildReplayCache(p);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the replay cache of " + p.file() + ": " + e.getMessage(), e);
                }
                parts.add(c);
                total += c.size();
            }
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("replay: " + total + " bars of " + symbol + " do not fit one series; narrow [from, to)");
        }
        long[][] out = new long[6][(int) total];
        int n = 0;
        for (ReplayCache.Columns c : parts) {
            long[] t = c.time();
            int lo = lowerBound(t, start);
            int hi = lowerBound(t, end);
            long[][] src = {c.time(), c.open(), c.high(), c.low(), c.close(), c.volume()};
            for (int k = 0; k < 6; k++) {
                System.arraycopy(src[k], lo, out[k], n, hi - lo);
            }
            n += hi - lo;
        }
        if (n != total) {
            for (int k = 0; k < 6; k++) {
                out[k] = Arrays.copyOf(out[k], n);
            }
        }
        return new BarSeries(Instrument.infer(symbol), out[0], out[1], out[2], out[3], out[4], out[5]);
    }

    /** How many replay caches were found missing or damaged and rebuilt from Parquet since this store was opened. */
    public long replayCacheRebuilds() {
        return replayCacheRebuilds.get();
    }

    /** Total size of the replay cache files of {@code dataset}'s current partitions that exist. */
    public long replayCacheBytes(String dataset) {
        long bytes = 0;
        for (PartitionInfo p : requireDataset(dataset).partitions.values()) {
            Path f = replayFile(dataset, p.sha256());
            try {
                bytes += Files.isRegularFile(f) ? Files.size(f) : 0;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot size " + f + ": " + e.getMessage(), e);
            }
        }
        return bytes;
    }

    private synchronized ReplayCache.Columns rebuildReplayCache(PartitionInfo p) throws IOException {
        Path file = replayFile(p.dataset(), p.sha256());
        ReplayCache.Columns c = ReplayCache.read(file, p.rows());
        if (c != null) {
            return c;
        }
        Columns rows;
        try {
            rows = read("SELECT ts, open, high, low, close, volume FROM read_parquet(" + fileList(List.of(p))
                    + ") WHERE ts >= ? AND ts < ? ORDER BY ts", Long.MIN_VALUE, Long.MAX_VALUE, p.rows());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + p.file() + " to rebuild its replay cache: " + e.getMessage(), e);
        }
        if (rows.size != p.rows()) {
            throw new IllegalStateException(p.file() + " holds " + rows.size + " rows, the catalog says " + p.rows()
                    + "; run verify");
        }
        long[][] cols = {rows.time, rows.open, rows.high, rows.low, rows.close, rows.volume};
        ReplayCache.write(file, cols, 0, rows.size);
        replayCacheRebuilds.incrementAndGet();
        return new ReplayCache.Columns(Arrays.copyOf(rows.time, rows.size), Arrays.copyOf(rows.open, rows.size),
                Arrays.copyOf(rows.high, rows.size), Arrays.copyOf(rows.low, rows.size), Arrays.copyOf(rows.close, rows.size),
                Arrays.copyOf(rows.volume, rows.size));
    }

    /** First index whose value is at least {@code key} in an ascending array. */
    private static int lowerBound(long[] sorted, long key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Aggregates in DuckDB. A source bar belongs to the session of the exchange date its start falls
     * on (NYSE sessions start and end on the same UTC date; crypto sessions are UTC days); buckets
     * start at the session open and are {@code target} wide, and the last bucket ends at the close,
     * so 1h NYSE bars are 09:30-10:30, ..., 15:30-16:00 and a 1d bar is the regular session ending at
     * its close. Source bars outside the regular session are left out of aggregated bars.
     */
    private Columns aggregate(List<PartitionInfo> files, InstrumentId symbol, BarSize source, BarSize target, long from,
            long to) throws SQLException {
        String sessions = sessionTable(Times.calendarOf(symbol));
        long src = source.duration().toNanos();
        long width = target.duration().toNanos();
        String bucketEnd = "least(s.open_ns + ((b.ts - " + src + " - s.open_ns) // " + width + " + 1) * " + width + ", s.close_ns)";
        String sql = "SELECT " + bucketEnd + " AS bucket_end, arg_min(b.open, b.ts), max(b.high), min(b.low), arg_max(b.close, b.ts), "
                + "CAST(sum(b.volume) AS BIGINT) FROM read_parquet(" + fileList(files) + ") b JOIN " + sessions
                + " s ON s.day = (b.ts - " + src + ") // " + Times.DAY_NANOS + " WHERE b.ts >= ? AND b.ts < ? AND b.ts - " + src
                + " >= s.open_ns AND b.ts <= s.close_ns GROUP BY bucket_end ORDER BY bucket_end";
        return read(sql, from, to, 1024);
    }

    /** A table of (UTC epoch day, session open, session close) for every trading day 1970-2100 of a calendar. */
    private String sessionTable(TradingCalendar calendar) throws SQLException {
        String name = calendar instanceof NyseCalendar ? "sessions_nyse" : calendar instanceof AlwaysOpenCalendar ? "sessions_utc"
                : "sessions_" + Integer.toHexString(System.identityHashCode(calendar));
        if (sessionTables.add(name)) {
            execute("CREATE OR REPLACE TABLE " + name + " (day BIGINT, open_ns BIGINT, close_ns BIGINT)");
            try (DuckDBAppender a = connection.createAppender(name)) {
                for (LocalDate day = LocalDate.of(1970, 1, 1); day.getYear() <= 2100; day = day.plusDays(1)) {
                    if (calendar.isTradingDay(day)) {
                        long open = calendar.sessionOpenNanos(day);
                        a.beginRow().append(Math.floorDiv(open, Times.DAY_NANOS)).append(open)
                                .append(calendar.sessionCloseNanos(day)).endRow();
                    }
                }
            }
        }
        return name;
    }

    /** Multiplies prices and volumes of bars before each ex-date by the action's back-adjustment factors. */
    private void adjust(Columns c, Catalog.Dataset d, InstrumentId symbol, List<CorporateAction> all) throws SQLException {
        List<CorporateAction> actions = all.stream().filter(a -> a.symbol().equals(symbol))
                .sorted(Comparator.comparing(CorporateAction::exDate)).toList();
        if (actions.isEmpty() || c.size == 0) {
            return;
        }
        TradingCalendar calendar = Times.calendarOf(symbol);
        int n = actions.size();
        long[] boundary = new long[n];
        double[] priceFactor = new double[n + 1];
        double[] volumeFactor = new double[n + 1];
        priceFactor[n] = 1;
        volumeFactor[n] = 1;
        double[] pf = new double[n];
        double[] vf = new double[n];
        for (int k = 0; k < n; k++) {
            CorporateAction a = actions.get(k);
            boundary[k] = Clock.toNanos(a.exDate().atStartOfDay(calendar.zone()).toInstant());
            if (a.type() == CorporateAction.Type.SPLIT) {
                pf[k] = 1 / a.value();
                vf[k] = a.value();
            } else {
                double previousClose = closeBefore(d, symbol, boundary[k]);
                if (Double.isNaN(previousClose)) {
                    pf[k] = 1;
                } else if (a.value() >= previousClose) {
                    throw new IllegalArgumentException("dividend of " + symbol + " on " + a.exDate() + ": " + a.value()
                            + " is not below the previous close " + previousClose);
                } else {
                    pf[k] = 1 - a.value() / previousClose;
                }
                vf[k] = 1;
            }
        }
        for (int k = n - 1; k >= 0; k--) {
            priceFactor[k] = priceFactor[k + 1] * pf[k];
            volumeFactor[k] = volumeFactor[k + 1] * vf[k];
        }
        int k = 0;
        for (int i = 0; i < c.size; i++) {
            while (k < n && boundary[k] < c.time[i]) {
                k++;
            }
            if (k == n) {
                break;
            }
            double p = priceFactor[k];
            c.open[i] = Math.round(c.open[i] * p);
            c.high[i] = Math.round(c.high[i] * p);
            c.low[i] = Math.round(c.low[i] * p);
            c.close[i] = Math.round(c.close[i] * p);
            c.volume[i] = Math.round(c.volume[i] * volumeFactor[k]);
        }
    }

    /** The raw close of the last stored bar ending at or before {@code time}, in price units; NaN if none. */
    private double closeBefore(Catalog.Dataset d, InstrumentId symbol, long time) throws SQLException {
        List<PartitionInfo> files = files(d, symbol, Long.MIN_VALUE, time + 1);
        if (files.isEmpty()) {
            return Double.NaN;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT close FROM read_parquet(" + fileList(files)
                + ") WHERE ts <= ? ORDER BY ts DESC LIMIT 1")) {
            ps.setLong(1, time);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? FixedPoint.toDouble(rs.getLong(1)) : Double.NaN;
            }
        }
    }

    private static List<PartitionInfo> files(Catalog.Dataset d, InstrumentId symbol, long from, long to) {
        return d.partitions.values().stream().filter(p -> p.symbol().equals(symbol))
                .filter(p -> p.lastTime() >= from && p.firstTime() < to).sorted(Comparator.comparingInt(PartitionInfo::year))
                .toList();
    }

    private String fileList(List<PartitionInfo> files) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < files.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(literal(root.resolve(files.get(i).file())));
        }
        // the directories look like Hive partitions; the files themselves hold every column needed
        return sb.append("], hive_partitioning = false").toString();
    }

    /** Runs a query with two long parameters and reads six BIGINT columns chunk by chunk into arrays. */
    private Columns read(String sql, long from, long to, long expectedRows) throws SQLException {
        Columns c = new Columns((int) Math.min(Math.max(expectedRows, 16), Integer.MAX_VALUE - 16));
        try (DuckDBPreparedStatement ps = connection.prepareStatement(sql).unwrap(DuckDBPreparedStatement.class)) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            try (DuckDBChunkedResult result = ps.query()) {
                while (result.nextChunk()) {
                    DuckDBDataChunkReader chunk = result.chunk();
                    int rows = (int) chunk.rowCount();
                    c.ensure(c.size + rows);
                    long[][] target = {c.time, c.open, c.high, c.low, c.close, c.volume};
                    for (int col = 0; col < 6; col++) {
                        DuckDBReadableVector v = chunk.vector(col);
                        long[] dst = target[col];
                        int base = c.size;
                        for (int j = 0; j < rows; j++) {
                            dst[base + j] = v.getLong(j);
                        }
                    }
                    c.size += rows;
                }
            }
        }
        return c;
    }

    /** Growable bar columns. */
    private static final class Columns {
        long[] time;
        long[] open;
        long[] high;
        long[] low;
        long[] close;
        long[] volume;
        int size;

        Columns(int capacity) {
            time = new long[capacity];
            open = new long[capacity];
            high = new long[capacity];
            low = new long[capacity];
            close = new long[capacity];
            volume = new long[capacity];
        }

        void ensure(int capacity) {
            if (capacity > time.length) {
                int n = Math.max(capacity, time.length * 2);
                time = Arrays.copyOf(time, n);
                open = Arrays.copyOf(open, n);
                high = Arrays.copyOf(high, n);
                low = Arrays.copyOf(low, n);
                close = Arrays.copyOf(close, n);
                volume = Arrays.copyOf(volume, n);
            }
        }

        BarSeries toSeries(Instrument instrument) {
            if (time.length != size) {
                time = Arrays.copyOf(time, size);
                open = Arrays.copyOf(open, size);
                high = Arrays.copyOf(high, size);
                low = Arrays.copyOf(low, size);
                close = Arrays.copyOf(close, size);
                volume = Arrays.copyOf(volume, size);
            }
            return new BarSeries(instrument, time, open, high, low, close, volume);
        }
    }

    // ------------------------------------------------------------------ export

    /**
     * Writes the result of {@code q} to {@code file}; returns the number of bars written.
     *
     * @see ExportFormat
     */
    public synchronized long export(BarQuery q, Path file, ExportFormat format) {
        List<BarSeries> series = query(q);
        long rows = series.stream().mapToLong(BarSeries::size).sum();
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            if (format == ExportFormat.CSV) {
                try (BufferedWriter w = Files.newBufferedWriter(file)) {
                    w.write("symbol,time,open,high,low,close,volume\n");
                    for (BarSeries s : series) {
                        for (int i = 0; i < s.size(); i++) {
                            w.write(ExportFormat.csvRow(s.instrument().id(), s.time()[i], s.open()[i], s.high()[i], s.low()[i],
                                    s.close()[i], s.volume()[i]));
                        }
                    }
                }
            } else {
                List<Long> ids = new ArrayList<>();
                StringBuilder union = new StringBuilder();
                try {
                    for (BarSeries s : series) {
                        long id = columns.put(s.time(), s.open(), s.high(), s.low(), s.close(), s.volume(), 0, s.size());
                        ids.add(id);
                        union.append(union.length() == 0 ? "" : " UNION ALL ").append("SELECT ")
                                .append(literal(s.instrument().id().value())).append(" AS symbol, * FROM ")
                                .append(ColumnsFunction.NAME).append('(').append(id).append(')');
                    }
                    execute("COPY (" + union + ") TO " + literal(file) + " " + PARQUET);
                } finally {
                    ids.forEach(columns::release);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("export to " + file + " failed: " + e.getMessage(), e);
        }
        return rows;
    }

    // ------------------------------------------------------------------ helpers

    private Catalog.Dataset requireDataset(String dataset) {
        return requireDataset(catalog, dataset);
    }

    private Catalog.Dataset requireDataset(Catalog in, String dataset) {
        Catalog.Dataset d = in.dataset(dataset);
        if (d == null) {
            throw new IllegalArgumentException("dataset '" + dataset + "' is not in the store " + root + " (known: "
                    + String.join(", ", in.datasets().keySet()) + ")");
        }
        return d;
    }

    private static void checkDatasetId(String dataset) {
        if (dataset == null || !DATASET_ID.matcher(dataset).matches()) {
            throw new IllegalArgumentException("dataset: invalid id '" + dataset + "' (expected [A-Za-z0-9][A-Za-z0-9._-]{0,63})");
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private static String literal(Path path) {
        return literal(path.toString());
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // best effort: staging directories hold nothing the catalog refers to
                }
            });
        } catch (IOException ignored) {
            // best effort, as above
        }
    }

    @Override
    public synchronized void close() {
        try {
            for (DuckDBConnection c : writerConnections) {
                c.close();
            }
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close DuckDB: " + e.getMessage(), e);
        }
    }
}
