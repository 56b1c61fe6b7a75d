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

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderView;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.KillSwitch;
import io.amcp.api.spi.TradingNode;
import io.amcp.api.spi.TradingNode.StrategyInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.inject.Inject;
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
            "io.amcp.broker.paper", "io.amcp.backtest", "io.amcp.datasource.file", "io.amcp.strategy.smacross",
            "io.amcp.shell");

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

    @Configuration
    public Option[] configuration() throws IOException {
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

    /** Runs a command in a fresh shell session and returns what it printed. */
    private String execute(String command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), out, out);
        try {
            session.execute(command);
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
