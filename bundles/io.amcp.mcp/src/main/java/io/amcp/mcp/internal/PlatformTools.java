package io.amcp.mcp.internal;

import io.amcp.api.calendar.AlwaysOpenCalendar;
import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.model.AssetClass;
import io.amcp.api.model.Bar;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.StrategyId;
import io.amcp.api.spi.BacktestStrategies;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.DatasetProvider;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.TradingNode;
import io.amcp.backtest.BacktestEngine;
import io.amcp.backtest.BacktestRun;
import io.amcp.backtest.metrics.EquityCurve;
import io.amcp.backtest.metrics.PerformanceMetrics;
import io.amcp.backtest.metrics.PeriodsPerYear;
import io.amcp.backtest.metrics.RoundTripTracker;
import io.amcp.backtest.metrics.Trade;
import io.amcp.broker.paper.CommissionModel;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.options.OptionInputs;
import io.amcp.options.OptionPricer;
import io.amcp.options.OptionValuation;
import io.amcp.options.PricingModel;
import io.amcp.portfolio.AssetUniverse;
import io.amcp.portfolio.Constraints;
import io.amcp.portfolio.CovarianceEstimator;
import io.amcp.portfolio.MarketEstimates;
import io.amcp.portfolio.OptimalPortfolio;
import io.amcp.portfolio.PortfolioOptimizer;
import io.amcp.portfolio.ReturnHistory;
import io.amcp.risk.RiskReportService;
import io.amcp.strategy.smacross.SmaCrossStrategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/** Platform tools: backtests, strategy lifecycle, live risk, option pricing and portfolio optimisation. */
final class PlatformTools {

    private static final List<String> MODELS = List.of("black_scholes_merton", "black_76", "binomial_crr",
            "barone_adesi_whaley");
    private static final List<String> OBJECTIVES = List.of("min_variance", "max_sharpe", "risk_parity", "min_cvar");

    private static final String SMA_CROSS = SmaCrossStrategy.NAME;
    private static final List<String> SMA_CROSS_ARGUMENTS = List.of("fast", "slow", "quantity");
    private static final int MAX_SMA_PERIOD = 10_000;
    /** sma-cross with its configuration's defaults, for the tool's description. */
    private static final SmaCrossStrategy SMA_DEFAULTS = SmaCrossStrategy.of(StrategyId.of("defaults"),
            InstrumentId.of("DEFAULTS"), Map.of());

    private final TradingNode node;
    private final Supplier<List<DatasetProvider>> datasets;
    private final RiskReportService risk;
    private final Supplier<PortfolioOptimizer> optimizer;
    private final MarketTools market;
    private final Supplier<List<BacktestStrategies>> backtests;

    PlatformTools(TradingNode node, Supplier<List<DatasetProvider>> datasets, RiskReportService risk,
            Supplier<PortfolioOptimizer> optimizer, MarketTools market, Supplier<List<BacktestStrategies>> backtests) {
        this.node = node;
        this.datasets = datasets;
        this.risk = risk;
        this.optimizer = optimizer;
        this.market = market;
        this.backtests = backtests;
    }

    List<ToolDefinition> definitions() {
        List<ToolDefinition> tools = new ArrayList<>();
        tools.add(ToolDefinition.read("run_backtest", "Backtests a strategy (the SMA crossover built in, or one a "
                + "strategy bundle offers for backtests) on one of the platform's datasets through the same kernel and "
                + "paper exchange as live trading; returns the headline statistics. Does not touch the running node.",
                Schema.object().string("strategy", "strategy (default sma-cross; others as the strategy bundles name "
                        + "them, e.g. mean-reversion)", false)
                        .textMap("parameters", "parameters of a bundle-offered strategy by name, e.g. {\"bandPeriod\": 20}")
                        .string("dataset", "dataset id, e.g. aapl-2013 (see the platform's datasets)", true)
                        .string("symbol", "instrument of the dataset to trade (default: its first)", false)
                        .integer("fast", "fast moving-average length (default " + SMA_DEFAULTS.fastPeriod() + ")", false)
                        .integer("slow", "slow moving-average length (default " + SMA_DEFAULTS.slowPeriod() + ")", false)
                        .decimal("quantity", "order quantity (default " + SMA_DEFAULTS.quantity() + ")", false)
                        .decimal("initial_cash", "starting cash (default 100000)", false)
                        .decimal("slippage_bps", "adverse slippage in basis points (default 0)", false),
                this::backtest));
        tools.add(ToolDefinition.read("list_strategies", "Strategies running on the node with their state.",
                Schema.object(), (caller, args) -> node.strategies().stream().map(PlatformTools::strategy).toList()));
        tools.add(ToolDefinition.admin("start_strategy", "Starts a stopped or failed strategy with its last good state.",
                Schema.object().string("strategy_id", "the strategy's id", true),
                (caller, args) -> lifecycle(args, true)));
        tools.add(ToolDefinition.admin("stop_strategy", "Stops a strategy (its state is kept; working orders follow "
                + "the halted-strategy policy).", Schema.object().string("strategy_id", "the strategy's id", true),
                (caller, args) -> lifecycle(args, false)));
        tools.add(ToolDefinition.read("get_risk_report", "Live risk of the node: historical VaR and CVaR at 95% and "
                + "99%, exposure, concentration, margin and buying-power usage, kill switch and active limits.",
                Schema.object(), (caller, args) -> risk.report()));
        tools.add(ToolDefinition.read("price_option", "Prices a European or American option and its Greeks (per "
                + "unit: vega per 1.00 of volatility, rho per 1.00 of rate, theta per year).",
                Schema.object().choice("type", List.of("call", "put"), "call or put", true)
                        .decimal("spot", "underlying price (futures price for black_76)", true)
                        .decimal("strike", "strike price", true)
                        .decimal("years", "time to expiry in years", true)
                        .decimal("volatility", "annual volatility as a decimal, e.g. 0.2", true)
                        .decimal("rate", "continuously compounded risk-free rate (default 0)", false)
                        .decimal("dividend_yield", "continuous dividend yield (default 0)", false)
                        .choice("model", MODELS, "pricing model (default black_scholes_merton)", false)
                        .integer("steps", "binomial steps, 10-5000 (default 500)", false),
                this::priceOption));
        tools.add(ToolDefinition.read("optimize_portfolio", "Optimal weights over symbols from their daily returns "
                + "(bars the node received, else the platform's datasets).",
                Schema.object().strings("symbols", "at least two symbols", true)
                        .choice("objective", OBJECTIVES, "objective (default min_variance)", false)
                        .bool("long_only", "no short weights, fully invested (default true)")
                        .decimal("max_weight", "highest weight of one asset, e.g. 0.4", false)
                        .decimal("risk_free_rate", "per-period risk-free rate for max_sharpe (default 0)", false)
                        .decimal("confidence", "CVaR confidence for min_cvar (default 0.95)", false)
                        .choice("covariance", List.of("ledoit_wolf", "sample"), "covariance estimator (default "
                                + "ledoit_wolf)", false),
                this::optimize));
        return tools;
    }

    private static Map<String, Object> strategy(TradingNode.StrategyInfo s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id().value());
        m.put("class", s.className());
        m.put("version", s.version());
        m.put("state", s.state());
        m.put("reason", s.reason());
        m.put("events_handled", s.eventsHandled());
        m.put("orders_submitted", s.ordersSubmitted());
        m.put("swaps", s.swaps());
        return m;
    }

    private Object lifecycle(Args args, boolean start) {
        StrategyId id;
        try {
            id = StrategyId.of(args.string("strategy_id"));
        } catch (ToolArgumentException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ToolArgumentException("strategy_id", e.getMessage());
        }
        if (node.strategies().stream().noneMatch(s -> s.id().equals(id))) {
            throw new ToolArgumentException("strategy_id", "no strategy '" + id + "' on this node");
        }
        if (start) {
            node.startStrategy(id);
        } else {
            node.stopStrategy(id);
        }
        return node.strategies().stream().filter(s -> s.id().equals(id)).map(PlatformTools::strategy).findFirst()
                .orElseThrow();
    }

    private Object backtest(Caller caller, Args args) {
        String strategyName = args.has("strategy") ? args.string("strategy") : SMA_CROSS;
        if (!strategyName.equals(SMA_CROSS)) {
            return offeredBacktest(args, strategyName);
        }
        if (args.has("parameters")) {
            throw new ToolArgumentException("parameters", "sma-cross takes fast, slow and quantity as arguments of their own");
        }
        // a tool call must not make the node allocate an unbounded averaging window
        for (String period : List.of("fast", "slow")) {
            args.integer(period, 1, 1, MAX_SMA_PERIOD);
        }
        Map<String, String> parameters = args.texts(SMA_CROSS_ARGUMENTS);
        BarSeries traded = traded(args);
        SmaCrossStrategy strategy;
        try {
            strategy = SmaCrossStrategy.of(StrategyId.of("mcp-backtest"), traded.instrument().id(), parameters);
        } catch (IllegalArgumentException e) {
            throw namedArgumentError(e, SMA_CROSS_ARGUMENTS);
        }
        return replay(args, SMA_CROSS, traded, strategy, Map.of("fast", strategy.fastPeriod(),
                "slow", strategy.slowPeriod(), "quantity", strategy.quantity().toString()));
    }

    /**
     * A strategy's "name: why" error as the tool error of the argument it names, one of {@code arguments}
     * ({@link BacktestStrategies#create} names the parameter at fault first), else of {@code strategy}.
     */
    private static ToolArgumentException namedArgumentError(IllegalArgumentException e, List<String> arguments) {
        String message = e.getMessage();
        int colon = message.indexOf(": ");
        if (colon > 0 && arguments.contains(message.substring(0, colon))) {
            return new ToolArgumentException(message.substring(0, colon), message.substring(colon + 2));
        }
        return new ToolArgumentException("strategy", message);
    }

    /** A backtest of a strategy a strategy bundle offers ({@link BacktestStrategies}), with its own parameters. */
    private Object offeredBacktest(Args args, String strategyName) {
        for (String sma : SMA_CROSS_ARGUMENTS) {
            if (args.has(sma)) {
                throw new ToolArgumentException(sma, "belongs to sma-cross; pass " + strategyName
                        + "'s parameters in parameters");
            }
        }
        List<String> known = new ArrayList<>(List.of(SMA_CROSS));
        BacktestStrategies offering = null;
        for (BacktestStrategies b : backtests.get()) {
            b.names().stream().filter(n -> !known.contains(n)).forEach(known::add);
            if (offering == null && b.names().contains(strategyName)) {
                offering = b;
            }
        }
        if (offering == null) {
            throw new ToolArgumentException("strategy", "unknown '" + strategyName + "' (known: " + known + ")");
        }
        Map<String, String> parameters = args.textMap("parameters");
        BarSeries traded = traded(args);
        Strategy strategy;
        try {
            strategy = offering.create(strategyName, StrategyId.of("mcp-backtest"), traded.instrument().id().value(),
                    parameters);
        } catch (IllegalArgumentException e) {
            throw new ToolArgumentException("parameters", e.getMessage());
        }
        return replay(args, strategyName, traded, strategy, new LinkedHashMap<>(parameters));
    }

    /** The dataset's series to trade: the {@code symbol} argument's, or the dataset's first. */
    private BarSeries traded(Args args) {
        String datasetId = args.string("dataset");
        List<BarSeries> data = load(datasetId);
        if (!args.has("symbol")) {
            return data.get(0);
        }
        InstrumentId id = TradingTools.instrument(args, "symbol");
        return data.stream().filter(s -> s.instrument().id().equals(id)).findFirst().orElseThrow(
                () -> new ToolArgumentException("symbol", "dataset " + datasetId + " has no " + id));
    }

    private Map<String, Object> replay(Args args, String strategyName, BarSeries traded, Strategy strategy,
            Map<String, Object> parameters) {
        Money cash = Money.of(args.has("initial_cash") ? args.positive("initial_cash")
                : java.math.BigDecimal.valueOf(100_000));
        double slippage = args.number("slippage_bps", 0);
        if (slippage < 0 || slippage > 1000) {
            throw new ToolArgumentException("slippage_bps", "must be between 0 and 1000, was " + slippage);
        }
        PaperSettings settings = new PaperSettings(slippage, CommissionModel.NONE, 0);
        BacktestRun run = new BacktestEngine(cash, 1.0, List.of()).run(List.of(traded), strategy,
                (Clock clock) -> new PaperExchange(clock, settings), null);
        List<Trade> trades = new ArrayList<>(RoundTripTracker.pair(run.fills()));
        EquityCurve curve = EquityCurve.of(run.equityTimes(), run.equity());
        boolean crypto = traded.instrument().assetClass() == AssetClass.CRYPTO;
        double ppy = PeriodsPerYear.estimate(run.equityTimes(),
                crypto ? AlwaysOpenCalendar.INSTANCE : NyseCalendar.INSTANCE);
        PerformanceMetrics metrics = PerformanceMetrics.calculator(curve).trades(trades).periodsPerYear(ppy)
                .invested(run.invested()).calculate();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("strategy", strategyName);
        out.put("dataset", args.string("dataset"));
        out.put("symbol", traded.instrument().id().value());
        out.put("parameters", parameters);
        out.put("start", Clock.toInstant(curve.firstTime()).toString());
        out.put("end", Clock.toInstant(curve.lastTime()).toString());
        out.put("bars", run.barsProcessed());
        out.put("initial_cash", cash.toDouble());
        out.put("final_equity", run.finalAccount().equity().toDouble());
        out.put("fills", run.fills().size());
        out.put("metrics", metrics.toMap());
        return out;
    }

    private List<BarSeries> load(String datasetId) {
        List<String> known = new ArrayList<>();
        for (DatasetProvider p : datasets.get()) {
            for (DatasetProvider.DatasetInfo info : p.datasets()) {
                known.add(info.id());
                if (info.id().equals(datasetId)) {
                    return p.load(datasetId);
                }
            }
        }
        throw new ToolArgumentException("dataset", "unknown dataset '" + datasetId + "' (available: " + known + ")");
    }

    private Object priceOption(Caller caller, Args args) {
        String type = args.choice("type", List.of("call", "put"), null);
        PricingModel model = PricingModel.valueOf(args.choice("model", MODELS, "black_scholes_merton")
                .toUpperCase(Locale.ROOT));
        int steps = args.integer("steps", 500, 10, 5000);
        OptionInputs inputs;
        try {
            inputs = OptionInputs.of(MarketTools.optionType(type), args.positive("spot").doubleValue(),
                    args.positive("strike").doubleValue(), args.positive("years").doubleValue(),
                    args.positive("volatility").doubleValue(), args.number("rate", 0), args.number("dividend_yield", 0));
        } catch (ToolArgumentException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ToolArgumentException(argumentOf(e.getMessage()), e.getMessage());
        }
        OptionValuation v = OptionPricer.value(model, inputs, steps);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", model.name().toLowerCase(Locale.ROOT));
        out.put("style", model.exerciseStyle().name().toLowerCase(Locale.ROOT));
        out.put("price", v.price());
        out.put("delta", v.delta());
        out.put("gamma", v.gamma());
        out.put("vega", v.vega());
        out.put("theta", v.theta());
        out.put("rho", v.rho());
        return out;
    }

    /** Maps an options-library field name ({@code dividendYield}) to this tool's argument name. */
    private static String argumentOf(String message) {
        String field = message.contains(":") ? message.substring(0, message.indexOf(':')).trim() : "arguments";
        return field.equals("dividendYield") ? "dividend_yield" : field;
    }

    private Object optimize(Caller caller, Args args) {
        List<String> symbols = args.optStrings("symbols");
        if (symbols == null || symbols.size() < 2) {
            throw new ToolArgumentException("symbols", "at least two symbols are required");
        }
        String objective = args.choice("objective", OBJECTIVES, "min_variance");
        boolean longOnly = args.bool("long_only", true);
        double maxWeight = args.number("max_weight", 1);
        if (!(maxWeight > 0) || maxWeight > 1) {
            throw new ToolArgumentException("max_weight", "must be in (0, 1], was " + maxWeight);
        }
        if (longOnly && maxWeight * symbols.size() < 1) {
            throw new ToolArgumentException("max_weight", maxWeight + " x " + symbols.size()
                    + " assets cannot reach a fully invested portfolio");
        }
        double confidence = args.number("confidence", 0.95);
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new ToolArgumentException("confidence", "must be between 0.5 and 1, was " + confidence);
        }
        List<InstrumentId> ids = new ArrayList<>();
        Map<InstrumentId, Map<Long, Double>> closes = new HashMap<>();
        TreeSet<Long> common = null;
        for (String s : symbols) {
            InstrumentId id;
            try {
                id = InstrumentId.of(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ToolArgumentException("symbols", e.getMessage());
            }
            if (closes.containsKey(id)) {
                throw new ToolArgumentException("symbols", "lists " + id + " twice");
            }
            Map<Long, Double> byDay = new HashMap<>();
            for (Bar b : MarketTools.aggregate(market.history(id), "1day")) {
                byDay.put(NyseCalendar.INSTANCE.dateOf(b.time() - 1).toEpochDay(), b.closeAsDouble());
            }
            if (byDay.size() < 3) {
                throw new ToolArgumentException("symbols", id + " has " + byDay.size()
                        + " daily closes (received or in a dataset); at least 3 are needed");
            }
            ids.add(id);
            closes.put(id, byDay);
            if (common == null) {
                common = new TreeSet<>(byDay.keySet());
            } else {
                common.retainAll(byDay.keySet());
            }
        }
        if (common.size() < ids.size() + 2) {
            throw new ToolArgumentException("symbols", "the symbols share only " + common.size()
                    + " trading days; at least " + (ids.size() + 2) + " are needed");
        }
        List<Long> days = new ArrayList<>(common);
        double[][] returns = new double[days.size() - 1][ids.size()];
        for (int a = 0; a < ids.size(); a++) {
            Map<Long, Double> byDay = closes.get(ids.get(a));
            for (int d = 1; d < days.size(); d++) {
                returns[d - 1][a] = byDay.get(days.get(d)) / byDay.get(days.get(d - 1)) - 1;
            }
        }
        AssetUniverse universe = AssetUniverse.of(ids, java.util.Collections.nCopies(ids.size(), "ALL"));
        ReturnHistory history = ReturnHistory.of(universe, returns);
        CovarianceEstimator estimator = args.choice("covariance", List.of("ledoit_wolf", "sample"), "ledoit_wolf")
                .equals("sample") ? CovarianceEstimator.SAMPLE : CovarianceEstimator.LEDOIT_WOLF;
        MarketEstimates estimates = MarketEstimates.fromHistory(history, estimator);
        Constraints constraints = (longOnly ? Constraints.longOnly(ids.size())
                : Constraints.longShort(ids.size(), maxWeight)).withBounds(longOnly ? 0 : -maxWeight, maxWeight);
        PortfolioOptimizer solver = optimizer.get();
        OptimalPortfolio result = switch (objective) {
            case "max_sharpe" -> solver.maximumSharpe(estimates, constraints, args.number("risk_free_rate", 0));
            case "risk_parity" -> solver.riskParity(estimates);
            case "min_cvar" -> solver.minimumCvar(history, constraints, confidence);
            default -> solver.minimumVariance(estimates, constraints);
        };
        Map<String, Object> weights = new LinkedHashMap<>();
        result.weightsByAsset().forEach((id, w) -> weights.put(id.value(), w));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("objective", objective);
        out.put("weights", weights);
        out.put("expected_return_per_day", result.expectedReturn());
        out.put("volatility_per_day", result.volatility());
        out.put("observations", returns.length);
        out.put("covariance", (estimator == CovarianceEstimator.SAMPLE ? "sample covariance" : "Ledoit-Wolf shrinkage")
                + " of daily simple returns");
        return out;
    }
}
