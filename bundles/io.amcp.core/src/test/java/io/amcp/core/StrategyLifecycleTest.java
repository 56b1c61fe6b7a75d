package io.amcp.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyContext;
import io.amcp.api.spi.StrategyState;
import io.amcp.api.spi.TradingNode.StrategyInfo;
import io.amcp.core.journal.Journal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Hot swap, lifecycle commands and failure isolation of the strategy runner. */
class StrategyLifecycleTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");
    private static final long DAY = 86_400_000_000_000L;
    private static final long T0 = 1_356_998_400_000_000_000L + 21 * 3_600_000_000_000L;

    private static Bar bar(int i) {
        return Bar.of(AAPL, T0 + i * DAY, 100 + i, 101 + i, 99 + i, 100.5 + i, 1000);
    }

    private static long time(int i) {
        return T0 + i * DAY;
    }

    /** Records "version:barTime" into a shared log; buys once on its first bar; snapshot = bars seen. */
    static final class Recorder implements Strategy {
        final String id;
        final String version;
        final List<String> log;
        long seen;
        long restoredFrom = -1;
        boolean stopped;
        StrategyContext ctx;

        Recorder(String id, String version, List<String> log) {
            this.id = id;
            this.version = version;
            this.log = log;
        }

        @Override
        public StrategyId id() {
            return StrategyId.of(id);
        }

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
            ctx.subscribe(AAPL);
            stopped = false;
        }

        @Override
        public void onBar(Bar bar) {
            log.add(version + ":" + bar.time());
            if (++seen == 1) {
                ctx.submit(SubmitOrder.market(AAPL, Side.BUY, Quantity.of(10)));
            }
        }

        @Override
        public void onStop() {
            stopped = true;
        }

        @Override
        public StrategyState snapshot() {
            return new StrategyState(Map.of("seen", Long.toString(seen)));
        }

        @Override
        public void restore(StrategyState state) {
            seen = state.getLong("seen", 0);
            restoredFrom = seen;
        }
    }

    private static Kernel kernel(ScriptedVenue venue) {
        Kernel k = new Kernel(new SimulatedClock(0), Journal.NONE, Money.of("100000"), 1.0);
        k.addBroker(venue);
        k.addMarketDataSink(venue);
        return k;
    }

    private static StrategyInfo info(Kernel k, String id) {
        return k.strategies().stream().filter(s -> s.id().value().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> expected(String version, int from, int to) {
        return LongStream.range(from, to).mapToObj(i -> version + ":" + time((int) i)).toList();
    }

    @Test
    void aNewVersionGetsEveryEventHeldSinceTheOldOneLeftExactlyOnce() {
        Kernel k = kernel(new ScriptedVenue(Money.ZERO));
        List<String> log = new ArrayList<>();
        Recorder v1 = new Recorder("rec", "v1", log);
        k.addStrategy(v1);
        for (int i = 0; i < 5; i++) {
            k.processBar(bar(i));
        }
        k.removeStrategy(v1); // the bundle is being updated: its service goes first
        assertThat(info(k, "rec").state()).isEqualTo("SWAPPING");
        for (int i = 5; i < 8; i++) {
            k.processBar(bar(i)); // held for the next version
        }
        Recorder v2 = new Recorder("rec", "v2", log);
        k.addStrategy(v2);
        for (int i = 8; i < 10; i++) {
            k.processBar(bar(i));
        }

        List<String> all = new ArrayList<>(expected("v1", 0, 5));
        all.addAll(expected("v2", 5, 10));
        assertThat(log).containsExactlyElementsOf(all);
        assertThat(v1.stopped).isTrue();
        assertThat(v2.restoredFrom).isEqualTo(5);
        assertThat(v2.seen).isEqualTo(10);
        // the position bought by v1 on bar 0 (filled on bar 1) belongs to the id, so v2 sees it
        assertThat(v2.ctx.position(AAPL).quantity()).isEqualTo(Quantity.of(10));
        StrategyInfo info = info(k, "rec");
        assertThat(info.state()).isEqualTo("RUNNING");
        assertThat(info.swaps()).isEqualTo(1);
        assertThat(info.eventsHandled()).isEqualTo(10);
    }

    @Test
    void aNewVersionArrivingBeforeTheOldOneLeavesReplacesItBetweenTwoEvents() {
        Kernel k = kernel(new ScriptedVenue(Money.ZERO));
        List<String> log = new ArrayList<>();
        Recorder v1 = new Recorder("rec", "v1", log);
        k.addStrategy(v1);
        k.processBar(bar(0));
        k.processBar(bar(1));
        Recorder v2 = new Recorder("rec", "v2", log);
        k.addStrategy(v2); // installed beside v1, which is uninstalled afterwards
        k.processBar(bar(2));
        k.removeStrategy(v1); // no effect: v1 is no longer the running instance
        k.processBar(bar(3));

        List<String> all = new ArrayList<>(expected("v1", 0, 2));
        all.addAll(expected("v2", 2, 4));
        assertThat(log).containsExactlyElementsOf(all);
        assertThat(info(k, "rec").state()).isEqualTo("RUNNING");
        assertThat(k.orders()).hasSize(1); // v2 resumed at seen=2, so it did not buy again
    }

    @Test
    void withoutANewVersionTheHeldEventsAreBoundedAndTheStrategyStops() {
        Kernel k = kernel(new ScriptedVenue(Money.ZERO));
        k.setSwapHoldLimit(3);
        Recorder v1 = new Recorder("rec", "v1", new ArrayList<>());
        k.addStrategy(v1);
        k.removeStrategy(v1);
        for (int i = 0; i < 5; i++) {
            k.processBar(bar(i));
        }
        StrategyInfo info = info(k, "rec");
        assertThat(info.state()).isEqualTo("STOPPED");
        assertThat(info.reason()).contains("no new version within 3 events");
    }

    @Test
    void pauseResumeStopAndStartFromTheNode() {
        Kernel k = kernel(new ScriptedVenue(Money.ZERO));
        List<String> log = new ArrayList<>();
        Recorder r = new Recorder("rec", "v1", log);
        k.addStrategy(r);
        k.processBar(bar(0));
        k.pauseStrategy(StrategyId.of("rec"));
        assertThat(info(k, "rec").state()).isEqualTo("PAUSED");
        k.processBar(bar(1));
        k.resumeStrategy(StrategyId.of("rec"));
        k.processBar(bar(2));
        k.stopStrategy(StrategyId.of("rec"));
        assertThat(r.stopped).isTrue();
        assertThat(info(k, "rec").state()).isEqualTo("STOPPED");
        assertThat(info(k, "rec").reason()).isEqualTo("stopped by operator");
        k.processBar(bar(3));
        k.startStrategy(StrategyId.of("rec"));
        k.processBar(bar(4));

        assertThat(log).containsExactly("v1:" + time(0), "v1:" + time(2), "v1:" + time(4));
        assertThat(r.restoredFrom).isEqualTo(2); // restarted from the snapshot taken at stop
        assertThatThrownBy(() -> k.stopStrategy(StrategyId.of("nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strategy: unknown id 'nope'");
    }

    /** Buys with a limit far below the market on its first bar, then throws on its second. */
    static final class Thrower implements Strategy {
        StrategyContext ctx;
        int bars;

        @Override
        public StrategyId id() {
            return StrategyId.of("thrower");
        }

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
            ctx.subscribe(AAPL);
        }

        @Override
        public void onBar(Bar bar) {
            if (++bars == 2) {
                ctx.submit(SubmitOrder.market(AAPL, Side.BUY, Quantity.of(1)));
                throw new IllegalStateException("bug in version 1");
            }
        }
    }

    @Test
    void aThrowingStrategyFailsAloneAndItsWorkingOrdersAreCanceledByDefault() {
        ScriptedVenue venue = new ScriptedVenue(Money.ZERO);
        Kernel k = kernel(venue);
        List<String> log = new ArrayList<>();
        k.addStrategy(new Thrower());
        k.addStrategy(new Recorder("other", "v1", log));
        for (int i = 0; i < 4; i++) {
            k.processBar(bar(i));
        }
        StrategyInfo failed = info(k, "thrower");
        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.reason()).contains("market data").contains("bug in version 1");
        assertThat(log).containsExactlyElementsOf(expected("v1", 0, 4));
        OrderView order = k.orders().stream().filter(o -> o.strategyId().value().equals("thrower")).findFirst().orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void withTheKeepPolicyAFailedStrategysOrdersStayWorking() {
        ScriptedVenue venue = new ScriptedVenue(Money.ZERO);
        Kernel k = kernel(venue);
        k.setCancelOrdersOfHaltedStrategies(false);
        k.addStrategy(new Thrower());
        for (int i = 0; i < 3; i++) {
            k.processBar(bar(i));
        }
        OrderView order = k.orders().stream().filter(o -> o.strategyId().value().equals("thrower")).findFirst().orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED); // kept working, filled on the next bar
    }

    /** Blocks (interruptibly) on its third bar, as a strategy waiting on I/O would. */
    static final class Blocker implements Strategy {
        final CountDownLatch never = new CountDownLatch(1);
        int bars;

        @Override
        public StrategyId id() {
            return StrategyId.of("blocker");
        }

        @Override
        public void onStart(StrategyContext context) {
            context.subscribe(AAPL);
        }

        @Override
        public void onBar(Bar bar) {
            if (++bars == 3) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
    }

    @Test
    void aBlockingStrategyIsFailedAndTheOthersGetEveryEventIncludingTheOneItBlockedOn() throws Exception {
        Kernel k = new Kernel(new SimulatedClock(0), Journal.NONE, Money.of("100000"), 1.0);
        // generous: a loaded CI machine must not mistake a slow callback for a blocked one
        k.setBlockLimit(TimeUnit.MILLISECONDS.toNanos(2000));
        ScriptedVenue venue = new ScriptedVenue(Money.ZERO);
        k.addBroker(venue);
        k.addMarketDataSink(venue);
        k.start("kernel-under-test");
        try {
            List<String> log = Collections.synchronizedList(new ArrayList<>());
            k.addStrategy(new Blocker()); // subscribed first: the others come after it on every bar
            k.addStrategy(new Recorder("other", "v1", log));
            for (int i = 0; i < 6; i++) {
                k.post(bar(i));
            }
            await(() -> log.size() == 6);
            assertThat(log).containsExactlyElementsOf(expected("v1", 0, 6));
            StrategyInfo blocked = info(k, "blocker");
            assertThat(blocked.state()).isEqualTo("FAILED");
            assertThat(blocked.reason()).contains("blocked the kernel for more than 2000 ms");
            k.post(bar(6));
            await(() -> log.size() == 7);
        } finally {
            k.stop();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 20 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
