package io.amcp.marketdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.amcp.api.model.Bar;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quote;
import io.amcp.api.model.StrategyId;
import io.amcp.api.model.TradeTick;
import io.amcp.api.spi.MarketDataHub.DeliveryPolicy;
import io.amcp.api.spi.MarketDataHub.SubscriberStats;
import io.amcp.api.spi.MarketDataHub.Subscription;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyContext;
import io.amcp.core.Kernel;
import io.amcp.core.SimulatedClock;
import io.amcp.core.journal.Journal;
import io.amcp.datasource.file.internal.FileReplaySource;
import io.amcp.datasource.file.internal.ReplayConfig;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The kernel-integration plan, proven: a real {@link Kernel} subscribed LOSSLESS to the hub under the
 * name {@code kernel}, the real file replay source started by the hub (held until the kernel
 * subscribed), and a console-like CONFLATE subscriber that hangs for the whole replay. The kernel's
 * strategy still receives every bar of the dataset, in order.
 */
class KernelThroughHubTest {

    /**
     * appleinc_bars_from_20130101_usd.csv (ta4j-examples, bundled by io.amcp.datasource.file): 252
     * daily rows, first close 549.03 (2013-01-02), last close 561.02 (2013-12-31), read off the file.
     */
    private static final int AAPL_2013_BARS = 252;
    private static final long FIRST_CLOSE = FixedPoint.fromDouble(549.03);
    private static final long LAST_CLOSE = FixedPoint.fromDouble(561.02);

    /** A strategy that records the closes it is shown; runs on the kernel thread. */
    private static final class RecordingStrategy implements Strategy {
        final List<Long> closes = new ArrayList<>();
        final List<Long> times = new ArrayList<>();
        final CountDownLatch all = new CountDownLatch(AAPL_2013_BARS);

        @Override
        public StrategyId id() {
            return StrategyId.of("recorder");
        }

        @Override
        public void onStart(StrategyContext context) {
            context.subscribe(InstrumentId.of("AAPL"));
        }

        @Override
        public void onBar(Bar bar) {
            closes.add(bar.close());
            times.add(bar.time());
            all.countDown();
        }
    }

    /** KernelComponent's sink, as the plan has it: posts into the kernel's inbound queue. */
    private record KernelSink(Kernel kernel) implements MarketDataSink {
        @Override
        public void onBar(Bar bar) {
            kernel.post(bar);
        }

        @Override
        public void onQuote(Quote quote) {
            kernel.post(quote);
        }

        @Override
        public void onTrade(TradeTick trade) {
            kernel.post(trade);
        }
    }

    private static ReplayConfig replay(String dataset, double barsPerSecond) {
        return new ReplayConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ReplayConfig.class;
            }

            @Override
            public String dataset() {
                return dataset;
            }

            @Override
            public double barsPerSecond() {
                return barsPerSecond;
            }

            @Override
            public boolean loop() {
                return false;
            }

            @Override
            public String csvDirectory() {
                return "";
            }
        };
    }

    @Test
    void theKernelsStrategyGetsEveryBarWhileTheConsoleHangs() throws Exception {
        Kernel kernel = new Kernel(new SimulatedClock(0), Journal.NONE, Money.of("100000"), 1.0);
        RecordingStrategy strategy = new RecordingStrategy();
        kernel.addStrategy(strategy);
        kernel.start("amcp-kernel-test");
        MarketDataFanout hub = new MarketDataFanout(Set.of("kernel"), Duration.ofSeconds(5));
        CountDownLatch consoleEntered = new CountDownLatch(1);
        CountDownLatch consoleRelease = new CountDownLatch(1);
        try {
            hub.startSource(new FileReplaySource(replay("aapl-2013", 100_000)));
            Subscription console = hub.subscribe("console", DeliveryPolicy.CONFLATE, 64, bar -> {
                if (consoleEntered.getCount() > 0) {
                    consoleEntered.countDown();
                    try {
                        consoleRelease.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            // KernelComponent's plan: register the hub's instruments, subscribe LOSSLESS as "kernel"
            Subscription kernelSub = hub.subscribe("kernel", DeliveryPolicy.LOSSLESS, 1024, new KernelSink(kernel));
            hub.instruments().forEach(kernel::registerInstrument);

            assertTrue(strategy.all.await(30, TimeUnit.SECONDS), "strategy received all 252 bars");
            assertTrue(consoleEntered.await(5, TimeUnit.SECONDS));
            assertEquals(1, consoleRelease.getCount(), "the console was stuck the whole time");
            List<Long> closes = kernel.call(() -> List.copyOf(strategy.closes));
            List<Long> times = kernel.call(() -> List.copyOf(strategy.times));
            assertEquals(AAPL_2013_BARS, closes.size());
            assertEquals(FIRST_CLOSE, closes.get(0));
            assertEquals(LAST_CLOSE, closes.get(AAPL_2013_BARS - 1));
            for (int i = 1; i < times.size(); i++) {
                assertTrue(times.get(i) > times.get(i - 1), "bars in source order at " + i);
            }
            // the hub counts a bar delivered once the kernel's sink returns, which may be after the strategy saw it
            long countedBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (kernelSub.stats().delivered() < AAPL_2013_BARS && System.nanoTime() < countedBy) {
                Thread.sleep(1);
            }
            SubscriberStats k = kernelSub.stats();
            assertEquals(AAPL_2013_BARS, k.published());
            assertEquals(AAPL_2013_BARS, k.delivered());
            assertEquals(0, k.dropped() + k.conflated());
            // the console: one bar stuck in its sink, the newest waiting, the 250 between conflated away
            SubscriberStats c = console.stats();
            assertEquals(AAPL_2013_BARS, c.published());
            assertEquals(0, c.delivered());
            assertEquals(1, c.queueDepth());
            assertEquals(AAPL_2013_BARS - 2, c.conflated());
        } finally {
            consoleRelease.countDown();
            hub.close();
            kernel.stop();
        }
    }
}
