package io.amcp.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderRejected;
import io.amcp.api.order.SubmitOrder;
import io.amcp.cluster.ClusterOrderIds;
import io.amcp.cluster.ClusterSettings;
import io.amcp.cluster.OrderRecord;
import io.amcp.cluster.Ownership;
import io.amcp.cluster.OwnershipListener;
import io.amcp.cluster.RecordingVenue;
import io.amcp.cluster.StrategyOwnership;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The race fixed by 24a36bc, made deterministic: two members in this JVM on loopback, an old owner whose
 * submit is held by {@link FencedOrderGate#onClaimedBeforeSend} between its claim and its send while its
 * lease runs out and the other member takes the strategy over. Whatever the interleaving, the venue gets
 * the client order id at most once, and the old owner reports it refused exactly when the venue does not
 * have it from the old claim; so the new owner's book (recovered orders plus its own sends) equals the
 * venue's. The leases are stubs standing for each member's monotonic-clock view; the assignment record,
 * the key lock and the shared order map are the real Hazelcast ones.
 */
class FencedOrderGateRaceTest {

    private static final long OLD_EPOCH = 7;
    private static final long NEW_EPOCH = 8;
    private static final AtomicInteger STRATEGIES = new AtomicInteger();

    private static HazelcastClusterNode a;
    private static HazelcastClusterNode b;

    private StrategyId strategy;
    private ClientOrderId id;
    private Lease oldLease;
    private Lease newLease;
    private RecordingVenue venue;
    private FencedOrderGate oldOwner;
    private FencedOrderGate newOwner;
    private final List<OrderEvent> oldOwnerEvents = new CopyOnWriteArrayList<>();
    private final List<OrderEvent> newOwnerEvents = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startMembers() throws IOException {
        int pa = freePort();
        int pb = freePort();
        List<String> members = List.of("127.0.0.1:" + pa, "127.0.0.1:" + pb);
        String cluster = "race-" + ProcessHandle.current().pid();
        a = HazelcastClusterNode.start(new ClusterSettings(cluster, "a", "127.0.0.1", pa, members,
                Duration.ofSeconds(2), 1, Duration.ofSeconds(4), 1));
        b = HazelcastClusterNode.start(new ClusterSettings(cluster, "b", "127.0.0.1", pb, members,
                Duration.ofSeconds(2), 1, Duration.ofSeconds(4), 1));
    }

    @AfterAll
    static void stopMembers() {
        b.close();
        a.close();
    }

    /** Member a owns a fresh strategy at {@link #OLD_EPOCH}; its lease never runs out on the cluster clock. */
    @BeforeEach
    void oldOwnerHoldsAStrategy() {
        strategy = StrategyId.of("race" + STRATEGIES.incrementAndGet());
        id = ClusterOrderIds.of(strategy, 1);
        a.assignments().set(strategy.value(), new Ownership(strategy.value(), a.memberId(), "a", OLD_EPOCH,
                Long.MAX_VALUE));
        oldLease = new Lease(OLD_EPOCH);
        newLease = new Lease(-1);
        venue = new RecordingVenue();
        oldOwner = gate(a, oldLease, oldOwnerEvents);
        newOwner = gate(b, newLease, newOwnerEvents);
    }

    @Test
    void anOrderTakenBackByTheOldOwnerIsRefusedThereAndNotSentByTheNewOwner() {
        oldOwner.onClaimedBeforeSend(oldLease::runOut);

        oldOwner.submit(order(), strategy, OLD_EPOCH);
        List<OrderRecord> recovered = takeOverAndRecover();

        assertRefusedForTheLease(oldOwnerEvents);
        assertThat(recovered).isEmpty();
        assertThat(venue.received).isEmpty();
        assertThat(b.orders().get(id.value())).isNull();
        // the new owner's strategy sends the order it decides on again: once
        newOwner.submit(order(), strategy, NEW_EPOCH);
        assertThat(newOwnerEvents).isEmpty();
        assertThat(venue.received).containsExactly(id.value());
        assertNewOwnersBookIsTheVenues(recovered, List.of(id.value()));
    }

    @Test
    void anOrderAdoptedByTheNewOwnerWhileTheOldOneIsHeldIsSentOnceAndNotReportedRefused() {
        List<OrderRecord> recovered = new CopyOnWriteArrayList<>();
        oldOwner.onClaimedBeforeSend(() -> {
            oldLease.runOut();
            recovered.addAll(takeOverAndRecover());
        });

        oldOwner.submit(order(), strategy, OLD_EPOCH);

        assertThat(venue.received).containsExactly(id.value());
        assertThat(oldOwnerEvents).isEmpty();
        assertThat(recovered).singleElement().satisfies(r -> {
            assertThat(r.clientOrderId()).isEqualTo(id.value());
            assertThat(r.status()).isEqualTo(OrderRecord.Status.SENT);
            assertThat(r.epoch()).isEqualTo(NEW_EPOCH);
            assertThat(r.member()).isEqualTo(b.memberId());
        });
        assertThat(b.orders().get(id.value())).isEqualTo(recovered.get(0));
        assertNewOwnersBookIsTheVenues(recovered, List.of());
    }

    @Test
    void anOrderTakenBackWhileTheNewOwnerAsksTheVenueIsNotSentByTheNewOwner() throws InterruptedException {
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        oldOwner.onClaimedBeforeSend(() -> {
            claimed.countDown();
            awaitQuietly(release);
        });
        Thread held = new Thread(() -> oldOwner.submit(order(), strategy, OLD_EPOCH), "old-owner-submit");
        held.start();
        assertThat(claimed.await(20, TimeUnit.SECONDS)).isTrue();
        oldLease.runOut();
        // the new owner has read the claim and asks the venue: the old owner finishes its submit meanwhile
        venue.onResend = () -> {
            release.countDown();
            joinQuietly(held);
        };

        List<OrderRecord> recovered = takeOverAndRecover();

        assertThat(held.isAlive()).isFalse();
        assertThat(venue.asked).containsExactly(id.value());
        assertRefusedForTheLease(oldOwnerEvents);
        assertThat(recovered).isEmpty();
        assertThat(venue.received).isEmpty();
        assertThat(b.orders().get(id.value())).isNull();
        assertNewOwnersBookIsTheVenues(recovered, List.of());
    }

    /**
     * The orders the new owner counts as live (those recovered as sent, plus its own accepted sends) are
     * exactly the venue's, each once: its position is the venue's.
     */
    private void assertNewOwnersBookIsTheVenues(List<OrderRecord> recovered, List<String> ownSends) {
        List<String> book = new ArrayList<>(ownSends);
        recovered.stream().filter(r -> r.status() == OrderRecord.Status.SENT).forEach(r -> book.add(r.clientOrderId()));
        assertThat(venue.received).containsExactlyInAnyOrderElementsOf(book).doesNotHaveDuplicates();
    }

    /** Member b takes the strategy over as {@code OwnershipManager} does (under the key lock) and recovers it. */
    private List<OrderRecord> takeOverAndRecover() {
        String key = strategy.value();
        b.assignments().lock(key);
        try {
            b.assignments().set(key, new Ownership(key, b.memberId(), "b", NEW_EPOCH, Long.MAX_VALUE));
            newLease.hold(NEW_EPOCH);
        } finally {
            b.assignments().unlock(key);
        }
        return newOwner.recover(strategy, NEW_EPOCH);
    }

    private void assertRefusedForTheLease(List<OrderEvent> events) {
        assertThat(events).singleElement().isInstanceOfSatisfying(OrderRejected.class, r -> {
            assertThat(r.clientOrderId()).isEqualTo(id);
            assertThat(r.reason()).isEqualTo("fenced: the lease on " + strategy + " at epoch " + OLD_EPOCH
                    + " ran out before the send");
        });
    }

    private SubmitOrder order() {
        return SubmitOrder.market(InstrumentId.of("AAPL"), Side.BUY, Quantity.of(3)).withClientOrderId(id);
    }

    private FencedOrderGate gate(HazelcastClusterNode node, Lease lease, List<OrderEvent> events) {
        FencedOrderGate gate = new FencedOrderGate(venue, lease, node.assignments(), node.orders(), node.memberId(),
                System::nanoTime, 4_000, gone -> { });
        gate.connect(events::add);
        return gate;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new AssertionError("the held submit was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** One member's local view of its lease: held at an epoch until the test lets it run out. */
    private static final class Lease implements StrategyOwnership {
        private volatile long epoch;

        Lease(long epoch) {
            this.epoch = epoch;
        }

        void hold(long newEpoch) {
            epoch = newEpoch;
        }

        void runOut() {
            epoch = -1;
        }

        @Override
        public OptionalLong heldEpoch(StrategyId strategy) {
            long e = epoch;
            return e < 0 ? OptionalLong.empty() : OptionalLong.of(e);
        }

        @Override
        public void register(StrategyId strategy) {
            throw new UnsupportedOperationException("register");
        }

        @Override
        public Optional<Ownership> ownership(StrategyId strategy) {
            throw new UnsupportedOperationException("ownership");
        }

        @Override
        public Map<StrategyId, Ownership> assignments() {
            throw new UnsupportedOperationException("assignments");
        }

        @Override
        public void addListener(OwnershipListener listener) {
            throw new UnsupportedOperationException("addListener");
        }

        @Override
        public void removeListener(OwnershipListener listener) {
            throw new UnsupportedOperationException("removeListener");
        }
    }
}
