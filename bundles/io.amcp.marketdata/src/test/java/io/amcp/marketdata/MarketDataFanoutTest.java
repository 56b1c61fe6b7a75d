package io.amcp.marketdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.amcp.api.model.Bar;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.MarketData;
import io.amcp.api.model.Quote;
import io.amcp.api.spi.DataSource;
import io.amcp.api.spi.MarketDataHub.DeliveryPolicy;
import io.amcp.api.spi.MarketDataHub.SubscriberStats;
import io.amcp.api.spi.MarketDataHub.Subscription;
import io.amcp.api.spi.MarketDataSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real threads throughout. Waits are bounded (latches with a timeout); assertions are on counts and
 * order, never on speed.
 */
class MarketDataFanoutTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");
    private static final InstrumentId MSFT = InstrumentId.of("MSFT");
    private static final long WAIT_S = 20;

    private final MarketDataFanout hub = new MarketDataFanout(Set.of(), Duration.ofSeconds(5));

    @AfterEach
    void closeHub() {
        hub.close();
    }

    /** Bar number {@code n} of {@code id}: time n, close 100 + n (so order and identity can be read back). */
    private static Bar bar(InstrumentId id, int n) {
        return Bar.of(id, n, 100 + n, 100 + n, 100 + n, 100 + n, 1);
    }

    /** Records every event; its first event blocks until {@link #release} (a subscriber that hangs). */
    private static final class BlockingSink implements MarketDataSink {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<MarketData> received = Collections.synchronizedList(new ArrayList<>());
        volatile boolean interrupted;
        Subscription subscription;

        @Override
        public void onBar(Bar bar) {
            take(bar);
        }

        @Override
        public void onQuote(Quote quote) {
            take(quote);
        }

        private void take(MarketData event) {
            received.add(event);
            if (entered.getCount() > 0) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
    }

    /**
     * Subscribes a {@link BlockingSink} to {@code on} (its subscription in {@link BlockingSink#subscription})
     * and publishes AAPL bar 0, which the sink then holds until released.
     */
    private static BlockingSink holdingFirstEvent(MarketDataFanout on, String name, DeliveryPolicy policy, int capacity)
            throws InterruptedException {
        BlockingSink sink = new BlockingSink();
        sink.subscription = on.subscribe(name, policy, capacity, sink);
        on.publish(bar(AAPL, 0));
        assertTrue(sink.entered.await(WAIT_S, TimeUnit.SECONDS), name + " holds event 0");
        return sink;
    }

    /** Records every event and counts down once per event. */
    private static final class RecordingSink implements MarketDataSink {
        final List<MarketData> received = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch done;

        RecordingSink(int expected) {
            done = new CountDownLatch(expected);
        }

        @Override
        public void onBar(Bar bar) {
            received.add(bar);
            done.countDown();
        }

        @Override
        public void onQuote(Quote quote) {
            received.add(quote);
            done.countDown();
        }
    }

    @Test
    void aBlockedSubscriberNeverDelaysAFastOneAndDropsItsOldest() throws Exception {
        int n = 10_000;
        int capacity = 100;
        BlockingSink slow = new BlockingSink();
        RecordingSink fast = new RecordingSink(n + 1);
        Subscription slowSub = hub.subscribe("console", DeliveryPolicy.DROP_OLDEST, capacity, slow);
        hub.subscribe("kernel", DeliveryPolicy.LOSSLESS, 64, fast);

        hub.publish(bar(AAPL, 0));
        assertTrue(slow.entered.await(WAIT_S, TimeUnit.SECONDS), "slow subscriber got its first event");
        for (int i = 1; i <= n; i++) {
            hub.publish(bar(AAPL, i));
        }
        // the fast subscriber gets everything while the slow one is still stuck in its first event
        assertTrue(fast.done.await(WAIT_S, TimeUnit.SECONDS), "fast subscriber received all events");
        assertEquals(1, slow.release.getCount(), "slow subscriber still blocked");
        for (int i = 0; i <= n; i++) {
            assertEquals(i, fast.received.get(i).time(), "fast subscriber order at " + i);
        }
        SubscriberStats stuck = slowSub.stats();
        // 1 taken into the sink, the last 100 queued, the 9,900 before them dropped
        assertEquals(n + 1, stuck.published());
        assertEquals(0, stuck.delivered());
        assertEquals(capacity, stuck.queueDepth());
        assertEquals(n - capacity, stuck.dropped());
        assertTrue(stuck.lagNanos() > 0, "queued events have waited");

        slow.release.countDown();
        awaitDelivered(slowSub, capacity + 1);
        assertEquals(capacity + 1, slow.received.size());
        assertEquals(0, slow.received.get(0).time());
        for (int k = 1; k <= capacity; k++) {
            assertEquals(n - capacity + k, slow.received.get(k).time(), "slow subscriber keeps the newest, in order");
        }
        assertEquals(0, slowSub.stats().queueDepth());
        assertEquals(0, slowSub.stats().lagNanos());
    }

    @Test
    void conflationKeepsTheLatestPerInstrumentAndTypeInSourceOrder() throws Exception {
        BlockingSink console = holdingFirstEvent(hub, "console", DeliveryPolicy.CONFLATE, 16);
        Subscription sub = console.subscription;
        Quote q1 = Quote.of(AAPL, 1, 100.0, 100.5, 10, 10);
        hub.publish(bar(AAPL, 1));
        hub.publish(q1);
        hub.publish(bar(AAPL, 2));
        hub.publish(bar(AAPL, 3));
        hub.publish(bar(MSFT, 1));
        hub.publish(bar(MSFT, 2));
        // worked by hand: AAPL bar 1 replaced by 2 then 3 (which moves behind the quote), MSFT 1 by 2
        SubscriberStats stats = sub.stats();
        assertEquals(7, stats.published());
        assertEquals(3, stats.conflated());
        assertEquals(3, stats.queueDepth());
        assertEquals(0, stats.dropped());
        console.release.countDown();
        awaitDelivered(sub, 4);
        assertEquals(List.of(bar(AAPL, 0), q1, bar(AAPL, 3), bar(MSFT, 2)), console.received);
    }

    @Test
    void conflationBeyondCapacityDropsTheOldestInstrument() throws Exception {
        BlockingSink console = holdingFirstEvent(hub, "console", DeliveryPolicy.CONFLATE, 2);
        Subscription sub = console.subscription;
        InstrumentId spy = InstrumentId.of("SPY");
        hub.publish(bar(AAPL, 1));
        hub.publish(bar(MSFT, 1));
        hub.publish(bar(spy, 1));
        assertEquals(1, sub.stats().dropped());
        console.release.countDown();
        awaitDelivered(sub, 3);
        assertEquals(List.of(bar(AAPL, 0), bar(MSFT, 1), bar(spy, 1)), console.received);
    }

    @Test
    void losslessGrowsInsteadOfDroppingAndKeepsEachProducersOrder() throws Exception {
        BlockingSink kernel = holdingFirstEvent(hub, "kernel", DeliveryPolicy.LOSSLESS, 4);
        Subscription sub = kernel.subscription;
        int perProducer = 5_000;
        Thread aapl = new Thread(() -> {
            for (int i = 1; i <= perProducer; i++) {
                hub.publish(bar(AAPL, i));
            }
        });
        Thread msft = new Thread(() -> {
            for (int i = 1; i <= perProducer; i++) {
                hub.publish(bar(MSFT, i));
            }
        });
        aapl.start();
        msft.start();
        aapl.join(TimeUnit.SECONDS.toMillis(WAIT_S));
        msft.join(TimeUnit.SECONDS.toMillis(WAIT_S));
        SubscriberStats behind = sub.stats();
        assertEquals(2 * perProducer, behind.queueDepth(), "publishers were never blocked by the stuck subscriber");
        assertEquals(0, behind.dropped());
        // 4 doubled until it holds 10,000: 4 * 2^12 = 16,384
        assertEquals(16_384, behind.capacity());
        kernel.release.countDown();
        awaitDelivered(sub, 2 * perProducer + 1);
        int nextAapl = 0;
        int nextMsft = 1;
        for (MarketData e : kernel.received) {
            if (e.instrument().equals(AAPL)) {
                assertEquals(nextAapl++, e.time(), "AAPL in source order");
            } else {
                assertEquals(nextMsft++, e.time(), "MSFT in source order");
            }
        }
        assertEquals(perProducer + 1, nextAapl);
        assertEquals(perProducer + 1, nextMsft);
    }

    @Test
    void closingALosslessSubscriptionDeliversWhatIsQueuedInOrder() throws Exception {
        int n = 1_000;
        BlockingSink slow = holdingFirstEvent(hub, "etl-live", DeliveryPolicy.LOSSLESS, 16);
        Subscription sub = slow.subscription;
        for (int i = 1; i <= n; i++) {
            hub.publish(bar(AAPL, i));
        }
        Thread closer = new Thread(sub::close, "closer");
        closer.start();
        // close() unsubscribes first, then waits for the drain: from then on nothing more is taken in
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (!hub.stats().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertTrue(hub.stats().isEmpty(), "unsubscribed");
        hub.publish(bar(AAPL, n + 1));
        assertTrue(closer.isAlive(), "close() waits for the queued events");
        slow.release.countDown();
        closer.join(TimeUnit.SECONDS.toMillis(WAIT_S));
        assertFalse(closer.isAlive(), "close() returned");
        assertFalse(((SubscriberQueue) sub).threadAlive(), "delivery thread ended");
        assertFalse(slow.interrupted, "a draining sink is not interrupted");
        assertEquals(n + 1, slow.received.size(), "events 0..n, the one published after close not taken");
        for (int i = 0; i <= n; i++) {
            assertEquals(bar(AAPL, i), slow.received.get(i), "event " + i + " in order");
        }
        SubscriberStats stats = sub.stats();
        assertEquals(n + 1, stats.published());
        assertEquals(n + 1, stats.delivered());
        assertEquals(0, stats.dropped());
        assertEquals(0, stats.queueDepth());
    }

    @Test
    void closingALosslessSubscriptionPastTheStopTimeoutDropsTheRestCountedAndInterruptsTheSink() throws Exception {
        try (MarketDataFanout quick = new MarketDataFanout(Set.of(), Duration.ofMillis(100))) {
            BlockingSink stuck = holdingFirstEvent(quick, "stuck", DeliveryPolicy.LOSSLESS, 8);
            Subscription sub = stuck.subscription;
            quick.publish(bar(AAPL, 1));
            sub.close();
            assertFalse(((SubscriberQueue) sub).threadAlive(), "delivery thread ended");
            assertTrue(stuck.interrupted, "the blocked sink was interrupted");
            assertEquals(List.of(bar(AAPL, 0)), stuck.received, "nothing delivered after the stop timeout");
            assertEquals(1, sub.stats().dropped(), "event 1, queued behind the stuck sink, counted as dropped");
            assertTrue(quick.stats().isEmpty());
            quick.publish(bar(AAPL, 2));
            assertEquals(2, sub.stats().published(), "a closed subscription takes nothing more");
            // the name is free again
            quick.subscribe("stuck", DeliveryPolicy.LOSSLESS, 8, new RecordingSink(0)).close();
        }
    }

    @Test
    void closingADropOldestSubscriptionDiscardsItsQueueCounted() throws Exception {
        BlockingSink stuck = holdingFirstEvent(hub, "console", DeliveryPolicy.DROP_OLDEST, 8);
        Subscription sub = stuck.subscription;
        for (int i = 1; i <= 5; i++) {
            hub.publish(bar(AAPL, i));
        }
        sub.close();
        assertFalse(((SubscriberQueue) sub).threadAlive(), "delivery thread ended");
        assertTrue(stuck.interrupted, "the blocked sink was interrupted");
        assertEquals(List.of(bar(AAPL, 0)), stuck.received, "nothing delivered after close");
        SubscriberStats stats = sub.stats();
        assertEquals(6, stats.published());
        assertEquals(1, stats.delivered());
        assertEquals(5, stats.dropped(), "events 1-5 discarded by close, counted");
    }

    @Test
    void closingAConflatingSubscriptionDiscardsItsQueueCounted() throws Exception {
        BlockingSink stuck = holdingFirstEvent(hub, "web-console", DeliveryPolicy.CONFLATE, 8);
        Subscription sub = stuck.subscription;
        // AAPL 1 then 2 conflate into one slot; MSFT 1 takes another: two events wait
        hub.publish(bar(AAPL, 1));
        hub.publish(bar(AAPL, 2));
        hub.publish(bar(MSFT, 1));
        sub.close();
        assertFalse(((SubscriberQueue) sub).threadAlive(), "delivery thread ended");
        SubscriberStats stats = sub.stats();
        assertEquals(4, stats.published());
        assertEquals(1, stats.delivered());
        assertEquals(1, stats.conflated());
        assertEquals(2, stats.dropped(), "the two waiting slots discarded by close, counted");
    }

    @Test
    void aFailingSinkIsCountedAndKeepsReceiving() throws Exception {
        CountDownLatch all = new CountDownLatch(3);
        Subscription sub = hub.subscribe("flaky", DeliveryPolicy.LOSSLESS, 8, bar -> {
            all.countDown();
            if (bar.time() == 1) {
                throw new IllegalStateException("sink bug");
            }
        });
        for (int i = 0; i < 3; i++) {
            hub.publish(bar(AAPL, i));
        }
        assertTrue(all.await(WAIT_S, TimeUnit.SECONDS));
        awaitDelivered(sub, 3);
        assertEquals(1, sub.stats().failed());
    }

    /** A data source with its own publishing thread, as the SPI requires. */
    private static final class CountingSource implements DataSource {
        final int bars;
        final AtomicInteger starts = new AtomicInteger();
        final CountDownLatch stopped = new CountDownLatch(1);
        private Thread thread;

        CountingSource(int bars) {
            this.bars = bars;
        }

        @Override
        public String id() {
            return "counting";
        }

        @Override
        public List<Instrument> instruments() {
            return List.of(Instrument.equity("AAPL"));
        }

        @Override
        public synchronized void start(MarketDataSink sink) {
            starts.incrementAndGet();
            thread = new Thread(() -> {
                for (int i = 0; i < bars; i++) {
                    sink.onBar(bar(AAPL, i));
                }
            });
            thread.start();
        }

        @Override
        public synchronized void stop() {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(WAIT_S));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopped.countDown();
        }
    }

    @Test
    void sourcesWaitForTheAwaitedSubscriberAndStopWithTheHub() throws Exception {
        MarketDataFanout gated = new MarketDataFanout(Set.of("kernel"), Duration.ofSeconds(5));
        CountingSource source = new CountingSource(1_000);
        gated.startSource(source);
        assertEquals(0, source.starts.get(), "held until the kernel subscribes");
        assertTrue(gated.instruments().isEmpty());
        RecordingSink console = new RecordingSink(0);
        gated.subscribe("console", DeliveryPolicy.CONFLATE, 4, console);
        assertEquals(0, source.starts.get());
        RecordingSink kernel = new RecordingSink(1_000);
        Subscription kernelSub = gated.subscribe("kernel", DeliveryPolicy.LOSSLESS, 16, kernel);
        assertEquals(1, source.starts.get());
        assertEquals(List.of(Instrument.equity("AAPL")), gated.instruments());
        assertTrue(kernel.done.await(WAIT_S, TimeUnit.SECONDS), "the kernel saw the feed from its first bar");
        assertEquals(0, kernel.received.get(0).time());
        gated.close();
        assertEquals(0, source.stopped.getCount(), "source stopped by close");
        assertFalse(((SubscriberQueue) kernelSub).threadAlive());
        assertThrows(IllegalStateException.class, () -> gated.subscribe("late", DeliveryPolicy.LOSSLESS, 1, console));
    }

    @Test
    void badArgumentsNameTheField() {
        MarketDataSink sink = bar -> { };
        assertEquals("capacity: must be at least 1, was 0", assertThrows(IllegalArgumentException.class,
                () -> hub.subscribe("x", DeliveryPolicy.LOSSLESS, 0, sink)).getMessage());
        assertEquals("name: must not be blank", assertThrows(IllegalArgumentException.class,
                () -> hub.subscribe(" ", DeliveryPolicy.LOSSLESS, 1, sink)).getMessage());
        hub.subscribe("x", DeliveryPolicy.LOSSLESS, 1, sink);
        assertEquals("name: a subscription named 'x' already exists", assertThrows(IllegalArgumentException.class,
                () -> hub.subscribe("x", DeliveryPolicy.CONFLATE, 1, sink)).getMessage());
    }

    private static void awaitDelivered(Subscription sub, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (sub.stats().delivered() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(expected, sub.stats().delivered(), sub.name() + " delivered");
    }
}
