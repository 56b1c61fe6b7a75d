package io.amcp.cli;

import io.amcp.analytics.indicators.IndicatorColumns;
import io.amcp.analytics.indicators.IndicatorSeries;
import io.amcp.api.calendar.AlwaysOpenCalendar;
import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.model.AssetClass;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.StrategyId;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.DatasetProvider.DatasetInfo;
import io.amcp.backtest.BacktestEngine;
import io.amcp.backtest.BacktestRun;
import io.amcp.backtest.metrics.EquityCurve;
import io.amcp.backtest.metrics.PerformanceMetrics;
import io.amcp.backtest.metrics.PeriodsPerYear;
import io.amcp.backtest.metrics.RoundTripTracker;
import io.amcp.backtest.metrics.Trade;
import io.amcp.backtest.report.BacktestResult;
import io.amcp.backtest.report.BacktestResultJson;
import io.amcp.backtest.report.TearSheet;
import io.amcp.broker.paper.CommissionModel;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.data.ObjectStoreException;
import io.amcp.datasource.file.BundledDatasets;
import io.amcp.strategy.smacross.SmaCrossStrategy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code amcp}: the platform's engine classes without the container, for researchers. Bad
 * arguments and unknown ids print one line naming the argument and exit with code 2.
 */
@Command(name = "amcp", mixinStandardHelpOptions = true, version = "amcp 0.1.0",
        description = "AMCP command-line tool: datasets, backtests, indicators, benchmarks, data, options, MCP over stdio.",
        subcommands = {AmcpCli.Datasets.class, AmcpCli.Backtest.class, AmcpCli.Indicator.class, BenchCommand.class,
            DataCommand.class, OptionCommand.class, McpCommand.class})
public final class AmcpCli implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;

    private AmcpCli(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the tool; returns the exit code (0 ok, 2 bad arguments, 1 failure). */
    public static int run(String... args) {
        return run(System.getenv(), args);
    }

    /** Runs the tool with the given environment variables instead of the process's own. */
    static int run(Map<String, String> environment, String... args) {
        CommandLine cli = new CommandLine(new AmcpCli(environment));
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("amcp: " + e.getMessage());
            return 2;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException) {
                commandLine.getErr().println("amcp: " + e.getMessage());
                return 2;
            }
            if (e instanceof ObjectStoreException) {
                // names the endpoint, bucket and object; the S3 error code is in the message
                commandLine.getErr().println("amcp: " + e.getMessage());
                return 1;
            }
            commandLine.getErr().println("amcp: failed: " + e);
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    Map<String, String> environment() {
        return environment;
    }

    static BundledDatasets datasets() {
        return new BundledDatasets();
    }

    @Command(name = "datasets", description = "Lists the datasets (ids for --dataset).")
    static final class Datasets implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-14s %-5s %-12s %s%n", "ID", "BAR", "SYMBOLS", "DESCRIPTION");
            for (DatasetInfo d : datasets().datasets()) {
                out.printf("%-14s %-5s %-12s %s%n", d.id(), d.barSize(), String.join(",", d.symbols()), d.description());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "backtest", description = "Backtests a strategy on a dataset through the platform kernel.")
    static final class Backtest implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--strategy", required = true, description = "Strategy id: sma-cross")
        String strategy;

        @Option(names = "--dataset", required = true, description = "Dataset id (see amcp datasets)")
        String dataset;

        @Option(names = "--param", description = "Strategy parameter key=value (sma-cross: fast, slow)")
        Map<String, String> params = new LinkedHashMap<>();

        @Option(names = "--quantity", defaultValue = "10", description = "Order quantity (default ${DEFAULT-VALUE})")
        String quantity;

        @Option(names = "--cash", defaultValue = "10000", description = "Initial cash (default ${DEFAULT-VALUE})")
        String cash;

        @Option(names = "--commission-per-share", defaultValue = "0", description = "Commission per share")
        String commissionPerShare;

        @Option(names = "--slippage-bps", defaultValue = "0", description = "Adverse slippage, basis points")
        double slippageBps;

        @Option(names = "--json", description = "Print the result as one JSON object")
        boolean json;

        @Option(names = "--report", description = "Write an HTML tear sheet to this file")
        Path report;

        @Override
        public Integer call() {
            if (!"sma-cross".equals(strategy)) {
                throw new IllegalArgumentException("--strategy: unknown strategy '" + strategy + "' (known: sma-cross)");
            }
            List<BarSeries> data = datasets().load(dataset);
            BarSeries first = data.get(0);
            int fast = intParam("fast", 10);
            int slow = intParam("slow", 30);
            for (String key : params.keySet()) {
                if (!key.equals("fast") && !key.equals("slow")) {
                    throw new IllegalArgumentException("--param: unknown parameter '" + key + "' for sma-cross (fast, slow)");
                }
            }
            Quantity qty = parseQuantity(quantity);
            Money initial = parseMoney("--cash", cash);
            Money perShare = parseMoney("--commission-per-share", commissionPerShare);
            SmaCrossStrategy s;
            try {
                s = new SmaCrossStrategy(StrategyId.of("sma-cross"), first.instrument().id(), fast, slow, qty);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--param " + e.getMessage(), e);
            }
            CommissionModel commission = perShare.raw() == 0 ? CommissionModel.NONE
                    : new CommissionModel.PerShare(perShare, Money.ZERO);
            PaperSettings settings = new PaperSettings(slippageBps, commission, 0);
            BacktestResult result = run(strategy, dataset, data, s, initial, settings, json ? null : spec.commandLine().getErr());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(BacktestResultJson.toJson(result));
            } else {
                out.printf("%s on %s: %s .. %s%n", result.strategy(), result.dataset(), result.start(), result.end());
                out.printf("initial cash %.2f, final equity %.2f%n", result.initialCash(), result.finalEquity());
                result.metrics().toMap().forEach((k, v) -> out.printf("  %-26s %s%n", k, v));
                out.printf("%d trades%n", result.trades().size());
            }
            if (report != null) {
                TearSheet.write(result, report);
                if (!json) {
                    out.println("tear sheet written to " + report.toAbsolutePath());
                }
            }
            out.flush();
            return 0;
        }

        private int intParam(String key, int fallback) {
            String v = params.get(key);
            if (v == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--param " + key + ": not an integer: '" + v + "'", e);
            }
        }
    }

    /** Runs one backtest through the kernel and builds the full result (metrics, trades). */
    static BacktestResult run(String strategyName, String datasetId, List<BarSeries> data,
            io.amcp.api.spi.Strategy strategy, Money initialCash, PaperSettings settings, PrintWriter progress) {
        long bars = data.stream().mapToLong(BarSeries::size).sum();
        BacktestEngine engine = new BacktestEngine(initialCash, 1.0, List.of());
        BacktestRun run = engine.run(data, strategy, (Clock clock) -> new PaperExchange(clock, settings),
                done -> {
                    if (progress != null && bars >= 100_000) {
                        progress.printf("\rbacktest %3d%% (%d/%d bars)", done * 100 / bars, done, bars);
                        progress.flush();
                    }
                });
        if (progress != null && bars >= 100_000) {
            progress.println();
        }
        List<Trade> trades = new ArrayList<>(RoundTripTracker.pair(run.fills()));
        EquityCurve curve = EquityCurve.of(run.equityTimes(), run.equity());
        boolean crypto = data.get(0).instrument().assetClass() == AssetClass.CRYPTO;
        double ppy = PeriodsPerYear.estimate(run.equityTimes(),
                crypto ? AlwaysOpenCalendar.INSTANCE : NyseCalendar.INSTANCE);
        PerformanceMetrics metrics = PerformanceMetrics.calculator(curve).trades(trades).periodsPerYear(ppy)
                .invested(run.invested()).calculate();
        return BacktestResult.of(strategyName, datasetId, Clock.toInstant(curve.firstTime()),
                Clock.toInstant(curve.lastTime()), initialCash.toDouble(), run.finalAccount().equity().toDouble(),
                metrics, trades, curve);
    }

    static Quantity parseQuantity(String text) {
        try {
            Quantity q = Quantity.of(text);
            if (!q.isPositive()) {
                throw new IllegalArgumentException("--quantity: must be positive, was " + text);
            }
            return q;
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("--quantity") ? e
                    : new IllegalArgumentException("--quantity: " + e.getMessage(), e);
        }
    }

    static Money parseMoney(String option, String text) {
        try {
            Money m = Money.of(text);
            if (m.isNegative()) {
                throw new IllegalArgumentException(option + ": must not be negative, was " + text);
            }
            return m;
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(option) ? e : new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    @Command(name = "indicator", description = "Prints an indicator series: sma, ema, rsi, atr, macd, bb.")
    static final class Indicator implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", description = "sma | ema | rsi | atr | macd | bb")
        String name;

        @Option(names = "--dataset", required = true, description = "Dataset id")
        String dataset;

        @Option(names = "--period", description = "Period (sma, ema, rsi, atr; bb: default 20)")
        Integer period;

        @Option(names = "--fast", defaultValue = "12", description = "macd fast period") int fast;
        @Option(names = "--slow", defaultValue = "26", description = "macd slow period") int slow;
        @Option(names = "--signal", defaultValue = "9", description = "macd signal period") int signal;
        @Option(names = "--k", defaultValue = "2", description = "bb width in standard deviations") double k;

        @Option(names = "--json", description = "Print a JSON array")
        boolean json;

        @Override
        public Integer call() {
            String n = name.toLowerCase(Locale.ROOT);
            IndicatorColumns cols;
            BarSeries series = datasets().load(dataset).get(0);
            switch (n) {
                case "sma", "ema", "rsi", "atr" -> {
                    if (period == null) {
                        throw new IllegalArgumentException("--period: required for " + n);
                    }
                    cols = IndicatorSeries.compute(n, series, period);
                }
                case "macd" -> cols = IndicatorSeries.compute(n, series, fast, slow, signal);
                case "bb" -> cols = IndicatorSeries.bollinger(series.closesAsDouble(), period == null ? 20 : period, k);
                default -> throw new IllegalArgumentException("indicator: unknown '" + name
                        + "' (sma, ema, rsi, atr, macd, bb)");
            }
            PrintWriter out = spec.commandLine().getOut();
            List<String> names = cols.names().size() == 1 ? List.of("value") : cols.names();
            StringBuilder sb = new StringBuilder(json ? "[" : "time\t" + String.join("\t", names) + "\n");
            for (int i = 0; i < cols.rows(); i++) {
                String time = Clock.toInstant(series.time()[i]).toString();
                if (json) {
                    sb.append(i == 0 ? "" : ",").append("{\"time\":\"").append(time).append('"');
                    for (int c = 0; c < names.size(); c++) {
                        double v = cols.column(c)[i];
                        sb.append(",\"").append(names.get(c)).append("\":").append(Double.isNaN(v) ? "null" : Double.toString(v));
                    }
                    sb.append('}');
                } else {
                    sb.append(time);
                    for (int c = 0; c < names.size(); c++) {
                        double v = cols.column(c)[i];
                        sb.append('\t').append(Double.isNaN(v) ? "" : Double.toString(v));
                    }
                    sb.append('\n');
                }
            }
            out.print(json ? sb.append("]\n") : sb);
            out.flush();
            return 0;
        }
    }

}
