package io.amcp.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.when;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;

import io.amcp.api.execution.AlgoStatus;
import io.amcp.api.execution.ParentOrder;
import io.amcp.api.model.Bar;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.KillSwitch;
import io.amcp.api.spi.MarketDataHub;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.api.spi.TradingNode.StrategyInfo;
import io.amcp.api.spi.TradingNode;
import io.amcp.itests.seq.SequenceBundles;
import io.amcp.itests.seq.SequenceStrategy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.inject.Inject;
import javax.security.auth.Subject;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Boots the distribution this module builds (its tar.gz, on free ports, once for the whole class) and checks
 * that the platform trades with its defaults: every AMCP bundle active, the kernel services registered, the SMA
 * strategy trading AAPL through the paper broker, the kill switch stopping new orders without losing any, and
 * the shell commands reading the node.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT {

    private static final long SERVICE_TIMEOUT_MS = 60_000;
    private static final long TRADING_TIMEOUT_MS = 120_000;
    private static final String STRATEGY = "sma-cross-aapl";
    private static final List<String> AMCP_BUNDLES = List.of("io.amcp.api", "io.amcp.analytics", "io.amcp.core",
            "io.amcp.marketdata", "io.amcp.codec", "io.amcp.broker.paper", "io.amcp.backtest", "io.amcp.datasource.file", "io.amcp.strategy.smacross",
            "io.amcp.shell", "io.amcp.security", "io.amcp.web");

    @Inject
    private BundleContext bundleContext;

    @Inject
    @Filter(timeout = SERVICE_TIMEOUT_MS)
    private TradingNode node;

    @Inject
    @Filter(timeout = SERVICE_TIMEOUT_MS)
    private Clock clock;

    @Inject
    @Filter(timeout = SERVICE_TIMEOUT_MS)
    private KillSwitch killSwitch;

    @Inject
    @Filter(timeout = SERVICE_TIMEOUT_MS)
    private SessionFactory sessionFactory;

    @Inject
    @Filter(timeout = SERVICE_TIMEOUT_MS)
    private FeaturesService features;

    @Inject
    @Filter(timeout = SERVICE_TIMEOUT_MS)
    private ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] configuration() throws IOException {
        File bundles = new File(System.getProperty("amcp.examDirectory", "target/exam"), "../hot-swap-bundles")
                .getCanonicalFile();
        SequenceBundles.write(bundles, 4);
        String distribution = System.getProperty("amcp.distribution");
        String localRepository = System.getProperty("amcp.localRepository", "");
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(new File(distribution).toURI().toString())
                    .karafVersion("4.4.10")
                    .name("AMCP")
                    .unpackDirectory(new File(System.getProperty("amcp.examDirectory", "target/exam")))
                    .useDeployFolder(false),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort()),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort()),
            // replay the bundled year of bars ten times faster than the default, so that crosses come quickly
            editConfigurationFilePut("etc/io.amcp.datasource.file.cfg", "barsPerSecond", "50"),
            editConfigurationFilePut("etc/system.properties", "amcp.itest.bundles", bundles.getPath()),
            editConfigurationFilePut("etc/io.amcp.web.alpaca.cfg", "port", freePort()),
            // a real S3 server outside the container, in this JVM (the configuration runs here, not in Karaf)
            editConfigurationFilePut("etc/system.properties", "amcp.itest.s3.endpoint",
                    S3ServerSetup.endpoint(new File(bundles.getParentFile(), "s3-blobs").toPath())),
            // the exam bundles come from the Maven repository this build uses
            when(!localRepository.isEmpty()).useOptions(editConfigurationFilePut(
                    "etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepository)),
        };
    }

    @Test
    public void everyAmcpBundleIsActive() {
        Map<String, Bundle> bySymbolicName = List.of(bundleContext.getBundles()).stream()
                .collect(Collectors.toMap(Bundle::getSymbolicName, b -> b, (a, b) -> a));
        for (String name : AMCP_BUNDLES) {
            Bundle bundle = bySymbolicName.get(name);
            assertNotNull(name + " is not installed", bundle);
            assertEquals(name + " state", Bundle.ACTIVE, bundle.getState());
        }
    }

    @Test
    public void kernelServicesAreRegistered() {
        assertEquals("the node's kill switch is the registered one", killSwitch.isEngaged(),
                node.killSwitch().isEngaged());
        AccountView account = node.account();
        // equity is cash plus the market value of the positions, long and short (AccountView's definition)
        assertEquals("equity of " + account, account.cash().plus(account.longMarketValue())
                .plus(account.shortMarketValue()), account.equity());
    }

    @Test
    public void smaStrategyTradesThroughThePaperBrokerAndTheKillSwitchStopsNewOrders() {
        List<OrderView> filled = await("a FILLED order of " + STRATEGY,
                () -> ordersOf(STRATEGY).stream().filter(o -> o.status() == OrderStatus.FILLED).toList(),
                list -> !list.isEmpty());
        assertTrue("a fill has a price", filled.get(0).averageFillPrice().isPositive());
        assertTrue("the replay clock follows the 2013 bars, reads " + clock.instant(),
                clock.instant().isAfter(Instant.parse("2013-01-01T00:00:00Z")));
        await("an open position", node::positions, positions -> !positions.isEmpty());
        StrategyInfo strategy = await("the strategy in the runner", () -> node.strategies().stream()
                .filter(s -> s.id().value().equals(STRATEGY)).findFirst().orElse(null), s -> s != null);
        assertTrue("the strategy received bars", strategy.eventsHandled() > 0);
        assertTrue("the strategy submitted orders", strategy.ordersSubmitted() > 0);

        List<OrderView> beforeEngaged = node.orders();
        killSwitch.engage("test");
        try {
            assertTrue(node.killSwitch().isEngaged());
            assertEquals("test", node.killSwitch().reason());
            // taken after engaging: the kernel answers reads in turn with the orders it handles
            Set<ClientOrderId> knownWhenEngaged = ids(node.orders());

            List<OrderView> newOrders = await("an order submitted while the kill switch is engaged",
                    () -> node.orders().stream().filter(o -> !knownWhenEngaged.contains(o.clientOrderId())).toList(),
                    list -> !list.isEmpty());
            for (OrderView o : newOrders) {
                assertEquals("status of " + o.clientOrderId(), OrderStatus.REJECTED, o.status());
                assertTrue("reason of " + o.clientOrderId() + ": " + o.reason(),
                        o.reason() != null && o.reason().toLowerCase(Locale.ROOT).contains("kill"));
            }
            assertNothingLost(beforeEngaged, node.orders());
        } finally {
            killSwitch.release();
        }
        assertFalse(node.killSwitch().isEngaged());

        Set<ClientOrderId> knownWhenReleased = ids(node.orders());
        await("a FILLED order after the kill switch is released", () -> ordersOf(STRATEGY).stream()
                .filter(o -> !knownWhenReleased.contains(o.clientOrderId()) && o.status() == OrderStatus.FILLED)
                .toList(), list -> !list.isEmpty());
    }

    @Test
    public void shellCommandsReadTheNode() {
        String strategies = await("amcp:strategies listing " + STRATEGY, () -> execute("amcp:strategies"),
                out -> out.contains(STRATEGY));
        assertTrue(strategies, strategies.contains("Events"));
        assertTrue(execute("amcp:account").contains("Buying power"));
        assertTrue(execute("amcp:kill-switch").startsWith("Kill switch"));
    }

    /**
     * The headline: while the paper broker trades on the live feed, a strategy is replaced three ways
     * (a new jar over the old one in deploy/, {@code bundle:update}, {@code amcp:strategy-deploy}),
     * and every bar the kernel processed from the first version's first bar on reaches exactly one
     * version exactly once, in order, with the bar count carried through snapshot/restore.
     */
    @Test
    public void aStrategyIsHotSwappedThreeWaysWithoutLosingOrDoublingAnEvent() throws Exception {
        File bundles = new File(System.getProperty("amcp.itest.bundles"));
        List<Object[]> handled = Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> firstHandledNanos = new ConcurrentHashMap<>();
        List<Long> kernelBars = Collections.synchronizedList(new ArrayList<>());
        Consumer<Object[]> recorder = event -> {
            firstHandledNanos.putIfAbsent((String) event[0], System.nanoTime());
            handled.add(event);
        };
        MarketDataSink groundTruth = new MarketDataSink() {
            @Override
            public void onBar(Bar bar) {
                if (bar.instrument().value().equals("AAPL")) {
                    kernelBars.add(bar.time());
                }
            }
        };
        Hashtable<String, Object> recorderProps = new Hashtable<>(Map.of(SequenceStrategy.RECORDER_PROPERTY, "true"));
        ServiceRegistration<?> recorderRegistration = bundleContext.registerService(Consumer.class.getName(), recorder,
                recorderProps);
        ServiceRegistration<MarketDataSink> sinkRegistration = bundleContext.registerService(MarketDataSink.class,
                groundTruth, null);
        try {
            await("bars seen by the ground-truth sink", kernelBars::size, n -> n > 0);
            Path deploy = Path.of(System.getProperty("karaf.base"), "deploy");
            Path dropped = deploy.resolve("amcp-seq.jar");
            copyAtomically(SequenceBundles.jar(bundles, 1).toPath(), dropped);
            awaitVersion(firstHandledNanos, "1.0.0");

            List<String> timings = new ArrayList<>();
            long start = System.nanoTime();
            copyAtomically(SequenceBundles.jar(bundles, 2).toPath(), dropped);
            timings.add(String.format(Locale.ROOT, "deploy/ file replaced -> 2.0.0 handling events: %d ms",
                    (awaitVersion(firstHandledNanos, "2.0.0") - start) / 1_000_000));

            Bundle bundle = List.of(bundleContext.getBundles()).stream()
                    .filter(b -> SequenceBundles.SYMBOLIC_NAME.equals(b.getSymbolicName())).findFirst().orElseThrow();
            start = System.nanoTime();
            String updated = execute("bundle:update " + bundle.getBundleId() + " "
                    + SequenceBundles.jar(bundles, 3).toURI());
            assertFalse(updated, updated.startsWith("failed"));
            timings.add(String.format(Locale.ROOT, "bundle:update -> 3.0.0 handling events: %d ms",
                    (awaitVersion(firstHandledNanos, "3.0.0") - start) / 1_000_000));

            start = System.nanoTime();
            String deployed = execute("amcp:strategy-deploy " + SequenceBundles.jar(bundles, 4).toURI());
            assertTrue(deployed, deployed.contains("Updated " + SequenceBundles.SYMBOLIC_NAME + " 3.0.0 -> 4.0.0"));
            timings.add(String.format(Locale.ROOT, "amcp:strategy-deploy -> 4.0.0 handling events: %d ms",
                    (awaitVersion(firstHandledNanos, "4.0.0") - start) / 1_000_000));
            int settled = handled.size();
            await("more bars for 4.0.0", handled::size, n -> n > settled + 20);

            List<Object[]> events;
            synchronized (handled) {
                events = new ArrayList<>(handled);
            }
            List<Long> truth;
            synchronized (kernelBars) {
                truth = new ArrayList<>(kernelBars);
            }
            long firstTime = (Long) events.get(0)[1];
            int offset = truth.indexOf(firstTime);
            assertTrue("the first handled bar " + firstTime + " is one the kernel processed", offset >= 0);
            List<String> order = new ArrayList<>();
            for (int k = 0; k < events.size(); k++) {
                Object[] e = events.get(k);
                assertEquals("bar " + k + " after the first (version " + e[0] + "): lost or doubled",
                        truth.get(offset + k), e[1]);
                assertEquals("bars counted across versions at " + k, (long) (k + 1), e[2]);
                if (order.isEmpty() || !order.get(order.size() - 1).equals(e[0])) {
                    order.add((String) e[0]);
                }
            }
            assertEquals(List.of("1.0.0", "2.0.0", "3.0.0", "4.0.0"), order);
            StrategyInfo info = node.strategies().stream().filter(i -> i.id().value().equals(SequenceStrategy.ID))
                    .findFirst().orElseThrow();
            assertEquals("RUNNING", info.state());
            assertEquals("4.0.0", info.version());
            assertEquals(3, info.swaps());
            String list = execute("amcp:strategy-list");
            assertTrue(list, list.contains(SequenceStrategy.ID) && list.contains("4.0.0"));
            timings.add(events.size() + " bars handled across 4 versions, none lost or doubled");
            Files.write(bundles.toPath().resolveSibling("hot-swap-timings.txt"), timings);
            timings.forEach(System.out::println);
        } finally {
            sinkRegistration.unregister();
            recorderRegistration.unregister();
        }
    }

    @Test
    public void strategyParametersChangeAtRunTimeAndTheStrategyResumesWarm() {
        StrategyInfo before = await("the SMA strategy handling bars", () -> node.strategies().stream()
                .filter(s -> s.id().value().equals(STRATEGY) && s.eventsHandled() > 0).findFirst().orElse(null),
                s -> s != null);
        String changed = execute("amcp:strategy-params " + STRATEGY + " fast=5");
        assertTrue(changed, changed.contains("fast=5"));
        StrategyInfo after = await("the SMA strategy swapped to its new parameters", () -> node.strategies().stream()
                .filter(s -> s.id().value().equals(STRATEGY) && s.swaps() > before.swaps()
                        && s.state().equals("RUNNING")).findFirst().orElse(null), s -> s != null);
        assertTrue("events carry on across the swap", after.eventsHandled() >= before.eventsHandled());
        String shown = execute("amcp:strategy-params " + STRATEGY);
        assertTrue(shown, shown.lines().anyMatch(line -> line.contains("fast") && line.trim().endsWith("5")));
        String refused = execute("amcp:strategy-params " + STRATEGY + " colour=red");
        assertTrue(refused, refused.contains("colour: unknown parameter"));
    }

    /**
     * The optional features the distribution ships install offline while the platform trades, and a
     * built-in strategy added by a factory configuration starts trading without a restart.
     */
    @Test
    public void optionalFeaturesInstallWhileTradingAndANewStrategyStartsFromItsConfiguration() throws Exception {
        for (String feature : List.of("amcp-strategy-meanreversion", "amcp-strategy-momentum",
                "amcp-strategy-xsmomentum", "amcp-strategy-marketmaking", "amcp-portfolio", "amcp-risk",
                "amcp-ai-features", "amcp-options", "amcp-strategy-ironcondor", "amcp-strategy-calendar",
                "amcp-strategy-rebalance", "amcp-surveillance", "amcp-sample-pairs-trading",
                "amcp-sample-order-rate-limit-rule", "amcp-routing", "amcp-ai-research", "amcp-cluster", "amcp-stream-kafka")) {
            features.installFeature(feature, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            assertTrue(feature + " installed", features.isInstalled(features.getFeature(feature)));
        }
        for (String name : List.of("io.amcp.strategy.meanreversion", "io.amcp.strategy.momentum",
                "io.amcp.strategy.xsmomentum", "io.amcp.strategy.marketmaking", "io.amcp.portfolio", "io.amcp.risk",
                "io.amcp.ai.features", "io.amcp.options", "io.amcp.options.executor", "io.amcp.strategy.ironcondor",
                "io.amcp.strategy.calendar", "io.amcp.strategy.rebalance", "io.amcp.surveillance",
                "io.amcp.routing", "io.amcp.ai.research", "io.amcp.cluster",
                "io.amcp.stream.kafka")) {
            Bundle bundle = bundleNamed(name);
            assertNotNull(name + " is installed", bundle);
            assertEquals(name + " state", Bundle.ACTIVE, bundle.getState());
        }
        org.osgi.service.cm.Configuration config = configAdmin.getFactoryConfiguration("io.amcp.strategy.meanreversion",
                "itest", "?");
        config.update(new Hashtable<>(Map.of("id", "mean-reversion-aapl", "symbol", "AAPL", "quantity", "5")));
        StrategyInfo info = await("the mean-reversion strategy handling bars", () -> node.strategies().stream()
                .filter(s -> s.id().value().equals("mean-reversion-aapl") && s.eventsHandled() > 0).findFirst()
                .orElse(null), s -> s != null);
        assertEquals("RUNNING", info.state());
    }

    /**
     * The AI path end to end inside Karaf: a model is trained on real bars (the bundled Bitstamp BTC
     * 5-minute series) with a purged hold-out, registered, loaded by the inference bundle as a
     * Predictor service from its configuration, and an ML strategy configured at run time predicts on
     * the node's live AAPL feed. This checks the plumbing (a BTC intraday model scoring AAPL daily bars
     * says nothing about skill; the strategy's out-of-sample result is pinned in its own backtest test).
     */
    @Test
    public void aModelTrainedInsideKarafServesPredictionsToAnMlStrategy() throws Exception {
        features.installFeature("amcp-strategy-ml", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        io.amcp.api.spi.DatasetProvider datasets = await("the bundled datasets",
                () -> serviceOf(io.amcp.api.spi.DatasetProvider.class), d -> d != null);
        Path registry = Path.of(System.getProperty("karaf.data"), "itest-models");
        io.amcp.api.model.BarSeries btc = datasets.load("btc-bitstamp").get(0);
        int version = MlModelSetup.trainAndRegister(registry, "itest-gbt", "btc-bitstamp", btc);
        assertEquals(1, version);
        org.osgi.service.cm.Configuration model = configAdmin.getFactoryConfiguration("io.amcp.ai.inference",
                "itest", "?");
        model.update(new Hashtable<>(Map.of("model.name", "itest-gbt", "registry", registry.toString(),
                "device", "CPU")));
        org.osgi.service.cm.Configuration strategy = configAdmin.getFactoryConfiguration("io.amcp.strategy.ml",
                "itest", "?");
        strategy.update(new Hashtable<>(Map.of("id", "ml-aapl", "symbol", "AAPL", "lot", "1",
                "minConfidence", "0.34", "predictor.target", "(model.name=itest-gbt)")));
        try {
            double[] probabilities = await("a prediction on live AAPL bars after warm-up",
                    () -> MlModelSetup.lastPrediction(bundleContext, "ml-aapl"), p -> p != null);
            double total = 0;
            for (double p : probabilities) {
                assertTrue("probability in [0, 1]: " + p, p >= 0 && p <= 1);
                total += p;
            }
            assertEquals("class probabilities sum to one", 1.0, total, 1e-9);
        } finally {
            strategy.delete();
            model.delete();
        }
    }

    /**
     * The alternative-data sources of issue 11 install as features while the node trades, serve real
     * requests inside the container (the World Bank API answered by a local server replaying its
     * recorded shape; a story posted to the news webhook, which runs on the JDK HTTP server through boot
     * delegation), feed the macro/news sample strategy, and uninstall cleanly.
     */
    @Test
    public void dataSourceFeaturesInstallServeInsideKarafAndUninstall() throws Exception {
        String worldBank = "[{\"page\":1,\"pages\":1,\"per_page\":1000,\"total\":2},[{\"indicator\":{\"id\":"
                + "\"NY.GDP.MKTP.CD\",\"value\":\"GDP (current US$)\"},\"country\":{\"id\":\"US\",\"value\":"
                + "\"United States\"},\"countryiso3code\":\"USA\",\"date\":\"2022\",\"value\":25462700000000,"
                + "\"unit\":\"\",\"obs_status\":\"\",\"decimal\":0},{\"indicator\":{\"id\":\"NY.GDP.MKTP.CD\","
                + "\"value\":\"GDP (current US$)\"},\"country\":{\"id\":\"US\",\"value\":\"United States\"},"
                + "\"countryiso3code\":\"USA\",\"date\":\"2021\",\"value\":23315080560000,\"unit\":\"\","
                + "\"obs_status\":\"\",\"decimal\":0}]]";
        com.sun.net.httpserver.HttpServer provider = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/v2/country/USA/indicator/NY.GDP.MKTP.CD", exchange -> {
            byte[] body = worldBank.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
        String data = System.getProperty("karaf.data");
        org.osgi.service.cm.Configuration economic = configAdmin.getConfiguration("io.amcp.datasource.economic", "?");
        economic.update(new Hashtable<>(Map.of("series", new String[] {"worldbank:USA/NY.GDP.MKTP.CD"},
                "worldBankBaseUrl", "http://127.0.0.1:" + provider.getAddress().getPort(),
                "storeDirectory", data + "/itest-economic")));
        String webhookPort = freePort();
        org.osgi.service.cm.Configuration news = configAdmin.getConfiguration("io.amcp.datasource.news", "?");
        news.update(new Hashtable<>(Map.of("webhookPort", webhookPort, ".webhookSecret", "itest-secret",
                "storeDirectory", data + "/itest-news")));
        List<String> installed = List.of("amcp-datasource-yahoo", "amcp-datasource-alphavantage",
                "amcp-datasource-economic", "amcp-datasource-news", "amcp-sample-macro-news", "amcp-alpaca");
        List<String> bundles = List.of("io.amcp.datasource.yahoo", "io.amcp.datasource.alphavantage",
                "io.amcp.datasource.economic", "io.amcp.datasource.news", "io.amcp.samples.macronews",
                "io.amcp.datasource.alpaca", "io.amcp.broker.alpaca");
        try {
            for (String feature : installed) {
                features.installFeature(feature, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            }
            for (String name : bundles) {
                Bundle bundle = bundleNamed(name);
                assertNotNull(name + " is installed", bundle);
                assertEquals(name + " state", Bundle.ACTIVE, bundle.getState());
            }
            io.amcp.api.altdata.MacroSeries macro = await("the macro series service",
                    () -> serviceOf(io.amcp.api.altdata.MacroSeries.class), m -> m != null);
            List<io.amcp.api.altdata.MacroObservation> gdp = await("US GDP fetched from the local World Bank API",
                    () -> macro.asOf("worldbank:USA/NY.GDP.MKTP.CD", Instant.now()), l -> l.size() == 2);
            assertEquals(23_315_080_560_000.0, gdp.get(0).value(), 0.5);
            assertEquals(25_462_700_000_000.0, gdp.get(1).value(), 0.5);
            String manager = execute("amcp:data-sources");
            assertTrue(manager, manager.lines().anyMatch(l -> l.contains("economic")
                    && l.contains("worldbank:USA/NY.GDP.MKTP.CD") && l.contains("ONLINE")));
            assertTrue(manager, manager.contains("yahoo") && manager.contains("alphavantage")
                    && manager.contains("news"));

            io.amcp.api.altdata.NewsFeed feed = await("the news feed service",
                    () -> serviceOf(io.amcp.api.altdata.NewsFeed.class), f -> f != null);
            Instant before = Instant.now().minusSeconds(60);
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest.Builder post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webhookPort + "/news"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"$AAPL strong quarter: sales gains "
                            + "exceeded estimates\", \"url\": \"https://example.org/itest-aapl\", \"published\": \""
                            + Instant.now() + "\"}"));
            assertEquals("no secret: refused", 401, http.send(post.build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode());
            HttpResponse<String> accepted = http.send(post.header("X-AMCP-Webhook-Secret", "itest-secret").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(accepted.body(), 202, accepted.statusCode());
            List<io.amcp.api.altdata.NewsItem> items = feed.between(before, Instant.now().plusSeconds(60),
                    InstrumentId.of("AAPL"));
            assertEquals("the story, tagged AAPL: " + items, 1, items.size());
            // "strong", "gains" and "exceeded" are positive Loughran-McDonald words, none is negative: (3 - 0) / 3
            assertEquals(1.0, items.get(0).sentiment(), 1e-12);

            org.osgi.service.cm.Configuration sample = configAdmin.getFactoryConfiguration("io.amcp.samples.macronews",
                    "itest", "?");
            sample.update(new Hashtable<>(Map.of("id", "macro-news-aapl", "symbol", "AAPL",
                    "macroSeries", "worldbank:USA/NY.GDP.MKTP.CD")));
            try {
                await("the macro/news sample handling live bars", () -> node.strategies().stream()
                        .filter(s -> s.id().value().equals("macro-news-aapl") && s.eventsHandled() > 0).findFirst()
                        .orElse(null), s -> s != null);
            } finally {
                sample.delete();
            }
        } finally {
            for (String feature : installed) {
                features.uninstallFeature(feature, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            }
            economic.delete();
            news.delete();
            provider.stop(0);
        }
        for (String name : bundles) {
            assertEquals(name + " removed with its feature", null, bundleNamed(name));
        }
    }

    /**
     * The object-store tier inside the container: installing {@code amcp-data} brings the MinIO SDK (feature
     * {@code amcp-objectstore}, wrapped jars), io.amcp.data's optional io.minio imports are wired to it, a
     * stored dataset pushed to a real S3 server (s3proxy, outside the container) comes back bar for bar, and
     * a wrong secret is refused with the server's error code, parsed inside the container.
     */
    @Test
    public void aStoredDatasetIsPushedToAnS3ServerAndReadBackInsideKaraf() throws Exception {
        features.installFeature("amcp-data", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        Bundle minio = bundleNamed("io.minio");
        assertNotNull("amcp-data installs the MinIO SDK", minio);
        assertEquals("io.minio state", Bundle.ACTIVE, minio.getState());
        Set<Object> fromMinio = bundleNamed("io.amcp.data").adapt(BundleWiring.class)
                .getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .filter(w -> w.getProvider().getBundle().equals(minio))
                .map(w -> w.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))
                .collect(Collectors.toSet());
        assertEquals("io.amcp.data's io.minio imports wired to the SDK bundle",
                Set.of("io.minio", "io.minio.errors", "io.minio.messages"), fromMinio);

        String endpoint = System.getProperty("amcp.itest.s3.endpoint");
        Path work = Files.createTempDirectory(Path.of(System.getProperty("karaf.data")), "itest-s3");
        ObjectStoreRoundTrip.Outcome outcome = ObjectStoreRoundTrip.run(work, endpoint, "amcp-itest",
                S3ServerSetup.ACCESS_KEY, S3ServerSetup.SECRET_KEY);
        // 2 symbols from 2020-12-15 over 0.06 years: each spans 2020 and 2021, so 2 x 2 partition files
        assertEquals("partitions stored", 4, outcome.partitionsStored());
        assertEquals("partitions uploaded", 4, outcome.uploaded());
        assertEquals("partitions in the bucket's manifest", 4, outcome.listed());
        assertTrue("every object's SHA-256 matches the manifest", outcome.verified());
        assertEquals("partitions downloaded into the empty cache", 4, outcome.downloaded());
        for (int s = 0; s < 2; s++) {
            BarSeries generated = outcome.generated().get(s);
            BarSeries back = outcome.readBack().get(s);
            String name = generated.instrument().id().value();
            assertTrue(name + " has bars", generated.size() > 0);
            assertTrue(name + " times", java.util.Arrays.equals(generated.time(), back.time()));
            assertTrue(name + " opens", java.util.Arrays.equals(generated.open(), back.open()));
            assertTrue(name + " highs", java.util.Arrays.equals(generated.high(), back.high()));
            assertTrue(name + " lows", java.util.Arrays.equals(generated.low(), back.low()));
            assertTrue(name + " closes", java.util.Arrays.equals(generated.close(), back.close()));
            assertTrue(name + " volumes", java.util.Arrays.equals(generated.volume(), back.volume()));
        }
        // the tier checks the key pair with a HEAD request, whose refusal has no body: AccessDenied, not SignatureDoesNotMatch
        String refusal = ObjectStoreRoundTrip.refusal(work, endpoint, "amcp-itest", S3ServerSetup.ACCESS_KEY, "not-the-secret");
        assertNotNull("a wrong secret is refused as a credential failure", refusal);
        assertTrue(refusal, refusal.startsWith("AccessDenied: ") && refusal.contains("refused the credentials")
                && !refusal.contains("not-the-secret"));
    }

    private Bundle bundleNamed(String symbolicName) {
        return List.of(bundleContext.getBundles()).stream().filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst().orElse(null);
    }

    private <S> S serviceOf(Class<S> type) {
        org.osgi.framework.ServiceReference<S> ref = bundleContext.getServiceReference(type);
        return ref == null ? null : bundleContext.getService(ref);
    }

    /**
     * A risk rule installed and configured at run time blocks an order from the API entry point
     * (TradingNode, which the REST API, MCP server and shell use) with the rule and limit named, and
     * a changed limit takes effect without a restart.
     */
    @Test
    public void aRiskRuleConfiguredAtRunTimeBlocksOrdersNamingTheLimit() throws Exception {
        features.installFeature("amcp-risk-rules", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        org.osgi.service.cm.Configuration rule = configAdmin.getFactoryConfiguration("io.amcp.risk.rules.position",
                "itest", "?");
        rule.update(new Hashtable<>(Map.of("name", "itest-position", "action", "block", "maxQuantity", "2000",
                "limits", "AAPL:3")));
        try {
            OrderView refused = await("an order refused by the position limit",
                    () -> node.submit(StrategyId.of("itest"), SubmitOrder.market(InstrumentId.of("AAPL"), Side.BUY,
                            Quantity.of(5))), o -> o.status() == OrderStatus.REJECTED);
            assertTrue(refused.reason(), refused.reason().startsWith("itest-position:")
                    && refused.reason().contains("3"));
            io.amcp.api.spi.AuditLog audit = await("the audit log service",
                    () -> serviceOf(io.amcp.api.spi.AuditLog.class), a -> a != null);
            io.amcp.api.spi.AuditLog.Entry entry = await("the block written to the audit log", () -> audit.recent(200)
                    .stream().filter(e -> e.subject().equals(refused.clientOrderId().value())).findFirst()
                    .orElse(null), e -> e != null);
            assertEquals("order.denied", entry.action());
            assertEquals("risk:itest-position", entry.actor());
            assertTrue(entry.detail(), entry.detail().contains("3"));
            assertEquals("the hash chain verifies", -1L, audit.verify());
            rule.update(new Hashtable<>(Map.of("name", "itest-position", "action", "block", "maxQuantity", "2000",
                    "limits", "AAPL:1")));
            OrderView tighter = await("a tighter limit applied without a restart",
                    () -> node.submit(StrategyId.of("itest"), SubmitOrder.market(InstrumentId.of("AAPL"), Side.BUY,
                            Quantity.of(2))), o -> o.status() == OrderStatus.REJECTED);
            assertTrue(tighter.reason(), tighter.reason().startsWith("itest-position:"));
        } finally {
            rule.delete();
        }
    }

    /**
     * The execution algorithms backtested elsewhere run unchanged on the paper exchange: a TWAP and a
     * VWAP parent handed to the running node are worked into children that fill.
     */
    @Test
    public void twapAndVwapParentsAreWorkedIntoFilledChildrenOnThePaperExchange() throws Exception {
        features.installFeature("amcp-execution", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        for (String algorithm : List.of("twap", "vwap")) {
            ClientOrderId parent = ClientOrderId.of("itest-" + algorithm + "-" + System.nanoTime());
            long now = clock.nanos();
            Map<String, String> parameters = algorithm.equals("twap") ? Map.of("slice_interval_seconds", "86400")
                    : Map.of();
            await("the " + algorithm + " algorithm registered", () -> {
                try {
                    return node.submitAlgo(StrategyId.of("itest-algo"), new ParentOrder(parent,
                            InstrumentId.of("AAPL"), Side.BUY, Quantity.of(4), null, now,
                            now + 5L * 86_400_000_000_000L, algorithm, parameters));
                } catch (IllegalArgumentException unknownYet) {
                    return null;
                }
            }, id -> id != null);
            AlgoStatus status = await("the " + algorithm + " parent filling", () -> node.algos().stream()
                    .filter(a -> a.parent().id().equals(parent)).findFirst().orElse(null),
                    a -> a != null && a.filled().isPositive());
            assertTrue(algorithm + " children were sent: " + status, !status.children().isEmpty());
            node.cancelAlgo(parent);
        }
    }

    /**
     * The Alpaca-compatible API installs into the running platform and answers on loopback; without
     * valid keys it refuses in Alpaca's error shape.
     */
    @Test
    public void theAlpacaCompatibleApiServesAndRefusesRequestsWithoutKeys() throws Exception {
        features.installFeature("amcp-web", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        Object port = configAdmin.getConfiguration("io.amcp.web.alpaca", null).getProperties().get("port");
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/v2/account"))
                .header("APCA-API-KEY-ID", "nobody").header("APCA-API-SECRET-KEY", "wrong").build();
        HttpResponse<String> response = await("the API answering on port " + port, () -> {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }, r -> r != null);
        assertTrue("status " + response.statusCode(), response.statusCode() == 401 || response.statusCode() == 403);
        assertTrue(response.body(), response.body().contains("\"code\"") && response.body().contains("\"message\""));

        // first start wrote the admin key pair once, readable by the owner only; it opens the account
        Path credentials = Path.of(System.getProperty("karaf.data"), "amcp", "initial-credentials.properties");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)));
        Properties admin = new Properties();
        try (var in = Files.newInputStream(credentials)) {
            admin.load(in);
        }
        HttpResponse<String> account = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/v2/account"))
                .header("APCA-API-KEY-ID", admin.getProperty("keyId"))
                .header("APCA-API-SECRET-KEY", admin.getProperty("secret")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(account.body(), 200, account.statusCode());
        assertTrue(account.body(), account.body().contains("\"equity\"") && account.body().contains("\"buying_power\""));
    }

    /**
     * The MCP server installs into the running platform and an MCP client (JSON-RPC over Streamable
     * HTTP, as the SDK's client speaks it) lists the tools with the Alpaca MCP server's names and calls
     * one with the admin key as bearer token; without a token it is refused.
     */
    @Test
    public void anMcpClientListsAndCallsToolsWithABearerKey() throws Exception {
        String port = freePort();
        org.osgi.service.cm.Configuration mcp = configAdmin.getConfiguration("io.amcp.mcp", "?");
        mcp.update(new Hashtable<>(Map.of("port", port)));
        features.installFeature("amcp-mcp", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        Path credentials = Path.of(System.getProperty("karaf.data"), "amcp", "initial-credentials.properties");
        await("the admin key written on first start", () -> Files.exists(credentials), exists -> exists);
        Properties admin = new Properties();
        try (var in = Files.newInputStream(credentials)) {
            admin.load(in);
        }
        HttpClient http = HttpClient.newHttpClient();
        URI endpoint = URI.create("http://127.0.0.1:" + port + "/mcp");
        Function<String, HttpRequest.Builder> rpc = body -> HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        String list = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
        HttpResponse<String> refused = await("the MCP endpoint answering", () -> {
            try {
                return http.send(rpc.apply(list).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException | InterruptedException notYet) {
                return null;
            }
        }, r -> r != null);
        assertEquals("no bearer token: " + refused.body(), 401, refused.statusCode());
        String bearer = "Bearer " + admin.getProperty("keyId") + ":" + admin.getProperty("secret");
        HttpResponse<String> tools = http.send(rpc.apply(list).header("Authorization", bearer).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(tools.body(), 200, tools.statusCode());
        for (String tool : List.of("get_account_info", "get_all_positions", "place_stock_order", "cancel_all_orders",
                "get_stock_bars", "get_market_clock", "run_backtest", "get_risk_report", "price_option",
                "optimize_portfolio")) {
            assertTrue(tool + " listed", tools.body().contains("\"" + tool + "\""));
        }
        assertTrue("tools carry input schemas", tools.body().contains("\"inputSchema\""));
        HttpResponse<String> account = http.send(rpc.apply("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":"
                + "\"tools/call\",\"params\":{\"name\":\"get_account_info\",\"arguments\":{}}}")
                .header("Authorization", bearer).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(account.body(), 200, account.statusCode());
        assertTrue(account.body(), account.body().contains("equity") && !account.body().contains("\"isError\":true"));
        mcp.delete();
    }

    /**
     * Operations: the ops feature installs while trading; its /metrics endpoint serves the Prometheus
     * text format with the platform's order counters and equity beside the JVM's, and the health
     * endpoints answer.
     */
    @Test
    public void opsServesPrometheusMetricsAndHealth() throws Exception {
        String port = freePort();
        org.osgi.service.cm.Configuration metrics = configAdmin.getConfiguration("io.amcp.ops.metrics", "?");
        metrics.update(new Hashtable<>(Map.of("port", port, "probeIntervalSeconds", "1")));
        features.installFeature("amcp-ops", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> scrape = await("/metrics answering", () -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException | InterruptedException notYet) {
                return null;
            }
        }, r -> r != null && r.statusCode() == 200 && r.body().contains("amcp_orders_total{") // after an order
                && Double.isFinite(equityIn(r.body()))); // and after the first probe of the kernel
        String body = scrape.body();
        for (String metric : List.of("# TYPE amcp_orders_total counter", "amcp_account_equity", "amcp_killswitch_engaged",
                "jvm_memory_used_bytes", "amcp_kernel_queue_depth", "amcp_kernel_event_loop_lag_seconds",
                "amcp_marketdata_queue_depth{policy=\"LOSSLESS\",subscriber=\"kernel\"}")) {
            assertTrue(metric + " in /metrics", body.contains(metric));
        }
        double equity = equityIn(body);
        assertEquals("equity gauge equals the node's", node.account().equity().toDouble(), equity,
                Math.abs(equity) * 0.05);
        HttpResponse<String> live = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/health/live")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(live.body(), 200, live.statusCode());
        metrics.delete();
        String compacted = execute("amcp:journal-compact");
        assertTrue(compacted, compacted.startsWith("Journal compacted: "));
        assertFalse("the node trades on after compaction", node.strategies().isEmpty());
    }

    /**
     * The market data hub starts the data sources and feeds the kernel as its LOSSLESS subscriber, while
     * observers such as the web console take CONFLATE subscriptions of their own.
     */
    @Test
    public void theMarketDataHubFeedsTheKernelLosslesslyAndTheConsoleConflated() {
        MarketDataHub hub = await("the market data hub", () -> serviceOf(MarketDataHub.class), h -> h != null);
        MarketDataHub.SubscriberStats kernel = await("bars delivered to the kernel through the hub",
                () -> hub.stats().stream().filter(st -> st.name().equals("kernel")).findFirst().orElse(null),
                st -> st != null && st.delivered() > 0);
        assertEquals(MarketDataHub.DeliveryPolicy.LOSSLESS, kernel.policy());
        assertEquals("a lossless subscriber never drops", 0, kernel.dropped() + kernel.conflated());
        MarketDataHub.SubscriberStats console = await("the web console's subscription",
                () -> hub.stats().stream().filter(st -> st.name().equals("web-console")).findFirst().orElse(null),
                st -> st != null);
        assertEquals(MarketDataHub.DeliveryPolicy.CONFLATE, console.policy());
        assertFalse(hub.instruments().isEmpty());
    }

    /**
     * The ETL feature runs its Camel routes inside Karaf from configuration: a CSV dropped into the inbox
     * is validated, its bad row quarantined with the reason, the rest stored, and the live route stores
     * the hub's bars in micro-batches, each with its quality report.
     */
    @Test
    public void theEtlRoutesIngestADroppedFileAndTheLiveFeedInsideKaraf() throws Exception {
        Path root = Path.of(System.getProperty("karaf.data"), "itest-etl");
        Path inbox = root.resolve("inbox");
        Files.createDirectories(inbox);
        org.osgi.service.cm.Configuration store = configAdmin.getConfiguration("io.amcp.data.etl.store", "?");
        store.update(new Hashtable<>(Map.of("storeDirectory", root.resolve("history").toString())));
        org.osgi.service.cm.Configuration drop = configAdmin.getConfiguration("io.amcp.data.etl.filedrop", "?");
        drop.update(new Hashtable<>(Map.of("inbox", inbox.toString(), "dataset", "drops", "pollMillis", "200")));
        org.osgi.service.cm.Configuration live = configAdmin.getConfiguration("io.amcp.data.etl.live", "?");
        live.update(new Hashtable<>(Map.of("dataset", "live", "barSize", "1d", "batchSize", "5", "flushMillis", "500",
                "reports", root.resolve("live-reports").toString())));
        features.installFeature("amcp-data-etl", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        try {
            // three NYSE sessions; the middle row has high 9 below low 10 and must be quarantined
            Path part = inbox.resolve(".msft.csv.part");
            Files.writeString(part, """
                    Date,Open,High,Low,Close,Adj Close,Volume
                    2024-03-04,410.5,415.0,409.0,414.92,414.92,17596000
                    2024-03-05,413.0,9.0,10.0,402.65,402.65,26919200
                    2024-03-06,402.9,405.16,398.39,402.09,402.09,22344100
                    """);
            Files.move(part, inbox.resolve("msft.csv"), StandardCopyOption.ATOMIC_MOVE);
            await("msft.csv ingested and moved to .done", () -> Files.exists(inbox.resolve(".done/msft.csv")), done -> done);
            String report = reportIn(inbox.resolve(".reports"), "msft.csv.");
            assertTrue(report, report.contains("rows read 3, stored 2, quarantined 1"));
            assertTrue(report, report.contains("msft.csv line 3 field 'high': high 9 below low 10"));

            String liveReport = await("a stored live micro-batch", () -> reportIn(root.resolve("live-reports"), "live-"),
                    r -> r != null);
            assertTrue(liveReport, liveReport.contains("dataset live"));
        } finally {
            live.delete();
            drop.delete();
            store.delete();
            features.uninstallFeature("amcp-data-etl", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        }
    }

    /** The first quality report in {@code dir} whose name starts with {@code prefix}, or null when none yet. */
    private static String reportIn(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (var files = Files.list(dir)) {
            Path report = files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".quality.txt")).findFirst().orElse(null);
            return report == null ? null : Files.readString(report);
        } catch (IOException e) {
            return null;
        }
    }

    private static double equityIn(String prometheusText) {
        return prometheusText.lines().filter(l -> l.startsWith("amcp_account_equity")).mapToDouble(
                l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(Double.NaN);
    }

    /** Waits until {@code version} handled its first event; returns when (System.nanoTime). */
    private static long awaitVersion(Map<String, Long> firstHandledNanos, String version) {
        return await("version " + version + " handling events", () -> firstHandledNanos.get(version), t -> t != null);
    }

    /** Writes beside the target and renames, so file install never reads a half-written jar. */
    private static void copyAtomically(Path from, Path to) throws IOException {
        Path partial = to.resolveSibling(to.getFileName() + ".part");
        Files.copy(from, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private List<OrderView> ordersOf(String strategy) {
        return node.orders().stream().filter(o -> o.strategyId().value().equals(strategy)).toList();
    }

    /** Every order known before is still there; one that had reached a final status still has it. */
    private static void assertNothingLost(List<OrderView> before, List<OrderView> after) {
        Map<ClientOrderId, OrderView> now = after.stream().collect(Collectors.toMap(OrderView::clientOrderId, o -> o));
        for (OrderView o : before) {
            OrderView current = now.get(o.clientOrderId());
            assertNotNull(o.clientOrderId() + " was lost", current);
            if (o.status().isTerminal()) {
                assertEquals("status of " + o.clientOrderId(), o.status(), current.status());
                assertEquals("filled quantity of " + o.clientOrderId(), o.filledQuantity(), current.filledQuantity());
            }
        }
    }

    private static Set<ClientOrderId> ids(List<OrderView> orders) {
        return new HashSet<>(orders.stream().map(OrderView::clientOrderId).toList());
    }

    /**
     * Runs a command in a fresh shell session, as an administrator (Karaf's command ACLs refuse commands
     * such as {@code bundle:update} to a session without the roles of the admin group), and returns what it printed.
     */
    private String execute(String command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), out, out);
        Subject admin = new Subject();
        admin.getPrincipals().add(new UserPrincipal("itest"));
        for (String role : List.of("admin", "manager", "viewer", "systembundles")) {
            admin.getPrincipals().add(new RolePrincipal(role)); // the roles of etc/users.properties' admingroup
        }
        try {
            Subject.doAs(admin, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } catch (PrivilegedActionException e) {
            return "failed: " + e.getException();
        } catch (Exception e) {
            return "failed: " + e;
        } finally {
            session.close();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Polls until the value satisfies the condition; fails naming what was awaited and the last value seen. */
    private static <T> T await(String what, Supplier<T> value, Predicate<T> condition) {
        long deadline = System.nanoTime() + TRADING_TIMEOUT_MS * 1_000_000;
        T lastSeen = null;
        while (System.nanoTime() < deadline) {
            lastSeen = value.get();
            if (condition.test(lastSeen)) {
                return lastSeen;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("no " + what + " within " + TRADING_TIMEOUT_MS / 1000 + " s; last seen: " + lastSeen);
        return null;
    }

    private static String freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        }
    }
}
