package io.amcp.marketdata;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.MarketData;
import io.amcp.api.model.Quote;
import io.amcp.api.model.TradeTick;
import io.amcp.api.spi.MarketDataHub.DeliveryPolicy;
import io.amcp.api.spi.MarketDataHub.SubscriberStats;
import io.amcp.api.spi.MarketDataHub.Subscription;
import io.amcp.api.spi.MarketDataSink;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber of a {@link MarketDataFanout}: its queue (shaped by its {@link DeliveryPolicy}) and
 * the thread that delivers from it. Publishers hold the queue's lock only to enqueue; the delivery
 * thread holds it only to take a batch, never while the sink runs, so a sink that blocks stalls
 * nobody but itself.
 */
final class SubscriberQueue implements Subscription {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriberQueue.class);
    private static final int BATCH = 256;

    /** Conflation slot: one instrument's events of one type. */
    private record ConflationKey(InstrumentId instrument, Class<?> type) {
    }

    /** A conflated event and when it was enqueued. */
    private record Pending(MarketData event, long enqueuedNanos) {
    }

    private final String name;
    private final DeliveryPolicy policy;
    private final MarketDataSink sink;
    private final Duration stopTimeout;
    private final Consumer<SubscriberQueue> onClose;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Thread thread;

    // ring of LOSSLESS and DROP_OLDEST, guarded by lock
    private MarketData[] ring;
    private long[] stamps;
    private int head;
    private int size;
    // CONFLATE, guarded by lock
    private final LinkedHashMap<ConflationKey, Pending> latest;
    private final int conflationCapacity;
    // counters written under lock
    private long published;
    private long conflated;
    private long dropped;
    private boolean waiting;
    // false once closed: no more events are taken in
    private volatile boolean running = true;
    // true once nothing more is delivered: at close (CONFLATE, DROP_OLDEST) or once a LOSSLESS drain times out
    private volatile boolean stopped;
    // written by the delivery thread only
    private volatile long delivered;
    private volatile long failed;

    SubscriberQueue(String name, DeliveryPolicy policy, int capacity, MarketDataSink sink, Duration stopTimeout,
            Consumer<SubscriberQueue> onClose) {
        this.name = name;
        this.policy = policy;
        this.sink = sink;
        this.stopTimeout = stopTimeout;
        this.onClose = onClose;
        if (policy == DeliveryPolicy.CONFLATE) {
            latest = new LinkedHashMap<>();
            conflationCapacity = capacity;
        } else {
            latest = null;
            conflationCapacity = 0;
            ring = new MarketData[capacity];
            stamps = new long[capacity];
        }
        thread = new Thread(this::deliver, "amcp-md-" + name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Enqueues one event per this subscriber's policy; never waits for the subscriber. */
    void offer(MarketData event, long nowNanos) {
        lock.lock();
        try {
            if (!running) {
                return;
            }
            published++;
            if (latest != null) {
                conflate(event, nowNanos);
            } else {
                if (size == ring.length) {
                    if (policy == DeliveryPolicy.LOSSLESS) {
                        grow();
                    } else {
                        ring[head] = null;
                        head = (head + 1) % ring.length;
                        size--;
                        dropped++;
                    }
                }
                int tail = (head + size) % ring.length;
                ring[tail] = event;
                stamps[tail] = nowNanos;
                size++;
            }
            if (waiting) {
                notEmpty.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private void conflate(MarketData event, long nowNanos) {
        ConflationKey key = new ConflationKey(event.instrument(), event.getClass());
        // remove then put: the newer event goes to the back, so that the subscriber still sees each
        // instrument's events in source order (a subsequence of it)
        if (latest.remove(key) != null) {
            conflated++;
        } else if (latest.size() == conflationCapacity) {
            Iterator<Pending> eldest = latest.values().iterator();
            eldest.next();
            eldest.remove();
            dropped++;
        }
        latest.put(key, new Pending(event, nowNanos));
    }

    /** Doubles the lossless ring; logged because it means the subscriber is falling behind. */
    private void grow() {
        int capacity = ring.length;
        if (capacity > Integer.MAX_VALUE / 2) {
            throw new IllegalStateException("subscriber '" + name + "': lossless queue cannot grow past " + capacity);
        }
        MarketData[] nextRing = new MarketData[capacity * 2];
        long[] nextStamps = new long[capacity * 2];
        for (int i = 0; i < size; i++) {
            int from = (head + i) % capacity;
            nextRing[i] = ring[from];
            nextStamps[i] = stamps[from];
        }
        ring = nextRing;
        stamps = nextStamps;
        head = 0;
        LOG.warn("market data subscriber '{}' is {} events behind: lossless queue grown to {}", name, size,
                nextRing.length);
    }

    private int drainTo(MarketData[] batch) {
        int n = 0;
        if (latest != null) {
            Iterator<Pending> it = latest.values().iterator();
            while (n < batch.length && it.hasNext()) {
                batch[n++] = it.next().event();
                it.remove();
            }
        } else {
            while (n < batch.length && size > 0) {
                batch[n++] = ring[head];
                ring[head] = null;
                head = (head + 1) % ring.length;
                size--;
            }
        }
        return n;
    }

    private int depth() {
        return latest != null ? latest.size() : size;
    }

    private void deliver() {
        MarketData[] batch = new MarketData[BATCH];
        while (true) {
            int n;
            lock.lock();
            try {
                while (running && depth() == 0) {
                    waiting = true;
                    try {
                        notEmpty.await();
                    } catch (InterruptedException e) {
                        // close() interrupts; running and the depth tell whether to go on
                    } finally {
                        waiting = false;
                    }
                }
                // closed: a LOSSLESS queue is drained first, the others were discarded by close()
                if (stopped || depth() == 0) {
                    return;
                }
                n = drainTo(batch);
            } finally {
                lock.unlock();
            }
            for (int i = 0; i < n; i++) {
                if (stopped) {
                    discard(batch, i, n);
                    return;
                }
                MarketData event = batch[i];
                batch[i] = null;
                dispatch(event);
            }
        }
    }

    /** Counts the taken but undelivered events {@code batch[from, to)} as dropped, once delivery has stopped. */
    private void discard(MarketData[] batch, int from, int to) {
        Arrays.fill(batch, from, to, null);
        lock.lock();
        try {
            dropped += to - from;
        } finally {
            lock.unlock();
        }
    }

    private void dispatch(MarketData event) {
        try {
            if (event instanceof Bar bar) {
                sink.onBar(bar);
            } else if (event instanceof Quote quote) {
                sink.onQuote(quote);
            } else if (event instanceof TradeTick trade) {
                sink.onTrade(trade);
            }
        } catch (RuntimeException e) {
            failed++;
            LOG.warn("market data subscriber '{}' failed on {}: {}", name, event, e.toString());
        }
        delivered++;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DeliveryPolicy policy() {
        return policy;
    }

    @Override
    public SubscriberStats stats() {
        lock.lock();
        try {
            long lag = 0;
            int capacity;
            if (latest != null) {
                capacity = conflationCapacity;
                if (!latest.isEmpty()) {
                    lag = System.nanoTime() - latest.values().iterator().next().enqueuedNanos();
                }
            } else {
                capacity = ring.length;
                if (size > 0) {
                    lag = System.nanoTime() - stamps[head];
                }
            }
            return new SubscriberStats(name, policy, published, delivered, conflated, dropped, failed, depth(), capacity,
                    Math.max(0, lag));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops taking events and ends the delivery thread, waiting up to the hub's stop timeout for it.
     * A LOSSLESS subscription first delivers everything already queued, in order; if that takes
     * longer than the stop timeout, what is still queued is discarded, counted as dropped and logged,
     * and a blocked sink is interrupted. CONFLATE and DROP_OLDEST discard their queue at once (counted
     * as dropped) and interrupt a blocked sink. Idempotent; called from the sink itself it returns at
     * once (a LOSSLESS queue is still drained once the sink returns).
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (!running) {
                return;
            }
            running = false;
            if (policy != DeliveryPolicy.LOSSLESS) {
                stopped = true;
                dropped += clear();
            }
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
        onClose.accept(this);
        if (Thread.currentThread() == thread) {
            return;
        }
        boolean drained = policy != DeliveryPolicy.LOSSLESS || join();
        if (!drained) {
            lock.lock();
            try {
                stopped = true;
                dropped += clear();
            } finally {
                lock.unlock();
            }
        }
        thread.interrupt();
        boolean ended = join();
        if (!drained) {
            // LOSSLESS drops nothing else: every drop is an event this close did not deliver
            LOG.warn("market data subscriber '{}' did not drain its lossless queue within {} ms: {} undelivered events dropped",
                    name, stopTimeout.toMillis(), stats().dropped());
        }
        if (!ended) {
            LOG.warn("market data subscriber '{}' did not return from its sink within {} ms", name,
                    stopTimeout.toMillis());
        }
    }

    /** Empties the queue under the lock; returns how many events it held. */
    private int clear() {
        int discarded = depth();
        if (latest != null) {
            latest.clear();
        } else {
            Arrays.fill(ring, null);
            size = 0;
        }
        return discarded;
    }

    /** Waits up to the stop timeout for the delivery thread to end; whether it has. */
    private boolean join() {
        long millis = stopTimeout.toMillis();
        try {
            if (millis > 0) {
                thread.join(millis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    /** Whether the delivery thread is still alive (for tests and monitoring). */
    boolean threadAlive() {
        return thread.isAlive();
    }
}
