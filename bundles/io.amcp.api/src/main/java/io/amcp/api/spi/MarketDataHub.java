package io.amcp.api.spi;

import io.amcp.api.model.Instrument;
import io.amcp.api.model.MarketData;
import java.util.List;

/**
 * The one place market data fans out from: every {@link DataSource} service is started into the hub,
 * and each consumer (the kernel, the web console, caches, stream publishers) subscribes with a
 * {@link DeliveryPolicy}. Each subscriber is served by its own thread from its own queue, so a slow
 * subscriber fills only its own queue and never delays the sources or the other subscribers.
 *
 * <p>Sequencing: a subscriber receives one instrument's events in the order the hub received them
 * (with {@link DeliveryPolicy#CONFLATE} or {@link DeliveryPolicy#DROP_OLDEST}, a subsequence of that
 * order). Calls into a subscriber's sink come from one thread at a time.
 */
public interface MarketDataHub {

    /** What a subscriber's queue does when the subscriber falls behind. */
    enum DeliveryPolicy {
        /**
         * Every event is delivered, in order; publishing never blocks. The queue starts at the
         * subscription's capacity and grows (doubling) while the subscriber is behind, so memory, not
         * data, is what a stalled lossless subscriber costs; its queue depth and lag show it. For the
         * trading kernel.
         */
        LOSSLESS,
        /**
         * An undelivered event is replaced by a newer one of the same instrument and type (bar, quote
         * or trade); the newer one takes the older one's place at the back of the queue. For the web
         * console and caches, which need the latest state, not every step. When more distinct
         * (instrument, type) pairs wait than the capacity, the oldest is dropped and counted.
         */
        CONFLATE,
        /** A full queue drops its oldest undelivered event, counted, to make room. */
        DROP_OLDEST
    }

    /** Queue capacity of a subscription made without one. */
    int DEFAULT_CAPACITY = 4096;

    /**
     * Subscribes {@code sink} under {@code name} (unique among current subscriptions, used in thread
     * names and monitoring).
     *
     * @param capacity the queue's capacity (the initial one for {@link DeliveryPolicy#LOSSLESS}), at least 1
     * @throws IllegalArgumentException naming the field at fault
     */
    Subscription subscribe(String name, DeliveryPolicy policy, int capacity, MarketDataSink sink);

    /** Subscribes with {@link #DEFAULT_CAPACITY}. */
    default Subscription subscribe(String name, DeliveryPolicy policy, MarketDataSink sink) {
        return subscribe(name, policy, DEFAULT_CAPACITY, sink);
    }

    /** Publishes one event to every subscriber; for producers that are not {@link DataSource} services. Never blocks. */
    void publish(MarketData event);

    /** The instruments of the data sources started into the hub. */
    List<Instrument> instruments();

    /** The figures of every current subscription, for monitoring. */
    List<SubscriberStats> stats();

    /**
     * A live subscription. Closing it stops taking new events; a LOSSLESS subscription first delivers
     * what is queued, in order, within the hub's stop time-out (past it the rest is dropped and counted),
     * while CONFLATE and DROP_OLDEST subscriptions discard their queue at once and count what they discard.
     */
    interface Subscription extends AutoCloseable {

        String name();

        DeliveryPolicy policy();

        /** The subscription's figures now. Never blocks on the subscriber. */
        SubscriberStats stats();

        /** Unsubscribes; returns once the delivery thread has ended (or a bounded wait has passed). */
        @Override
        void close();
    }

    /**
     * One subscriber's figures.
     *
     * @param name       the subscription name
     * @param policy     its delivery policy
     * @param published  events offered to this subscriber since it subscribed
     * @param delivered  events handed to its sink
     * @param conflated  events replaced by a newer one before delivery ({@link DeliveryPolicy#CONFLATE})
     * @param dropped    events dropped to make room ({@link DeliveryPolicy#DROP_OLDEST}, {@link DeliveryPolicy#CONFLATE})
     * @param failed     deliveries whose sink threw (the event counts as delivered; the subscriber keeps running)
     * @param queueDepth events waiting now
     * @param capacity   the queue's current capacity
     * @param lagNanos   how long the oldest waiting event has waited, in nanoseconds; 0 when none waits
     */
    record SubscriberStats(String name, DeliveryPolicy policy, long published, long delivered, long conflated,
            long dropped, long failed, int queueDepth, int capacity, long lagNanos) {
    }
}
