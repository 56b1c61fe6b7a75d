package io.amcp.backtest;

import io.amcp.api.execution.ExecutionAlgorithm;
import io.amcp.api.model.Bar;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quote;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.api.spi.RiskRule;
import io.amcp.api.spi.Strategy;
import io.amcp.core.Kernel;
import io.amcp.core.KernelListener;
import io.amcp.core.SimulatedClock;
import io.amcp.core.journal.Journal;
import io.amcp.core.risk.BuyingPowerRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Replays history through the same kernel that trades live, with a simulated clock: data ->
 * venue matching (orders fill on the bar after the decision at the earliest) -> ledger -> strategy.
 * No look-ahead is possible: a strategy only ever sees bars that have closed.
 *
 * <p>Equity is sampled after every bar for runs up to {@link #PER_BAR_SAMPLE_LIMIT} bars, else
 * once per exchange day (the last bar of each day), which keeps memory flat for long runs.
 */
public final class BacktestEngine {

    /** Runs with more bars than this sample equity daily instead of per bar. */
    public static final long PER_BAR_SAMPLE_LIMIT = 1_000_000;

    private static final long DAY_NANOS = 86_400_000_000_000L;

    private final Money initialCash;
    private final double leverage;
    private final List<RiskRule> riskRules;
    private final List<ExecutionAlgorithm> algorithms = new ArrayList<>();

    /**
     * @param initialCash starting cash
     * @param leverage    buying power as a multiple of equity (1 = cash account)
     * @param riskRules   extra pre-trade rules; the buying-power rule is always on
     */
    public BacktestEngine(Money initialCash, double leverage, List<RiskRule> riskRules) {
        if (initialCash.raw() <= 0) {
            throw new IllegalArgumentException("cash: must be positive, was " + initialCash);
        }
        this.initialCash = initialCash;
        this.leverage = leverage;
        this.riskRules = List.copyOf(riskRules);
    }

    /** Makes an execution algorithm available to the strategies of the runs that follow. */
    public BacktestEngine withAlgorithm(ExecutionAlgorithm algorithm) {
        algorithms.add(algorithm);
        return this;
    }

    /**
     * Replays {@code data} through a fresh kernel.
     *
     * @param data     one series per instrument
     * @param strategy the strategy under test
     * @param venue    builds the simulated venue on the kernel's clock (it must also be a
     *                 {@link MarketDataSink} to see the bars it matches against)
     * @param progress receives the number of bars done, about every 1% (may be null)
     */
    public <V extends BrokerConnector & MarketDataSink> BacktestRun run(List<BarSeries> data, Strategy strategy,
            Function<Clock, V> venue, LongConsumer progress) {
        if (data.isEmpty() || data.stream().allMatch(s -> s.size() == 0)) {
            throw new IllegalArgumentException("dataset: contains no bars");
        }
        long start = data.stream().filter(s -> s.size() > 0).mapToLong(s -> s.time()[0]).min().orElseThrow();
        Kernel kernel = kernel(start - 1, data.stream().map(BarSeries::instrument).toList(), venue);

        BarReplay replay = new BarReplay(data);
        Recorder recorder = new Recorder(kernel, replay.size() <= PER_BAR_SAMPLE_LIMIT, replay.size());
        kernel.addListener(recorder);
        kernel.addStrategy(strategy);

        long step = Math.max(1, replay.size() / 100);
        long[] done = {0};
        replay.forEach(bar -> {
            kernel.processBar(bar);
            if (progress != null && ++done[0] % step == 0) {
                progress.accept(done[0]);
            }
        });
        recorder.finish();
        kernel.removeStrategy(strategy);
        Map<InstrumentId, Double> last = new HashMap<>();
        for (BarSeries s : data) {
            if (s.size() > 0) {
                last.put(s.instrument().id(), FixedPoint.toDouble(s.close()[s.size() - 1]));
            }
        }
        return new BacktestRun(recorder.times(), recorder.equity(), recorder.invested(), recorder.fills, last,
                kernel.account(), kernel.positions(), replay.size(), kernel.errorCount());
    }

    /**
     * Replays top-of-book quotes through a fresh kernel, for strategies that trade on quotes
     * (market making). Each quote is posted to the kernel, which with no kernel thread running
     * processes it synchronously: venue matching (buys against the ask, sells against the bid of the
     * first quote after acceptance), ledger mark at the mid, then the subscribed strategies. Equity
     * is sampled after every quote; quotes sharing a timestamp give one sample (the last).
     * Kernel timers are not fired on this path: a quote strategy must not rely on
     * {@code scheduleAt}.
     *
     * @param instruments every instrument the quotes refer to
     * @param quotes      quotes in non-decreasing time order
     * @param strategy    the strategy under test
     * @param venue       builds the simulated venue on the kernel's clock
     */
    public <V extends BrokerConnector & MarketDataSink> BacktestRun runQuotes(List<Instrument> instruments,
            List<Quote> quotes, Strategy strategy, Function<Clock, V> venue) {
        if (quotes.isEmpty()) {
            throw new IllegalArgumentException("quotes: contains no quotes");
        }
        for (int i = 1; i < quotes.size(); i++) {
            if (quotes.get(i).time() < quotes.get(i - 1).time()) {
                throw new IllegalArgumentException("quotes[" + i + "]: time " + quotes.get(i).time()
                        + " is before the previous quote's " + quotes.get(i - 1).time());
            }
        }
        Kernel kernel = kernel(quotes.get(0).time() - 1, instruments, venue);

        Recorder recorder = new Recorder(kernel, true, quotes.size());
        kernel.addListener(recorder);
        kernel.addStrategy(strategy);
        Map<InstrumentId, Double> last = new HashMap<>();
        for (Quote quote : quotes) {
            kernel.post(quote);
            recorder.sampleAt(quote.time());
            last.put(quote.instrument(), FixedPoint.toDouble(quote.mid()));
        }
        kernel.removeStrategy(strategy);
        return new BacktestRun(recorder.times(), recorder.equity(), recorder.invested(), recorder.fills, last,
                kernel.account(), kernel.positions(), quotes.size(), kernel.errorCount());
    }

    /**
     * A fresh kernel for one run: simulated clock starting at {@code startNanos}, no journal, the
     * buying-power rule plus this engine's rules and algorithms, the instruments, and the venue both
     * as broker and as the market-data sink that matches its orders.
     */
    private <V extends BrokerConnector & MarketDataSink> Kernel kernel(long startNanos, List<Instrument> instruments,
            Function<Clock, V> venue) {
        SimulatedClock clock = new SimulatedClock(startNanos);
        Kernel kernel = new Kernel(clock, Journal.NONE, initialCash, leverage);
        kernel.addRiskRule(new BuyingPowerRule());
        riskRules.forEach(kernel::addRiskRule);
        algorithms.forEach(kernel::addAlgorithm);
        instruments.forEach(kernel::registerInstrument);
        V broker = venue.apply(clock);
        kernel.addBroker(broker);
        kernel.addMarketDataSink(broker);
        return kernel;
    }

    /** Samples equity and collects fills on the kernel thread. */
    private static final class Recorder implements KernelListener {
        private final Kernel kernel;
        private final boolean perBar;
        private long[] times;
        private double[] equity;
        private boolean[] invested;
        private int n;
        private long pendingTime = Long.MIN_VALUE;
        private long pendingDay = Long.MIN_VALUE;
        private long openPositions;
        private double lastEquity;
        private boolean lastInvested;
        final List<OrderFilled> fills = new ArrayList<>();

        Recorder(Kernel kernel, boolean perBar, long bars) {
            this.kernel = kernel;
            this.perBar = perBar;
            int capacity = (int) Math.min(perBar ? bars : 4096, Integer.MAX_VALUE - 8);
            this.times = new long[Math.max(16, capacity)];
            this.equity = new double[times.length];
            this.invested = new boolean[times.length];
        }

        @Override
        public void onOrderEvent(OrderEvent event) {
            if (event instanceof OrderFilled f) {
                fills.add(f);
                openPositions = kernel.ledger().openPositionCount();
            }
        }

        @Override
        public void onBarProcessed(Bar bar) {
            if (perBar) {
                append(bar.time());
                return;
            }
            // exchange day, approximated as UTC-5 (New York standard time); only decides sampling
            long day = Math.floorDiv(bar.time() - 5 * 3_600_000_000_000L, DAY_NANOS);
            if (pendingDay != Long.MIN_VALUE && day != pendingDay) {
                appendAt(pendingTime, lastEquity, lastInvested);
            }
            pendingDay = day;
            pendingTime = bar.time();
            lastEquity = FixedPoint.toDouble(kernel.ledger().equityRaw());
            lastInvested = openPositions > 0;
        }

        /** Samples equity now at {@code time}; a sample at the same time as the last one replaces it. */
        void sampleAt(long time) {
            if (n > 0 && times[n - 1] == time) {
                equity[n - 1] = FixedPoint.toDouble(kernel.ledger().equityRaw());
                invested[n - 1] = openPositions > 0;
                return;
            }
            append(time);
        }

        private void append(long time) {
            appendAt(time, FixedPoint.toDouble(kernel.ledger().equityRaw()), openPositions > 0);
        }

        private void appendAt(long time, double value, boolean in) {
            if (n == times.length) {
                times = Arrays.copyOf(times, n * 2);
                equity = Arrays.copyOf(equity, n * 2);
                invested = Arrays.copyOf(invested, n * 2);
            }
            times[n] = time;
            equity[n] = value;
            invested[n] = in;
            n++;
        }

        void finish() {
            if (!perBar && pendingDay != Long.MIN_VALUE) {
                appendAt(pendingTime, lastEquity, lastInvested);
            }
        }

        long[] times() {
            return Arrays.copyOf(times, n);
        }

        double[] equity() {
            return Arrays.copyOf(equity, n);
        }

        boolean[] invested() {
            return Arrays.copyOf(invested, n);
        }
    }
}
