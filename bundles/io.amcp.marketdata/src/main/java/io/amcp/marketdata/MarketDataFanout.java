package io.amcp.marketdata;

import io.amcp.api.model.Bar;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.MarketData;
import io.amcp.api.model.Quote;
import io.amcp.api.model.TradeTick;
import io.amcp.api.spi.DataSource;
import io.amcp.api.spi.MarketDataHub;
import io.amcp.api.spi.MarketDataSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process {@link MarketDataHub}: data sources publish into it from their own threads; each
 * event is offered to every subscriber's queue (a lock held for one enqueue, no waiting on any
 * subscriber), and each subscriber's own thread delivers from its queue.
 *
 * <p>Sources can be held back until named subscribers exist ({@code awaited}, e.g. {@code kernel}),
 * so that a lossless subscriber such as the trading kernel sees a feed from its first event.
 * Usable outside OSGi (backtests, tests); inside Karaf it runs as the {@code io.amcp.marketdata}
 * component.
 */
public final class MarketDataFanout implements MarketDataHub, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MarketDataFanout.class);

    private final Set<String> awaited;
    private final Duration stopTimeout;
    private final MarketDataSink intake = new Intake();
    private final Map<DataSource, List<Instrument>> started = new IdentityHashMap<>();
    private final List<DataSource> held = new ArrayList<>();
    private volatile SubscriberQueue[] subscribers = new SubscriberQueue[0];
    private boolean closed;

    /**
     * @param awaited     subscription names that must exist before any data source is started (may be empty)
     * @param stopTimeout how long unsubscribing waits for a subscriber's sink to return
     */
    public MarketDataFanout(Set<String> awaited, Duration stopTimeout) {
        this.awaited = Set.copyOf(Objects.requireNonNull(awaited, "awaited"));
        this.stopTimeout = Objects.requireNonNull(stopTimeout, "stopTimeout");
        if (stopTimeout.isNegative()) {
            throw new IllegalArgumentException("stopTimeout: must not be negative, was " + stopTimeout);
        }
    }

    /** A hub that starts sources at once and waits up to 5 s for a sink on unsubscribe. */
    public MarketDataFanout() {
        this(Set.of(), Duration.ofSeconds(5));
    }

    @Override
    public synchronized Subscription subscribe(String name, DeliveryPolicy policy, int capacity, MarketDataSink sink) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: must not be blank");
        }
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(sink, "sink");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity: must be at least 1, was " + capacity);
        }
        if (closed) {
            throw new IllegalStateException("market data hub is closed");
        }
        if (Arrays.stream(subscribers).anyMatch(s -> s.name().equals(name))) {
            throw new IllegalArgumentException("name: a subscription named '" + name + "' already exists");
        }
        SubscriberQueue queue = new SubscriberQueue(name, policy, capacity, sink, stopTimeout, this::remove);
        queue.start();
        SubscriberQueue[] next = Arrays.copyOf(subscribers, subscribers.length + 1);
        next[next.length - 1] = queue;
        subscribers = next;
        LOG.info("market data subscriber '{}' ({}, capacity {}) subscribed", name, policy, capacity);
        startHeldSources();
        return queue;
    }

    private synchronized void remove(SubscriberQueue queue) {
        subscribers = Arrays.stream(subscribers).filter(s -> s != queue).toArray(SubscriberQueue[]::new);
        LOG.info("market data subscriber '{}' unsubscribed", queue.name());
    }

    @Override
    public void publish(MarketData event) {
        Objects.requireNonNull(event, "event");
        long now = System.nanoTime();
        for (SubscriberQueue s : subscribers) {
            s.offer(event, now);
        }
    }

    /** The sink data sources publish into. */
    public MarketDataSink intake() {
        return intake;
    }

    /** Starts {@code source} into the hub now, or once every awaited subscriber exists. */
    public synchronized void startSource(DataSource source) {
        Objects.requireNonNull(source, "source");
        if (closed || started.containsKey(source) || held.contains(source)) {
            return;
        }
        if (!awaitedPresent()) {
            held.add(source);
            LOG.info("data source {} held until subscribers {} exist", source.id(), awaited);
            return;
        }
        start(source);
    }

    /** Stops {@code source} (or forgets it if it was held). */
    public synchronized void stopSource(DataSource source) {
        held.remove(source);
        if (started.remove(source) != null) {
            source.stop();
            LOG.info("data source {} stopped", source.id());
        }
    }

    private void start(DataSource source) {
        started.put(source, List.copyOf(source.instruments()));
        source.start(intake);
        LOG.info("data source {} started into the market data hub", source.id());
    }

    private void startHeldSources() {
        if (held.isEmpty() || !awaitedPresent()) {
            return;
        }
        List<DataSource> now = List.copyOf(held);
        held.clear();
        now.forEach(this::start);
    }

    private boolean awaitedPresent() {
        Set<String> names = new LinkedHashSet<>();
        for (SubscriberQueue s : subscribers) {
            names.add(s.name());
        }
        return names.containsAll(awaited);
    }

    @Override
    public synchronized List<Instrument> instruments() {
        return started.values().stream().flatMap(List::stream).distinct().toList();
    }

    @Override
    public List<SubscriberStats> stats() {
        return Arrays.stream(subscribers).map(SubscriberQueue::stats).toList();
    }

    /** Stops every source, then closes every subscription (their threads end). */
    @Override
    public void close() {
        List<DataSource> sources;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            sources = List.copyOf(started.keySet());
            started.clear();
            held.clear();
        }
        for (DataSource source : sources) {
            try {
                source.stop();
            } catch (RuntimeException e) {
                LOG.warn("data source {} failed to stop: {}", source.id(), e.toString());
            }
        }
        for (SubscriberQueue s : subscribers) {
            s.close();
        }
    }

    /** Data sources' entry: every event goes to {@link #publish}. */
    private final class Intake implements MarketDataSink {
        @Override
        public void onBar(Bar bar) {
            publish(bar);
        }

        @Override
        public void onQuote(Quote quote) {
            publish(quote);
        }

        @Override
        public void onTrade(TradeTick trade) {
            publish(trade);
        }
    }
}
