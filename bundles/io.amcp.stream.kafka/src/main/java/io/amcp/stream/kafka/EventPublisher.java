package io.amcp.stream.kafka;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderView;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.api.spi.OrderEventListener;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes bars, order events, fills and risk denials to Kafka ({@link StreamTopics}), keyed by
 * instrument so that one instrument's messages stay in order on one partition, as
 * {@link EventJson} messages whose Kafka timestamp is the event time.
 *
 * <p>The producer is idempotent ({@code enable.idempotence=true}, {@code acks=all}): a retried send
 * is written once. The kernel thread only enqueues: encoding and sending run on the publisher's own
 * thread, and when the queue is full the event is dropped and counted ({@link #dropped()}) rather
 * than stalling the kernel.
 */
public final class EventPublisher implements OrderEventListener, MarketDataSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

    private record Outgoing(Object event, OrderView order) {
    }

    private static final Outgoing STOP = new Outgoing("stop", null);

    private final StreamTopics topics;
    private final KafkaProducer<String, byte[]> producer;
    private final BlockingQueue<Outgoing> queue;
    private final Thread sender;
    private final AtomicLong enqueued = new AtomicLong();
    private final AtomicLong handed = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>("");

    /**
     * Starts a publisher.
     *
     * @param bootstrapServers Kafka bootstrap servers, e.g. {@code 127.0.0.1:9092}
     * @param clientId         the producer's client id
     * @param topics           where each kind of event goes
     * @param queueCapacity    events held while Kafka is slow before new ones are dropped
     * @param lingerMs         how long the producer waits to fill a batch
     */
    public EventPublisher(String bootstrapServers, String clientId, StreamTopics topics, int queueCapacity, int lingerMs) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers: must not be blank");
        }
        if (queueCapacity <= 0) {
            throw new IllegalArgumentException("queueCapacity: must be positive, was " + queueCapacity);
        }
        if (lingerMs < 0) {
            throw new IllegalArgumentException("lingerMs: must not be negative, was " + lingerMs);
        }
        this.topics = Objects.requireNonNull(topics, "topics");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(lingerMs));
        // bounds how long the publisher thread (never the kernel) waits for metadata or buffer space
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        this.producer = KafkaClients.producer(p);
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.sender = new Thread(this::drain, "amcp-kafka-publisher-" + clientId);
        sender.setDaemon(true);
        sender.start();
    }

    @Override
    public void onBar(Bar bar) {
        offer(new Outgoing(bar, null));
    }

    @Override
    public void onOrderEvent(OrderEvent event, OrderView order) {
        offer(new Outgoing(event, order));
    }

    private void offer(Outgoing o) {
        if (queue.offer(o)) {
            enqueued.incrementAndGet();
        } else if (dropped.incrementAndGet() % 1000 == 1) {
            LOG.warn("Kafka publisher queue full: {} events dropped so far", dropped.get());
        }
    }

    private void drain() {
        try {
            while (true) {
                Outgoing o = queue.take();
                if (o == STOP) {
                    return;
                }
                send(o);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(Outgoing o) {
        ProducerRecord<String, byte[]> record;
        try {
            if (o.event() instanceof Bar bar) {
                record = new ProducerRecord<>(topics.bars(), null, millis(bar.time()), bar.instrument().value(), EventJson.bar(bar));
            } else {
                OrderEvent event = (OrderEvent) o.event();
                InstrumentId instrument = EventJson.instrumentOf(event, o.order());
                record = new ProducerRecord<>(topics.topicOf(event), null, millis(event.time()),
                        instrument == null ? null : instrument.value(), EventJson.orderEvent(event, instrument, o.order()));
            }
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    acknowledged.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    lastError.set(record.topic() + ": " + error);
                    LOG.warn("Kafka send to {} failed: {}", record.topic(), error.toString());
                }
            });
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            lastError.set(e.toString());
            LOG.warn("Kafka publish of {} failed: {}", o.event().getClass().getSimpleName(), e.toString());
        } finally {
            handed.incrementAndGet();
        }
    }

    private static long millis(long nanos) {
        return Math.floorDiv(nanos, 1_000_000L);
    }

    /**
     * Waits until every event enqueued so far has been handed to the producer and the producer has
     * sent it and received the broker's answer.
     *
     * @return false when {@code timeout} passed first
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long target = enqueued.get();
        while (handed.get() < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(2);
        }
        producer.flush();
        return true;
    }

    /** Events the broker acknowledged. */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** Events that could not be encoded or sent (after the producer's retries). */
    public long failed() {
        return failed.get();
    }

    /** Events dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** The last send error, or empty. */
    public String lastError() {
        return lastError.get();
    }

    /**
     * Sends what is queued, then closes the producer (waiting at most 10 s for the broker). When the
     * publisher thread cannot take the stop signal within 5 s (Kafka unreachable, queue full) it is
     * interrupted and what is still queued is dropped.
     */
    @Override
    public void close() {
        try {
            if (!queue.offer(STOP, 5, TimeUnit.SECONDS)) {
                sender.interrupt();
            }
            sender.join(TimeUnit.SECONDS.toMillis(10));
            if (sender.isAlive()) {
                sender.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            producer.close(Duration.ofSeconds(10));
        }
    }

    /** Creates clients with this bundle's class loader as context loader (kafka-clients loads classes by name). */
    static final class KafkaClients {

        private KafkaClients() {
        }

        static KafkaProducer<String, byte[]> producer(Properties p) {
            return withBundleLoader(() -> new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()));
        }

        static <T> T withBundleLoader(java.util.function.Supplier<T> create) {
            Thread t = Thread.currentThread();
            ClassLoader previous = t.getContextClassLoader();
            t.setContextClassLoader(KafkaProducer.class.getClassLoader());
            try {
                return create.get();
            } finally {
                t.setContextClassLoader(previous);
            }
        }
    }
}
