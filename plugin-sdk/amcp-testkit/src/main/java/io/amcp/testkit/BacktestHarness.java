package io.amcp.testkit;

import io.amcp.api.calendar.AlwaysOpenCalendar;
import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.calendar.TradingCalendar;
import io.amcp.api.model.AssetClass;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.Money;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.RiskRule;
import io.amcp.api.spi.Strategy;
import io.amcp.backtest.BacktestEngine;
import io.amcp.backtest.BacktestRun;
import io.amcp.backtest.metrics.EquityCurve;
import io.amcp.backtest.metrics.PerformanceMetrics;
import io.amcp.backtest.metrics.PeriodsPerYear;
import io.amcp.backtest.metrics.RoundTripTracker;
import io.amcp.backtest.metrics.Trade;
import io.amcp.backtest.report.BacktestResult;
import io.amcp.broker.paper.CommissionModel;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.datasource.file.BundledDatasets;
import io.amcp.testkit.internal.RecordingStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Backtests one strategy through the platform's real kernel, risk chain and paper exchange, the way
 * the platform's own {@code amcp backtest} does, from a plain JUnit test:
 *
 * <pre>{@code
 * BacktestOutcome outcome = BacktestHarness.dataset("aapl-2013")
 *         .cash("10000")
 *         .commissionPerShare("0.005", "1")
 *         .riskRule(new MyRule())
 *         .run(new MyStrategy(...));
 * assertThat(outcome.trades()).isNotEmpty();
 * }</pre>
 *
 * <p>Defaults: 100,000 cash, a cash account (leverage 1), no commission, no slippage. The
 * buying-power rule is always on; rules passed here run after it. Orders fill on the bar after the
 * decision at the earliest (no look-ahead). A harness is a reusable description: every
 * {@link #run(Strategy)} replays the data through a fresh kernel.
 */
public final class BacktestHarness {

    private static final BundledDatasets DATASETS = new BundledDatasets();

    private final String datasetLabel;
    private final List<BarSeries> data;
    private Money cash = Money.of("100000");
    private double leverage = 1.0;
    private CommissionModel commission = CommissionModel.NONE;
    private double slippageBps;
    private final List<RiskRule> riskRules = new ArrayList<>();

    private BacktestHarness(String datasetLabel, List<BarSeries> data) {
        this.datasetLabel = datasetLabel;
        this.data = List.copyOf(data);
    }

    /**
     * A harness over a dataset the platform ships: {@code aapl-2013} (real daily AAPL bars),
     * {@code btc-bitstamp} (5-minute BTC/USD bars from real trades), {@code eth-5min} (real
     * 5-minute ETH/USD bars) or {@code synthetic:symbols=2,years=1,bar=1d,seed=7} (seeded generator).
     *
     * @throws IllegalArgumentException naming the id when it is unknown
     */
    public static BacktestHarness dataset(String datasetId) {
        Objects.requireNonNull(datasetId, "datasetId");
        return new BacktestHarness(datasetId, DATASETS.load(datasetId));
    }

    /** A harness over bars built by the test, one series per instrument. */
    public static BacktestHarness series(List<BarSeries> series) {
        Objects.requireNonNull(series, "series");
        if (series.isEmpty()) {
            throw new IllegalArgumentException("series: at least one series is needed");
        }
        return new BacktestHarness("custom", series);
    }

    /** A harness over bars built by the test, one series per instrument. */
    public static BacktestHarness series(BarSeries... series) {
        return series(List.of(series));
    }

    /** The bars this harness replays. */
    public List<BarSeries> data() {
        return data;
    }

    /** Starting cash as a decimal, e.g. {@code "10000"}. */
    public BacktestHarness cash(String amount) {
        return cash(Money.of(amount));
    }

    /** Starting cash; must be positive. */
    public BacktestHarness cash(Money amount) {
        Objects.requireNonNull(amount, "cash");
        if (amount.raw() <= 0) {
            throw new IllegalArgumentException("cash: must be positive, was " + amount);
        }
        this.cash = amount;
        return this;
    }

    /** Buying power as a multiple of equity; 1 is a cash account, 2 a Reg-T margin account. */
    public BacktestHarness leverage(double value) {
        if (!(value >= 1.0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("leverage: must be at least 1, was " + value);
        }
        this.leverage = value;
        return this;
    }

    /** Commission per share (or coin) with a minimum per order, as decimals, e.g. {@code "0.005", "1"}. */
    public BacktestHarness commissionPerShare(String perShare, String minimumPerOrder) {
        this.commission = new CommissionModel.PerShare(Money.of(perShare), Money.of(minimumPerOrder));
        return this;
    }

    /** Commission in basis points of traded notional, e.g. 10 = 0.10%. */
    public BacktestHarness commissionBps(double bps) {
        this.commission = new CommissionModel.Bps(bps);
        return this;
    }

    /** Slippage against the taker in basis points of the fill price. */
    public BacktestHarness slippageBps(double bps) {
        if (!(bps >= 0) || !Double.isFinite(bps)) {
            throw new IllegalArgumentException("slippageBps: must not be negative, was " + bps);
        }
        this.slippageBps = bps;
        return this;
    }

    /** Adds pre-trade risk rules, checked in the order given after the built-in buying-power rule. */
    public BacktestHarness riskRule(RiskRule... rules) {
        for (RiskRule rule : rules) {
            riskRules.add(Objects.requireNonNull(rule, "riskRule"));
        }
        return this;
    }

    /**
     * Replays the data through a fresh kernel with {@code strategy} as its only strategy, then
     * computes round trips and metrics exactly as the platform's backtest report does.
     */
    public BacktestOutcome run(Strategy strategy) {
        Objects.requireNonNull(strategy, "strategy");
        PaperSettings settings = new PaperSettings(slippageBps, commission, 0);
        RecordingStrategy recording = new RecordingStrategy(strategy);
        BacktestRun run = new BacktestEngine(cash, leverage, riskRules).run(data, recording,
                (Clock clock) -> new PaperExchange(clock, settings), null);
        List<Trade> trades = RoundTripTracker.pair(run.fills());
        int[] last = lastSampleOfEachTime(run.equityTimes());
        long[] times = new long[last.length];
        double[] equity = new double[last.length];
        boolean[] invested = new boolean[last.length];
        for (int i = 0; i < last.length; i++) {
            times[i] = run.equityTimes()[last[i]];
            equity[i] = run.equity()[last[i]];
            invested[i] = run.invested()[last[i]];
        }
        EquityCurve curve = EquityCurve.of(times, equity);
        PerformanceMetrics.Calculator calculator = PerformanceMetrics.calculator(curve).trades(trades)
                .invested(invested);
        if (curve.size() >= 2) {
            calculator.periodsPerYear(PeriodsPerYear.estimate(times, calendar()));
        }
        BacktestResult result = BacktestResult.of(strategy.id().value(), datasetLabel,
                Clock.toInstant(curve.firstTime()), Clock.toInstant(curve.lastTime()), cash.toDouble(),
                run.finalAccount().equity().toDouble(), calculator.calculate(), trades, curve);
        return new BacktestOutcome(run, result, recording.events());
    }

    /**
     * The engine samples equity after every bar, so several instruments closing at the same time give
     * several samples at one time; the last of them holds the whole state at that time.
     */
    private static int[] lastSampleOfEachTime(long[] times) {
        int[] out = new int[times.length];
        int n = 0;
        for (int i = 0; i < times.length; i++) {
            if (i + 1 == times.length || times[i + 1] != times[i]) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private TradingCalendar calendar() {
        boolean crypto = data.stream().allMatch(s -> s.instrument().assetClass() == AssetClass.CRYPTO);
        return crypto ? AlwaysOpenCalendar.INSTANCE : NyseCalendar.INSTANCE;
    }
}
