package io.amcp.cli;

import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.StrategyId;
import io.amcp.api.spi.Clock;
import io.amcp.backtest.BacktestEngine;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.data.BarQuery;
import io.amcp.data.BarStore;
import io.amcp.data.DatasetSummary;
import io.amcp.data.ExportFormat;
import io.amcp.data.IngestResult;
import io.amcp.data.StoreBenchmark;
import io.amcp.data.VerifyResult;
import io.amcp.datasource.file.BarSize;
import io.amcp.datasource.file.BundledDatasets;
import io.amcp.datasource.file.SyntheticSpec;
import io.amcp.strategy.smacross.SmaCrossStrategy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code amcp data}: the history store from the command line (ingest, list, verify, quality, export,
 * bench; bench also replays the stored bars through the backtest kernel; push and pull move datasets to
 * and from an S3 bucket, see {@link ObjectStoreCommands}). Thin: every subcommand calls {@link BarStore},
 * {@link StoreBenchmark} or the store's object-store tier.
 */
@Command(name = "data", description = "History store: ingest, list, verify, quality, export, bench, push, pull.",
        subcommands = {DataCommand.Ingest.class, DataCommand.ListDatasets.class, DataCommand.Verify.class,
            DataCommand.Quality.class, DataCommand.Export.class, DataCommand.Bench.class, ObjectStoreCommands.Push.class,
            ObjectStoreCommands.Pull.class})
final class DataCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @ParentCommand
    AmcpCli amcp;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "data: name a subcommand (ingest, list, verify, quality, export, bench, push, pull)");
    }

    /** The environment the tool was started with (the S3 key pair of push and pull comes from it). */
    Map<String, String> environment() {
        return amcp.environment();
    }

    /** Options every subcommand shares. */
    static class StoreOption {
        @Option(names = "--store", defaultValue = "data", description = "Store directory (default ${DEFAULT-VALUE})")
        Path store;
    }

    @Command(name = "ingest", description = "Ingests a dataset (see amcp datasets; synthetic:... allowed) or CSV files.")
    static final class Ingest extends StoreOption implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--dataset", description = "Dataset id to load, e.g. aapl-2013 or synthetic:symbols=5,years=2,bar=1m")
        String dataset;

        @Option(names = "--csv", description = "A CSV file or a directory of *.csv files (Yahoo or Alpaca columns)")
        Path csv;

        @Option(names = "--as", description = "Dataset id in the store (default: the --dataset id, or the CSV file/directory name)")
        String as;

        @Option(names = "--bar", description = "Bar size of Alpaca CSV files (default: inferred)")
        String bar;

        @Override
        public Integer call() {
            if ((dataset == null) == (csv == null)) {
                throw new IllegalArgumentException("ingest: give exactly one of --dataset or --csv");
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            LongConsumer progress = rows -> {
                err.printf("\ringested %,d rows", rows);
                err.flush();
            };
            IngestResult result;
            try (BarStore s = BarStore.open(store)) {
                if (csv != null) {
                    List<Path> files = csvFiles(csv);
                    String id = as != null ? as : storeId(csv.getFileName().toString().replaceFirst("(?i)\\.csv$", ""));
                    result = s.ingestCsv(id, files, bar == null ? null : BarSize.parse(bar), progress);
                } else if (dataset.startsWith(BundledDatasets.SYNTHETIC)) {
                    String parameters = dataset.equals(BundledDatasets.SYNTHETIC) ? "" : dataset.substring(BundledDatasets.SYNTHETIC.length() + 1);
                    result = s.ingestSynthetic(as != null ? as : storeId(dataset), SyntheticSpec.parse(parameters), progress);
                } else {
                    BundledDatasets datasets = new BundledDatasets();
                    String size = datasets.datasets().stream().filter(d -> d.id().equals(dataset)).map(d -> d.barSize())
                            .findFirst().orElseThrow(() -> new IllegalArgumentException("--dataset: unknown dataset '" + dataset + "'"));
                    result = s.ingestSeries(as != null ? as : storeId(dataset), BarSize.parse(size), datasets.load(dataset), progress);
                }
            }
            err.println();
            out.print(result.report().toText());
            out.printf("stored %,d rows in %d partition files%n", result.rowsStored(), result.partitions().size());
            out.flush();
            return 0;
        }

        private static List<Path> csvFiles(Path path) {
            if (Files.isRegularFile(path)) {
                return List.of(path);
            }
            if (!Files.isDirectory(path)) {
                throw new IllegalArgumentException("--csv: no such file or directory: " + path);
            }
            try (Stream<Path> files = Files.list(path)) {
                List<Path> list = files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")).sorted().toList();
                if (list.isEmpty()) {
                    throw new IllegalArgumentException("--csv: no *.csv files in " + path);
                }
                return list;
            } catch (IOException e) {
                throw new UncheckedIOException("--csv: cannot list " + path + ": " + e.getMessage(), e);
            }
        }

        private static String storeId(String text) {
            return text.replaceAll("[^A-Za-z0-9._-]", "-");
        }
    }

    @Command(name = "list", description = "Lists the datasets of the store's catalog.")
    static final class ListDatasets extends StoreOption implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (BarStore s = BarStore.open(store)) {
                out.printf("%-20s %-4s %8s %14s %6s %12s  %-20s %-20s %s%n", "DATASET", "BAR", "SYMBOLS", "ROWS", "FILES", "BYTES",
                        "FIRST", "LAST", "SYMBOL LIST");
                for (DatasetSummary d : s.datasets()) {
                    out.printf("%-20s %-4s %8d %,14d %6d %,12d  %-20s %-20s %s%n", d.id(), d.barSize(), d.symbols().size(), d.rows(),
                            d.partitions(), d.bytes(), d.rows() == 0 ? "-" : Clock.toInstant(d.firstTime()),
                            d.rows() == 0 ? "-" : Clock.toInstant(d.lastTime()),
                            String.join(",", d.symbols().stream().limit(10).map(InstrumentId::value).toList())
                                    + (d.symbols().size() > 10 ? ",..." : ""));
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "verify", description = "Checks every partition file's size and SHA-256 against the catalog.")
    static final class Verify extends StoreOption implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            VerifyResult result;
            try (BarStore s = BarStore.open(store)) {
                result = s.verify();
            }
            result.problems().forEach(p -> out.println("FAIL " + p));
            out.printf("%d files checked, %d problems%n", result.filesChecked(), result.problems().size());
            out.flush();
            return result.ok() ? 0 : 1;
        }
    }

    @Command(name = "quality", description = "Prints the latest data-quality report of a dataset.")
    static final class Quality extends StoreOption implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--dataset", required = true, description = "Dataset id in the store")
        String dataset;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (BarStore s = BarStore.open(store)) {
                out.print(s.qualityReport(dataset));
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "export", description = "Exports bars of one symbol, aggregated and optionally adjusted, as CSV or Parquet.")
    static final class Export extends StoreOption implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--dataset", required = true, description = "Dataset id in the store") String dataset;
        @Option(names = "--symbol", required = true, description = "Symbol") String symbol;
        @Option(names = "--from", required = true, description = "First date (yyyy-MM-dd, exchange-local)") String from;
        @Option(names = "--to", required = true, description = "Last date included (yyyy-MM-dd)") String to;
        @Option(names = "--bar", defaultValue = "1d", description = "1m, 5m, 15m, 1h or 1d (default ${DEFAULT-VALUE})") String bar;
        @Option(names = "--format", defaultValue = "csv", description = "csv or parquet (default ${DEFAULT-VALUE})") String format;
        @Option(names = "--adjusted", description = "Apply splits and dividends") boolean adjusted;
        @Option(names = "--out", description = "Output file (default <symbol>-<bar>.<format>)") Path outFile;

        @Override
        public Integer call() {
            InstrumentId id;
            try {
                id = InstrumentId.of(symbol);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--symbol: " + e.getMessage(), e);
            }
            ExportFormat f = switch (format.toLowerCase(Locale.ROOT)) {
                case "csv" -> ExportFormat.CSV;
                case "parquet" -> ExportFormat.PARQUET;
                default -> throw new IllegalArgumentException("--format: expected csv or parquet, was '" + format + "'");
            };
            BarSize size;
            try {
                size = BarSize.parse(bar);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--bar: " + e.getMessage(), e);
            }
            LocalDate first = date("--from", from);
            LocalDate last = date("--to", to);
            ZoneId zone = Instrument.infer(id).assetClass().tradesAroundTheClock() ? ZoneOffset.UTC : NyseCalendar.INSTANCE.zone();
            BarQuery q = new BarQuery(dataset, List.of(id), size, first.atStartOfDay(zone).toInstant(),
                    last.plusDays(1).atStartOfDay(zone).toInstant(), adjusted);
            Path file = outFile != null ? outFile
                    : Path.of(symbol.replace('/', '-') + "-" + size.label() + "." + f.name().toLowerCase(Locale.ROOT));
            long rows;
            try (BarStore s = BarStore.open(store)) {
                rows = s.export(q, file, f);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%,d bars written to %s%n", rows, file.toAbsolutePath());
            out.flush();
            return 0;
        }

        private static LocalDate date(String option, String text) {
            try {
                return LocalDate.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(option + ": not a date (yyyy-MM-dd): '" + text + "'", e);
            }
        }
    }

    @Command(name = "bench", description = "Ingest, query, storage-read, end-to-end backtest replay and disk figures on synthetic "
            + "1-minute bars, each beside a reference. The issue's scale run: --symbols 100 --years 22 --dir /tmp/amcp-scale.")
    static final class Bench implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--symbols", defaultValue = "10", description = "Symbols (default ${DEFAULT-VALUE})") int symbols;
        @Option(names = "--years", defaultValue = "2", description = "Years of minute bars (default ${DEFAULT-VALUE})") double years;
        @Option(names = "--dir", description = "Work directory, which must not hold a store yet (default: a new temporary directory); "
                + "deleted afterwards unless --keep") Path dir;
        @Option(names = "--keep", description = "Keep the work directory and its store") boolean keep;
        @Option(names = "--fast", defaultValue = "50", description = "Fast SMA period of the end-to-end backtest (default ${DEFAULT-VALUE})") int fast;
        @Option(names = "--slow", defaultValue = "200", description = "Slow SMA period (default ${DEFAULT-VALUE})") int slow;
        @Option(names = "--no-backtest", description = "Skip the end-to-end replay through the backtest kernel") boolean noBacktest;

        @Override
        public Integer call() throws IOException {
            if (symbols < 1 || symbols > 1000) {
                throw new IllegalArgumentException("--symbols: must be in [1, 1000], was " + symbols);
            }
            if (!(years > 0) || years > 50) {
                throw new IllegalArgumentException("--years: must be in (0, 50], was " + years);
            }
            if (fast < 1 || slow <= fast) {
                throw new IllegalArgumentException("--slow: must be greater than --fast (" + fast + "), was " + slow);
            }
            if (dir != null && Files.isDirectory(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        // the bench deletes what it wrote unless --keep: never point it at a directory holding anything else
                        throw new IllegalArgumentException("--dir: " + dir + " is not empty; give an empty or new directory");
                    }
                }
            }
            Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("amcp-data-bench");
            ToLongFunction<BarSeries> backtest = noBacktest ? null : series -> new BacktestEngine(Money.of("100000000"), 1.0, List.of())
                    .run(List.of(series), new SmaCrossStrategy(StrategyId.of("bench"), series.instrument().id(), fast, slow,
                            Quantity.of(10)), (Clock c) -> new PaperExchange(c, PaperSettings.FRICTIONLESS), null).fills().size();
            try {
                StoreBenchmark.run(work, symbols, years, spec.commandLine().getOut(), backtest,
                        "BacktestEngine (SMA " + fast + "/" + slow + " cross, risk, OMS, paper fills), one backtest per symbol");
            } finally {
                if (!keep) {
                    try (Stream<Path> files = Files.walk(work)) {
                        // what the bench wrote; a directory the user named stays, empty, as it was given
                        files.sorted(java.util.Comparator.reverseOrder()).filter(p -> dir == null || !p.equals(work))
                                .forEach(p -> p.toFile().delete());
                    }
                }
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
