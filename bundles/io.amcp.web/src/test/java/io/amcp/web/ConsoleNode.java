package io.amcp.web;

import io.amcp.api.model.Bar;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.spi.BacktestStrategies;
import io.amcp.api.spi.DatasetProvider;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.core.Kernel;
import io.amcp.core.KernelListener;
import io.amcp.core.SimulatedClock;
import io.amcp.core.journal.Journal;
import io.amcp.core.risk.BuyingPowerRule;
import io.amcp.datasource.file.BundledDatasets;
import io.amcp.risk.LiveRiskReports;
import io.amcp.strategy.meanreversion.internal.MeanReversionBacktests;
import io.amcp.strategy.smacross.SmaCrossStrategy;
import io.amcp.strategy.smacross.internal.SmaCrossBacktests;
import io.amcp.web.internal.RiskReportRows;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real kernel with a frictionless paper exchange, an SMA-cross strategy trading AAPL and the
 * first {@code replayBars} real AAPL 2013 daily bars replayed through it, served by an
 * {@link AlpacaApiServer} with the platform API and console on 127.0.0.1 (free port). The bundled
 * datasets back the dataset and backtest endpoints; an admin, a trader and a viewer key exist.
 */
final class ConsoleNode implements AutoCloseable {

    static final StrategyId STRATEGY = StrategyId.of("sma-aapl");

    final BundledDatasets datasets = new BundledDatasets();
    final BarSeries aapl = datasets.load(BundledDatasets.AAPL_2013).get(0);
    final SimulatedClock clock = new SimulatedClock(aapl.time()[0] - 1);
    final Kernel kernel = new Kernel(clock, Journal.NONE, Money.of("100000"), 1.0);
    final ApiKeyStore keys = new ApiKeyStore(1_000);
    final ApiKeyStore.Credentials admin = keys.issue(Role.ADMIN);
    final ApiKeyStore.Credentials trader = keys.issue(Role.TRADER);
    final ApiKeyStore.Credentials viewer = keys.issue(Role.VIEWER);
    final ChainedAuditLog audit = new ChainedAuditLog();
    final ManifestReadingDeployer deployer = new ManifestReadingDeployer();
    final MapStrategyParameters parameters = new MapStrategyParameters().with(STRATEGY.value(),
            Map.of("id", STRATEGY.value(), "symbol", "AAPL", "fast", 5, "slow", 20, "quantity", "50"));
    /** The bars replayed so far: the live risk report's return history. */
    final List<Bar> replayed = new CopyOnWriteArrayList<>();
    /** The live risk report service over the kernel, as the MCP server bundle offers it. */
    final LiveRiskReports risk = new LiveRiskReports(kernel, clock,
            id -> id.equals(aapl.instrument().id()) ? List.copyOf(replayed) : List.of(), () -> List.of("buying-power"));
    final AlpacaApiServer server;
    final String baseUrl;

    /** What the strategy bundles register for backtests: sma-cross and mean-reversion, their own components. */
    static final List<BacktestStrategies> BACKTEST_STRATEGIES = List.of(new SmaCrossBacktests(),
            new MeanReversionBacktests());

    ConsoleNode(int replayBars, Path modelRegistry) {
        kernel.addRiskRule(new BuyingPowerRule());
        kernel.registerInstrument(Instrument.equity("AAPL"));
        PaperExchange exchange = new PaperExchange(clock, PaperSettings.FRICTIONLESS, kernel::instrument);
        kernel.addBroker(exchange);
        kernel.addMarketDataSink(exchange);
        kernel.addStrategy(new SmaCrossStrategy(STRATEGY, aapl.instrument().id(), 5, 20, Quantity.of(50)));
        PlatformServices services = PlatformServices.builder("node-test")
                .datasets(() -> List.<DatasetProvider>of(datasets)).backtestStrategies(() -> BACKTEST_STRATEGIES)
                .audit(() -> Optional.of(audit)).deployer(() -> Optional.of(deployer)).parameters(parameters)
                .bundles(() -> List.of(new BundleInventory.BundleRow(0, "org.apache.felix.framework", "7.0.5", "ACTIVE"),
                        new BundleInventory.BundleRow(42, "io.amcp.web", "0.1.0.SNAPSHOT", "ACTIVE")))
                .riskReport(() -> RiskReportRows.of(risk))
                .modelRegistry(modelRegistry).build();
        server = new AlpacaApiServer(kernel, keys, clock, AlpacaApiSettings.defaults().withRateLimit(100_000, 100_000),
                services);
        kernel.addListener(new KernelListener() {
            @Override
            public void onOrderEvent(OrderEvent event) {
                server.onOrderEvent(event, kernel.order(event.clientOrderId()));
            }
        });
        kernel.addMarketDataSink(server);
        kernel.start("kernel-console-test");
        for (int i = 0; i < replayBars; i++) {
            kernel.post(aapl.bar(i));
            replayed.add(aapl.bar(i));
        }
        kernel.call(() -> null);
        baseUrl = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
    }

    /** Replays bar {@code index} of the AAPL data and waits until the kernel has processed it. */
    void replay(int index) {
        kernel.post(aapl.bar(index));
        replayed.add(aapl.bar(index));
        kernel.call(() -> null);
    }

    @Override
    public void close() {
        server.stop();
        kernel.stop();
    }
}
