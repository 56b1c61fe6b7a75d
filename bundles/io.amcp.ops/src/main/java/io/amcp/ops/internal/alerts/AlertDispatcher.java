package io.amcp.ops.internal.alerts;

import io.amcp.api.spi.Clock;
import io.amcp.ops.Alert;
import io.amcp.ops.AlertService;
import io.amcp.ops.Severity;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link AlertService}: drops an alert whose key was raised less than the de-duplication window
 * ago, then hands it to every channel whose minimum severity it meets and whose rate limit allows,
 * on the delivery executor. A failing channel is logged and counted; the others still get the alert.
 */
public final class AlertDispatcher implements AlertService {

    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);

    /**
     * A channel with its minimum severity and its rate limit.
     *
     * @param channel   where alerts go
     * @param minimum   lowest severity it receives
     * @param perPeriod how many alerts it may send per {@code period}
     * @param period    the rate-limit period
     */
    record Route(AlertChannel channel, Severity minimum, int perPeriod, Duration period) {
    }

    private final Clock clock;
    private final long windowNanos;
    private final List<Route> routes;
    private final TokenBucket[] buckets;
    private final Executor delivery;
    private final Map<String, Long> lastRaised = new HashMap<>();
    private final Map<String, AtomicLong> sent = new HashMap<>();
    private final Map<String, AtomicLong> limited = new HashMap<>();
    private final Map<String, AtomicLong> failed = new HashMap<>();
    private final AtomicLong duplicates = new AtomicLong();

    AlertDispatcher(Clock clock, Duration dedupWindow, List<Route> routes, Executor delivery) {
        this.clock = clock;
        this.windowNanos = dedupWindow.toNanos();
        this.routes = List.copyOf(routes);
        this.buckets = new TokenBucket[this.routes.size()];
        for (int i = 0; i < buckets.length; i++) {
            Route r = this.routes.get(i);
            buckets[i] = new TokenBucket(r.perPeriod(), r.period().toNanos());
            sent.put(r.channel().name(), new AtomicLong());
            limited.put(r.channel().name(), new AtomicLong());
            failed.put(r.channel().name(), new AtomicLong());
        }
        this.delivery = delivery;
    }

    @Override
    public boolean raise(Severity severity, String source, String key, String message) {
        Alert alert = Alert.of(clock.instant(), severity, source, key, message);
        long now = clock.nanos();
        synchronized (this) {
            Long previous = lastRaised.get(alert.key());
            if (previous != null && now - previous < windowNanos) {
                duplicates.incrementAndGet();
                return false;
            }
            lastRaised.put(alert.key(), now);
            forgetOlderThan(now - windowNanos);
            for (int i = 0; i < buckets.length; i++) {
                Route route = routes.get(i);
                if (!severity.atLeast(route.minimum())) {
                    continue;
                }
                if (buckets[i].tryAcquire(now)) {
                    delivery.execute(() -> deliver(route.channel(), alert));
                } else {
                    limited.get(route.channel().name()).incrementAndGet();
                }
            }
        }
        return true;
    }

    private void forgetOlderThan(long cutoff) {
        if (lastRaised.size() < 1024) {
            return;
        }
        for (Iterator<Long> it = lastRaised.values().iterator(); it.hasNext();) {
            if (it.next() < cutoff) {
                it.remove();
            }
        }
    }

    private void deliver(AlertChannel channel, Alert alert) {
        try {
            channel.send(alert);
            sent.get(channel.name()).incrementAndGet();
        } catch (Exception e) {
            failed.get(channel.name()).incrementAndGet();
            LOG.warn("alert channel {} failed to deliver {}: {}", channel.name(), alert.key(), e.toString());
        }
    }

    /** Alerts dropped as duplicates within the window. */
    public long duplicates() {
        return duplicates.get();
    }

    /** Alerts a channel delivered. */
    public long sent(String channel) {
        return counter(sent, channel);
    }

    /** Alerts a channel skipped because of its rate limit. */
    public long rateLimited(String channel) {
        return counter(limited, channel);
    }

    /** Alerts a channel failed to deliver. */
    public long failed(String channel) {
        return counter(failed, channel);
    }

    /** The configured channels' names. */
    public List<String> channels() {
        return routes.stream().map(r -> r.channel().name()).toList();
    }

    private static long counter(Map<String, AtomicLong> counters, String channel) {
        AtomicLong c = counters.get(channel);
        if (c == null) {
            throw new IllegalArgumentException("channel: no channel named '" + channel + "'");
        }
        return c.get();
    }
}
