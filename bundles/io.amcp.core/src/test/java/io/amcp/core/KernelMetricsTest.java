package io.amcp.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.StrategyId;
import io.amcp.api.spi.KernelMetrics;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyContext;
import io.amcp.core.journal.Journal;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The kernel's loop is held inside a strategy callback (blocked on a latch) while bars are posted:
 * the metrics must count exactly the posted-but-untaken events, report a lag at least as long as the
 * test has provably held them, and return to zero once the loop is released and has caught up.
 */
class KernelMetricsTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");
    private static final long T0 = 1_356_998_400_000_000_000L;

    /** Blocks in its first onBar until released. */
    static final class Holder implements Strategy {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile int bars;

        @Override
        public StrategyId id() {
            return StrategyId.of("holder");
        }

        @Override
        public void onStart(StrategyContext context) {
            context.subscribe(AAPL);
        }

        @Override
        public void onBar(Bar bar) {
            if (bars++ == 0) {
                entered.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void heldLoopShowsDepthLagAndCountThenDrains() throws Exception {
        Kernel kernel = new Kernel(new SimulatedClock(0), Journal.NONE, Money.of("10000"), 1.0);
        kernel.setBlockLimit(0);
        Holder holder = new Holder();
        kernel.addStrategy(holder);
        kernel.start("metrics-test");
        try {
            KernelMetrics metrics = kernel.metrics();
            kernel.post(Bar.of(AAPL, T0, 10, 11, 9, 10, 100));
            assertThat(holder.entered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(metrics.inboundQueueDepth()).isZero();
            assertThat(metrics.eventLoopLagNanos()).isZero();

            long firstPosted = System.nanoTime();
            for (int i = 1; i <= 5; i++) {
                kernel.post(Bar.of(AAPL, T0 + i * 60_000_000_000L, 10, 11, 9, 10, 100));
            }
            Thread.sleep(50);
            long heldAtLeast = System.nanoTime() - firstPosted;
            // five bars posted behind the held one, none taken
            assertThat(metrics.inboundQueueDepth()).isEqualTo(5);
            assertThat(metrics.eventLoopLagNanos()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50))
                    .isLessThanOrEqualTo(System.nanoTime() - firstPosted + TimeUnit.MILLISECONDS.toNanos(1))
                    .isGreaterThan(0);
            assertThat(heldAtLeast).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
            assertThat(metrics.eventsProcessed()).isZero();

            holder.release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (metrics.eventsProcessed() < 6 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(metrics.eventsProcessed()).isEqualTo(6);
            assertThat(metrics.inboundQueueDepth()).isZero();
            assertThat(metrics.eventLoopLagNanos()).isZero();
            assertThat(holder.bars).isEqualTo(6);
        } finally {
            kernel.stop();
        }
    }
}
