package io.amcp.marketdata;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.MarketDataHub.DeliveryPolicy;
import io.amcp.api.spi.MarketDataHub.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Throughput of the hub beside a reference measured in the same run: one producer thread hands
 * {@code N} prebuilt bars to one consumer through a plain {@link ArrayBlockingQueue} (capacity 4096,
 * blocking put/take), then publishes the same bars through the hub to 1 and to 4 LOSSLESS subscribers
 * (capacity 4096). A run ends when every subscriber has received all {@code N}; events/s counts
 * published events (so 4 subscribers deliver 4 times as many). Best of {@code rounds}.
 *
 * <p>Run: {@code java -cp <test classpath> io.amcp.marketdata.HubBenchmark [events] [rounds]}.
 */
public final class HubBenchmark {

    private static final int CAPACITY = 4096;

    private HubBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Bar[] bars = new Bar[1024];
        InstrumentId[] ids = {InstrumentId.of("AAPL"), InstrumentId.of("MSFT"), InstrumentId.of("SPY"), InstrumentId.of("QQQ")};
        for (int i = 0; i < bars.length; i++) {
            bars[i] = Bar.of(ids[i % ids.length], i, 100, 101, 99, 100.5, 1000);
        }
        double reference = 0;
        double one = 0;
        double four = 0;
        for (int r = 0; r < rounds; r++) {
            reference = Math.max(reference, arrayBlockingQueue(bars, n));
            one = Math.max(one, hub(bars, n, 1));
            four = Math.max(four, hub(bars, n, 4));
        }
        System.out.printf(Locale.ROOT, "events=%d rounds=%d cores=%d%n", n, rounds, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "ArrayBlockingQueue hand-off (reference): %,.0f events/s%n", reference);
        System.out.printf(Locale.ROOT, "hub, 1 LOSSLESS subscriber:              %,.0f events/s (%.2f x reference)%n", one, one / reference);
        System.out.printf(Locale.ROOT, "hub, 4 LOSSLESS subscribers:             %,.0f events/s published, %,.0f delivered (%.2f x reference)%n",
                four, 4 * four, four / reference);
    }

    private static double arrayBlockingQueue(Bar[] bars, int n) throws InterruptedException {
        ArrayBlockingQueue<Bar> queue = new ArrayBlockingQueue<>(CAPACITY);
        LongAdder sum = new LongAdder();
        Thread consumer = new Thread(() -> {
            try {
                for (int i = 0; i < n; i++) {
                    sum.add(queue.take().time());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long start = System.nanoTime();
        consumer.start();
        for (int i = 0; i < n; i++) {
            queue.put(bars[i & (bars.length - 1)]);
        }
        consumer.join();
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static double hub(Bar[] bars, int n, int subscribers) throws InterruptedException {
        try (MarketDataFanout hub = new MarketDataFanout(Set.of(), Duration.ofSeconds(5))) {
            CountDownLatch done = new CountDownLatch(subscribers);
            List<Subscription> subs = new ArrayList<>();
            for (int s = 0; s < subscribers; s++) {
                long[] received = {0};
                subs.add(hub.subscribe("bench-" + s, DeliveryPolicy.LOSSLESS, CAPACITY, bar -> {
                    if (++received[0] == n) {
                        done.countDown();
                    }
                }));
            }
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                hub.publish(bars[i & (bars.length - 1)]);
            }
            if (!done.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("subscribers did not finish: " + hub.stats());
            }
            return n / ((System.nanoTime() - start) / 1e9);
        }
    }
}
