package io.amcp.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Quote;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.portfolio.PositionView;
import io.amcp.api.order.OrderRejected;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.OrderFence;
import io.amcp.api.spi.PluginStatus;
import io.amcp.api.spi.StrategyOwnershipGate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two members in this JVM on loopback: what one writes the other reads, the quote cache never goes
 * back in time, the fence lets only the owner's orders through (each id once), a sweep spreads over
 * both members with the same results as a local run, and when the owner leaves the other member takes
 * its strategy over at a higher epoch.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoMemberClusterTest {

    private static ClusterNode a;
    private static ClusterNode b;

    @BeforeAll
    static void startMembers() throws IOException {
        int pa = freePort();
        int pb = freePort();
        List<String> members = List.of("127.0.0.1:" + pa, "127.0.0.1:" + pb);
        String cluster = "two-" + ProcessHandle.current().pid();
        a = ClusterNode.start(new ClusterSettings(cluster, "a", "127.0.0.1", pa, members, Duration.ofSeconds(2), 1,
                Duration.ofSeconds(4), 1));
        b = ClusterNode.start(new ClusterSettings(cluster, "b", "127.0.0.1", pb, members, Duration.ofSeconds(2), 1,
                Duration.ofSeconds(4), 1));
        waitFor(() -> a.hazelcast().getCluster().getMembers().size() == 2, "two members");
    }

    @AfterAll
    static void stopMembers() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    @Order(1)
    void stateWrittenOnOneMemberIsReadOnTheOther() {
        PositionView aapl = new PositionView(InstrumentId.of("AAPL"), Quantity.of(10), Price.of("187.25"),
                Price.of("190"), Money.of("1900"), Money.ZERO, Money.of("27.5"));
        PositionRecord position = PositionRecord.of("acct", aapl, 5);
        a.state().positions().set(position.key(), position);
        AccountView account = new AccountView(Money.of("98127.5"), Money.of("100027.5"), Money.of("98127.5"),
                Money.of("1900"), Money.ZERO, Money.ZERO, Money.of("27.5"), Money.of("100000"), Money.ZERO);
        a.state().accounts().set("acct", AccountRecord.of("acct", account, 5));
        PositionRecord p = b.state().positions().get("acct/AAPL");
        assertThat(p.quantity()).isEqualTo(10 * 100_000_000L);
        assertThat(p.averagePrice()).isEqualTo(18_725_000_000L);
        assertThat(p.key()).isEqualTo("acct/AAPL");
        assertThat(b.state().accounts().get("acct").cash()).isEqualTo(9_812_750_000_000L);
        assertThat(b.state().accounts().get("acct").equity()).isEqualTo(10_002_750_000_000L);
    }

    @Test
    @Order(2)
    void cacheKeepsTheLatestQuoteAndBarWhateverTheArrivalOrder() {
        InstrumentId spy = InstrumentId.of("SPY");
        assertThat(a.marketCache().put(Quote.of(spy, 2_000, 501.10, 501.12, 300, 200))).isTrue();
        assertThat(b.marketCache().put(Quote.of(spy, 1_000, 499.00, 499.02, 100, 100))).isFalse();
        Quote latest = b.marketCache().latestQuote(spy).orElseThrow();
        assertThat(latest.time()).isEqualTo(2_000);
        assertThat(latest.bid()).isEqualTo(50_110_000_000L);
        assertThat(latest.ask()).isEqualTo(50_112_000_000L);
        assertThat(b.marketCache().put(Bar.of(spy, 60_000, 500, 502, 499.5, 501.5, 1_000))).isTrue();
        assertThat(a.marketCache().put(Bar.of(spy, 120_000, 501.5, 503, 501, 502.75, 800))).isTrue();
        assertThat(a.marketCache().latestBar(spy).orElseThrow().close()).isEqualTo(50_275_000_000L);
        assertThat(a.marketCache().latestQuote(InstrumentId.of("QQQ"))).isEmpty();
    }

    @Test
    @Order(3)
    void sweepSpreadsOverBothMembersAndMatchesALocalRun() {
        SmaCrossSweepTask task = new SmaCrossSweepTask("aapl-2013");
        List<SmaCrossSweepTask.Point> points = new ArrayList<>();
        for (int fast : new int[] {5, 10, 15}) {
            for (int slow : new int[] {20, 30, 50}) {
                points.add(new SmaCrossSweepTask.Point(fast, slow));
            }
        }
        List<SmaCrossSweepTask.Result> distributed = a.sweep().run(points, task);
        List<SmaCrossSweepTask.Result> local = points.stream().map(task::run).toList();
        assertThat(distributed).extracting(r -> r.fast() + "/" + r.slow() + "=" + r.finalEquity() + "/" + r.fills())
                .isEqualTo(local.stream().map(r -> r.fast() + "/" + r.slow() + "=" + r.finalEquity() + "/" + r.fills())
                        .toList());
        // round-robin: the points went to the research executors of both members
        assertThat(distributed.stream().map(r -> r.thread().replaceAll("\\.thread-\\d+$", ""))
                .collect(Collectors.toSet())).hasSize(2);
    }

    @Test
    @Order(4)
    void onlyTheOwnerSendsEachIdOnceAndTheOtherTakesOverWhenItLeaves() throws Exception {
        StrategyId s = StrategyId.of("fenced");
        a.ownership().register(s);
        waitFor(() -> a.ownership().heldEpoch(s).isPresent() || b.ownership().heldEpoch(s).isPresent(), "an owner");
        ClusterNode owner = a.ownership().heldEpoch(s).isPresent() ? a : b;
        ClusterNode other = owner == a ? b : a;
        long epoch = owner.ownership().heldEpoch(s).getAsLong();
        assertThat(other.ownership().heldEpoch(s)).isEmpty();
        assertThat(owner.ownership().ownership(s).orElseThrow().ownerName()).isEqualTo(owner.memberName());

        RecordingVenue venue = new RecordingVenue();
        FencedConnector ownerGate = owner.fence(venue);
        FencedConnector otherGate = other.fence(venue);
        List<OrderEvent> ownerEvents = new CopyOnWriteArrayList<>();
        List<OrderEvent> otherEvents = new CopyOnWriteArrayList<>();
        ownerGate.connect(ownerEvents::add);
        otherGate.connect(otherEvents::add);

        SubmitOrder first = order(s, 1);
        ownerGate.submit(first);
        ownerGate.submit(first);
        otherGate.submit(order(s, 2));
        assertThat(venue.received).containsExactly("fenced:1");
        assertThat(ownerEvents).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.reason()).startsWith("duplicate:"));
        assertThat(otherEvents).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.reason()).startsWith("fenced:"));
        assertThat(owner.state().orders().get("fenced:1").epoch()).isEqualTo(epoch);
        assertThat(owner.state().orders().get("fenced:1").status()).isEqualTo(OrderRecord.Status.SENT);
        assertThatThrownBy(() -> ownerGate.submit(SubmitOrder.market(InstrumentId.of("AAPL"), Side.BUY, Quantity.of(1))))
                .hasMessageStartingWith("clientOrderId: required");

        owner.close();
        waitFor(() -> other.ownership().heldEpoch(s).isPresent(), "takeover");
        long newEpoch = other.ownership().heldEpoch(s).getAsLong();
        assertThat(newEpoch).isGreaterThan(epoch);
        List<OrderRecord> history = otherGate.recover(s, newEpoch);
        assertThat(history).extracting(OrderRecord::clientOrderId).containsExactly("fenced:1");
        otherGate.submit(order(s, 2));
        assertThat(venue.received).containsExactly("fenced:1", "fenced:2");
        assertThat(other.ownership().heldEpoch(StrategyId.of("never-registered"))).isEqualTo(OptionalLong.empty());
        if (owner == a) {
            a = null;
        } else {
            b = null;
        }
    }

    private static SubmitOrder order(StrategyId s, long n) {
        return SubmitOrder.market(InstrumentId.of("AAPL"), Side.BUY, Quantity.of(1))
                .withClientOrderId(ClusterOrderIds.of(s, n));
    }

    @Test
    @Order(5)
    void theKernelGateSettlesThroughAnOnlineVenueAndForgetsARemovedOne() {
        ClusterNode node = a != null ? a : b;
        StrategyId s = StrategyId.of("gated");
        StrategyOwnershipGate gate = node.kernelGate();
        gate.register(s);
        waitFor(() -> gate.epoch(s).isPresent(), "ownership of gated");
        long epoch = gate.epoch(s).getAsLong();

        RecordingVenue removed = new RecordingVenue("removed", PluginStatus.ONLINE);
        RecordingVenue dead = new RecordingVenue("dead", PluginStatus.offline("connection lost"));
        RecordingVenue live = new RecordingVenue("live", PluginStatus.ONLINE);
        OrderFence removedFence = gate.fence(removed);
        gate.fence(dead);
        gate.fence(live);
        removedFence.disconnect(); // the kernel removed that venue

        // a former owner claimed gated:1 under an older epoch and died before the send
        node.state().orders().set("gated:1", OrderRecord.claimed(order(s, 1), s.value(), epoch - 1, "former"));
        List<SubmitOrder> recovered = gate.recover(s, epoch);

        assertThat(recovered).extracting(o -> o.clientOrderId().value()).containsExactly("gated:1");
        assertThat(removed.asked).isEmpty();
        assertThat(dead.asked).isEmpty();
        assertThat(live.asked).containsExactly("gated:1");
        assertThat(live.received).containsExactly("gated:1");
        assertThat(node.state().orders().get("gated:1").status()).isEqualTo(OrderRecord.Status.SENT);
    }

    private static void waitFor(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
