package io.amcp.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.Bar;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderRejected;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.api.spi.BrokerListener;
import io.amcp.api.spi.OrderFence;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyContext;
import io.amcp.api.spi.StrategyOwnershipGate;
import io.amcp.api.spi.TradingNode.StrategyInfo;
import io.amcp.api.model.Price;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.core.journal.Journal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The kernel under a strategy ownership gate (an in-memory gate standing in for the cluster, whose
 * real one is tested with three JVMs in io.amcp.cluster): standby until owned, recovery of the former
 * owner's orders on a gain, ids in the gate's scheme through its fence, and a stop without cancels on
 * a loss.
 */
class OwnershipGateTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");
    private static final StrategyId S = StrategyId.of("s1");
    private static final long T0 = 1_709_564_400_000_000_000L;

    /** Buys 1 on every bar. */
    static class EveryBar implements Strategy {
        StrategyContext ctx;
        int bars;

        @Override
        public StrategyId id() {
            return S;
        }

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
            ctx.subscribe(AAPL);
        }

        @Override
        public void onBar(Bar bar) {
            bars++;
            ctx.submit(SubmitOrder.limit(AAPL, Side.BUY, Quantity.of(1), Price.of("1")));
        }
    }

    /** Ownership by hand: {@link #gain} and {@link #lose} call the listener synchronously. */
    static final class HandGate implements StrategyOwnershipGate {
        final Map<StrategyId, Long> epochs = new java.util.concurrent.ConcurrentHashMap<>();
        final List<StrategyId> registered = new ArrayList<>();
        final List<SubmitOrder> clusterOrders = new ArrayList<>();
        final List<String> fenced = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<String> disconnected = new java.util.concurrent.CopyOnWriteArrayList<>();
        Listener listener;

        void gain(StrategyId s, long epoch) {
            epochs.put(s, epoch);
            listener.gained(s, epoch);
        }

        void lose(StrategyId s) {
            long epoch = epochs.remove(s);
            listener.lost(s, epoch, "lease expired");
        }

        @Override
        public void register(StrategyId strategy) {
            registered.add(strategy);
        }

        @Override
        public OptionalLong epoch(StrategyId strategy) {
            Long e = epochs.get(strategy);
            return e == null ? OptionalLong.empty() : OptionalLong.of(e);
        }

        @Override
        public ClientOrderId orderId(StrategyId strategy, long sequence) {
            return ClientOrderId.of(strategy.value() + ":" + sequence);
        }

        @Override
        public long sequenceOf(ClientOrderId id) {
            String value = id.value();
            int colon = value.lastIndexOf(':');
            return colon < 0 || !value.substring(colon + 1).matches("[1-9][0-9]*") ? 0
                    : Long.parseLong(value.substring(colon + 1));
        }

        /** Whether this node holds {@code owner} at exactly {@code epoch} now. */
        boolean current(StrategyId owner, long epoch) {
            return epoch(owner).isPresent() && epoch(owner).getAsLong() == epoch;
        }

        @Override
        public OrderFence fence(BrokerConnector venue) {
            HandGate gate = this;
            return new OrderFence() {
                BrokerListener l;

                @Override
                public String id() {
                    return venue.id();
                }

                @Override
                public void connect(BrokerListener listener) {
                    l = listener;
                    venue.connect(listener);
                }

                @Override
                public void disconnect() {
                    disconnected.add(venue.id());
                    venue.disconnect();
                }

                @Override
                public void submit(SubmitOrder order) {
                    venue.submit(order);
                }

                @Override
                public void submit(SubmitOrder order, StrategyId owner, long epoch) {
                    if (!gate.current(owner, epoch)) {
                        l.onOrderEvent(new OrderRejected(order.clientOrderId(), "fenced: not owned at " + epoch, 0));
                        return;
                    }
                    fenced.add(order.clientOrderId().value() + "@" + epoch);
                    venue.submit(order);
                }

                @Override
                public boolean cancel(ClientOrderId id, StrategyId owner, long epoch) {
                    if (!gate.current(owner, epoch)) {
                        return false;
                    }
                    fenced.add("cancel " + id.value() + "@" + epoch);
                    venue.cancel(id);
                    return true;
                }

                @Override
                public boolean replace(ReplaceOrder replace, StrategyId owner, long epoch) {
                    if (!gate.current(owner, epoch)) {
                        return false;
                    }
                    venue.replace(replace);
                    return true;
                }

                @Override
                public void cancel(ClientOrderId id) {
                    venue.cancel(id);
                }

                @Override
                public void replace(ReplaceOrder replace) {
                    venue.replace(replace);
                }

                @Override
                public Set<ClientOrderId> resend(Collection<ClientOrderId> ids) {
                    return venue.resend(ids);
                }
            };
        }

        @Override
        public List<SubmitOrder> recover(StrategyId strategy, long epoch) {
            return List.copyOf(clusterOrders);
        }

        @Override
        public void addListener(Listener l) {
            listener = l;
        }

        @Override
        public void removeListener(Listener l) {
            if (listener == l) {
                listener = null;
            }
        }
    }

    /** Accepts everything; knows the orders given to it, by id. */
    static final class KnowingVenue implements BrokerConnector {
        final Set<ClientOrderId> known = new java.util.HashSet<>();
        final List<SubmitOrder> received = new ArrayList<>();
        final List<ClientOrderId> canceled = new ArrayList<>();
        BrokerListener listener;

        @Override
        public String id() {
            return "knowing";
        }

        @Override
        public void connect(BrokerListener l) {
            listener = l;
        }

        @Override
        public void disconnect() {
        }

        @Override
        public void submit(SubmitOrder order) {
            known.add(order.clientOrderId());
            received.add(order);
            listener.onOrderEvent(new io.amcp.api.order.OrderAccepted(order.clientOrderId(),
                    io.amcp.api.model.OrderId.of("v" + received.size()), 0));
        }

        @Override
        public void cancel(ClientOrderId id) {
            canceled.add(id);
        }

        @Override
        public void replace(ReplaceOrder replace) {
            throw new UnsupportedOperationException("no replaces expected");
        }

        @Override
        public Set<ClientOrderId> resend(Collection<ClientOrderId> ids) {
            Set<ClientOrderId> unknown = new java.util.LinkedHashSet<>(ids);
            unknown.removeAll(known);
            return unknown;
        }
    }

    private static Bar bar(int i) {
        return Bar.of(AAPL, T0 + i * 60_000_000_000L, 100, 101, 99, 100, 1000);
    }

    /** A kernel under {@code gate}, trading into {@code venue}. */
    private static Kernel kernelUnder(HandGate gate, KnowingVenue venue) {
        Kernel kernel = new Kernel(new SimulatedClock(0), Journal.NONE, Money.of("100000"), 1.0);
        kernel.bindOwnership(gate);
        kernel.addBroker(venue);
        return kernel;
    }

    /** A running kernel whose strategy, owned at epoch 3, is held inside bar 1 (callbacks are not watched). */
    private static Kernel runningAtEpoch3InBar1(HandGate gate, KnowingVenue venue, HeldTrader strategy)
            throws InterruptedException {
        Kernel kernel = kernelUnder(gate, venue);
        kernel.setBlockLimit(0);
        kernel.addStrategy(strategy);
        gate.gain(S, 3);
        kernel.start("ownership-test");
        kernel.post(bar(1));
        assertThat(strategy.entered.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return kernel;
    }

    private static String state(Kernel kernel) {
        return kernel.strategies().stream().filter(i -> i.id().equals(S)).map(StrategyInfo::state).findFirst()
                .orElseThrow();
    }

    @Test
    void standbyUntilOwnedThenRecoversTradesThroughTheFenceAndStopsOnLossWithoutCancels() {
        HandGate gate = new HandGate();
        KnowingVenue venue = new KnowingVenue();
        Kernel kernel = kernelUnder(gate, venue);
        EveryBar strategy = new EveryBar();
        kernel.addStrategy(strategy);

        assertThat(gate.registered).containsExactly(S);
        assertThat(state(kernel)).isEqualTo("STANDBY");
        kernel.post(bar(1));
        assertThat(strategy.bars).isZero();
        assertThat(venue.received).isEmpty();

        // the former owner sent s1:1 and s1:2 (the venue has them) and claimed s1:3, which never arrived
        for (int n = 1; n <= 3; n++) {
            SubmitOrder o = SubmitOrder.limit(AAPL, Side.BUY, Quantity.of(1), Price.of("1"))
                    .withClientOrderId(ClientOrderId.of("s1:" + n));
            gate.clusterOrders.add(o);
            if (n < 3) {
                venue.known.add(o.clientOrderId());
            }
        }
        gate.gain(S, 7);
        assertThat(state(kernel)).isEqualTo("RUNNING");
        assertThat(kernel.order(ClientOrderId.of("s1:1")).status()).isEqualTo(OrderStatus.NEW);
        assertThat(kernel.order(ClientOrderId.of("s1:3")).status()).isEqualTo(OrderStatus.REJECTED);

        kernel.post(bar(2));
        kernel.post(bar(3));
        assertThat(strategy.bars).isEqualTo(2);
        assertThat(gate.fenced).containsExactly("s1:4@7", "s1:5@7");

        gate.lose(S);
        assertThat(state(kernel)).isEqualTo("STANDBY");
        kernel.post(bar(4));
        assertThat(strategy.bars).isEqualTo(2);
        List<OrderView> open = kernel.orderManager().open(S);
        assertThat(open).extracting(o -> o.clientOrderId().value()).contains("s1:4", "s1:5");
        assertThat(open).allMatch(o -> o.status() == OrderStatus.ACCEPTED || o.status() == OrderStatus.NEW);
        assertThat(venue.received).extracting(o -> o.clientOrderId().value()).containsExactly("s1:4", "s1:5");
    }

    /** Blocks in its first onBar until released; counts bars and orders. */
    static final class HeldTrader implements Strategy {
        final java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        volatile int bars;
        StrategyContext ctx;

        @Override
        public StrategyId id() {
            return S;
        }

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
            ctx.subscribe(AAPL);
        }

        @Override
        public void onBar(Bar bar) {
            if (bars++ == 0) {
                entered.countDown();
                try {
                    release.await(20, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            ctx.submit(SubmitOrder.limit(AAPL, Side.BUY, Quantity.of(1), Price.of("1")));
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 30, unit = java.util.concurrent.TimeUnit.SECONDS)
    void lossStopsTheStrategyAtOnceEvenWithBarsQueuedBeforeTheStop() throws Exception {
        HandGate gate = new HandGate();
        KnowingVenue venue = new KnowingVenue();
        HeldTrader strategy = new HeldTrader();
        Kernel kernel = runningAtEpoch3InBar1(gate, venue, strategy);
        try {
            kernel.post(bar(2));
            kernel.post(bar(3));
            // the loss arrives while bar 1 is still in the strategy and bars 2 and 3 wait ahead of the stop
            gate.lose(S);
            strategy.release.countDown();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (!state(kernel).equals("STANDBY") && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(state(kernel)).isEqualTo("STANDBY");
            assertThat(strategy.bars).isEqualTo(1);
            // bar 1's order was submitted after the loss: denied by the kernel, never offered to the fence
            assertThat(gate.fenced).isEmpty();
            assertThat(kernel.order(ClientOrderId.of("s1:1")).status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(kernel.order(ClientOrderId.of("s1:1")).reason()).startsWith("ownership:");
        } finally {
            kernel.stop();
        }
    }

    /** On its first bar: an order under an id of its own choosing and a parent order for the slicer. */
    static final class OwnIdsTrader extends EveryBar {
        boolean sent;

        @Override
        public void onBar(Bar bar) {
            if (!sent) {
                sent = true;
                ctx.submit(SubmitOrder.limit(AAPL, Side.BUY, Quantity.of(1), Price.of("1"))
                        .withClientOrderId(ClientOrderId.of("s1-custom")));
                ctx.submitAlgo(new io.amcp.api.execution.ParentOrder(ClientOrderId.of("p-7"), AAPL, Side.BUY,
                        Quantity.of(2), Price.of("1"), 0, T0 + 86_400_000_000_000L, "slicer", Map.of("slice", "1")));
            }
        }
    }

    @Test
    void childOrdersAndOwnIdsOfAStrategyGoThroughTheFenceAndAStaleOwnerCannotCancelThem() {
        HandGate gate = new HandGate();
        KnowingVenue venue = new KnowingVenue();
        Kernel kernel = kernelUnder(gate, venue);
        kernel.addAlgorithm(new AlgoRunTest.Slicer());
        kernel.addStrategy(new OwnIdsTrader());
        gate.gain(S, 7);

        kernel.post(bar(1)); // the own-id order and the parent; the slicer sends child p-7-c1
        kernel.post(bar(2)); // child p-7-c2
        // a manual order (an owner not under cluster ownership) goes straight to the venue
        kernel.submit(StrategyId.of("manual"), SubmitOrder.limit(AAPL, Side.SELL, Quantity.of(1), Price.of("1"))
                .withClientOrderId(ClientOrderId.of("m-1")));

        assertThat(gate.fenced).containsExactly("s1-custom@7", "p-7-c1@7", "p-7-c2@7");
        assertThat(venue.received).extracting(o -> o.clientOrderId().value())
                .containsExactly("s1-custom", "p-7-c1", "p-7-c2", "m-1");

        // the lease moves on: the cancels this node still tries for s1's orders are refused by the fence
        gate.lose(S);
        gate.epochs.put(S, 8L); // another node's epoch, as the fence would see it; this node is not told
        kernel.cancel(ClientOrderId.of("s1-custom"));
        kernel.cancel(ClientOrderId.of("p-7-c2"));
        kernel.cancel(ClientOrderId.of("m-1"));
        assertThat(venue.canceled).extracting(ClientOrderId::value).containsExactly("m-1");
        assertThat(gate.fenced).doesNotContain("cancel s1-custom@7", "cancel p-7-c2@7", "cancel s1-custom@8");
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 30, unit = java.util.concurrent.TimeUnit.SECONDS)
    void anInstanceOfTheEpochBeforeAQuickLossAndRegainCannotSend() throws Exception {
        HandGate gate = new HandGate();
        KnowingVenue venue = new KnowingVenue();
        HeldTrader strategy = new HeldTrader();
        Kernel kernel = runningAtEpoch3InBar1(gate, venue, strategy);
        try {
            kernel.post(bar(2));
            // between bar 1 and bar 2 the lease is lost and regained at once: epoch 3 -> 4
            gate.lose(S);
            gate.gain(S, 4);
            strategy.release.countDown();
            // bar 1's order and bar 2's (if it reached the old instance) were made by the epoch-3 instance
            assertThat(kernel.order(ClientOrderId.of("s1:1")).status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(kernel.order(ClientOrderId.of("s1:1")).reason()).startsWith("ownership:");
            assertThat(venue.received).isEmpty();
            assertThat(gate.fenced).isEmpty();
            assertThat(state(kernel)).isEqualTo("RUNNING");

            // restarted under epoch 4 (recovered by the regain): its next order goes out at epoch 4
            int before = strategy.bars;
            kernel.post(bar(3));
            assertThat(kernel.call(() -> strategy.bars)).isEqualTo(before + 1);
            assertThat(gate.fenced).hasSize(1).allMatch(f -> f.endsWith("@4"));
            assertThat(venue.received).hasSize(1);
        } finally {
            kernel.stop();
        }
    }

    @Test
    void unbindingRemovesTheListenerAndStopsOwnedStrategiesAndARemovedVenueDisconnectsItsFence() {
        HandGate gate = new HandGate();
        KnowingVenue venue = new KnowingVenue();
        Kernel kernel = kernelUnder(gate, venue);
        EveryBar strategy = new EveryBar();
        kernel.addStrategy(strategy);
        gate.gain(S, 5);
        kernel.post(bar(1));
        assertThat(gate.fenced).containsExactly("s1:1@5");

        kernel.unbindOwnership();
        assertThat(gate.listener).isNull();
        assertThat(state(kernel)).isEqualTo("STANDBY");
        kernel.post(bar(2));
        assertThat(strategy.bars).isEqualTo(1);

        kernel.removeBroker(venue);
        assertThat(gate.disconnected).containsExactly("knowing");
    }
}
