package io.amcp.stream.kafka;

import io.amcp.api.model.Bar;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.api.spi.Strategy;
import io.amcp.backtest.BacktestEngine;
import io.amcp.backtest.BacktestRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a range of a bar topic back into columnar series and replays it into a backtest. The
 * consumer is assigned every partition (no consumer group, nothing committed), so a replay never
 * disturbs live consumers and can be repeated.
 */
public final class TopicReplay {

    private final String bootstrapServers;
    private final String clientId;
    private final Duration timeout;

    /**
     * @param bootstrapServers Kafka bootstrap servers
     * @param clientId         the consumer's client id
     * @param timeout          the longest a replay may take before it fails
     */
    public TopicReplay(String bootstrapServers, String clientId, Duration timeout) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers: must not be blank");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout: must be positive, was " + timeout);
        }
        this.bootstrapServers = bootstrapServers;
        this.clientId = clientId;
        this.timeout = timeout;
    }

    /**
     * The bars of {@code range} in {@code topic}, one series per instrument in time order. A bar
     * published twice for the same instrument and time (a republished day) counts once, the later
     * message winning.
     *
     * @throws IllegalArgumentException when the topic does not exist or a message is not a valid bar
     *                                  message (naming partition and offset)
     * @throws IllegalStateException    when the replay takes longer than the timeout
     */
    public List<BarSeries> bars(String topic, ReplayRange range) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long fromNanos = range.byTime() ? Clock.toNanos(range.from()) : Long.MIN_VALUE;
        long toNanos = range.byTime() ? Clock.toNanos(range.to()) : Long.MAX_VALUE;
        Map<InstrumentId, TreeMap<Long, Bar>> byInstrument = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalArgumentException("topic: '" + topic + "' does not exist on " + bootstrapServers);
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Map<TopicPartition, Long> stop = new HashMap<>();
            Map<TopicPartition, Long> start = new HashMap<>();
            if (range.byTime()) {
                Map<TopicPartition, Long> fromMs = new HashMap<>();
                Map<TopicPartition, Long> toMs = new HashMap<>();
                for (TopicPartition tp : partitions) {
                    fromMs.put(tp, Math.floorDiv(fromNanos, 1_000_000L));
                    toMs.put(tp, Math.floorDiv(toNanos - 1, 1_000_000L) + 1);
                }
                Map<TopicPartition, OffsetAndTimestamp> first = consumer.offsetsForTimes(fromMs, timeout);
                Map<TopicPartition, OffsetAndTimestamp> last = consumer.offsetsForTimes(toMs, timeout);
                for (TopicPartition tp : partitions) {
                    start.put(tp, first.get(tp) == null ? end.get(tp) : first.get(tp).offset());
                    stop.put(tp, last.get(tp) == null ? end.get(tp) : last.get(tp).offset());
                }
            } else {
                for (TopicPartition tp : partitions) {
                    start.put(tp, Math.min(end.get(tp), Math.max(range.fromOffset(), begin.get(tp))));
                    stop.put(tp, Math.min(end.get(tp), range.toOffset()));
                }
            }
            List<TopicPartition> open = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, start.get(tp));
                if (start.get(tp) < stop.get(tp)) {
                    open.add(tp);
                }
            }
            consumer.pause(partitions.stream().filter(tp -> !open.contains(tp)).toList());
            while (!open.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("replay of " + topic + " did not finish within " + timeout
                            + "; partitions still open: " + open);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() >= stop.get(tp)) {
                        continue;
                    }
                    Bar bar = EventJson.parseBar(r.value(), topic + "-" + r.partition() + "@" + r.offset());
                    if (bar.time() >= fromNanos && bar.time() < toNanos) {
                        byInstrument.computeIfAbsent(bar.instrument(), k -> new TreeMap<>()).put(bar.time(), bar);
                    }
                }
                for (TopicPartition tp : List.copyOf(open)) {
                    if (consumer.position(tp, timeout) >= stop.get(tp)) {
                        open.remove(tp);
                        consumer.pause(List.of(tp));
                    }
                }
            }
        }
        List<BarSeries> out = new ArrayList<>();
        byInstrument.forEach((id, bars) -> out.add(series(id, bars)));
        return out;
    }

    /**
     * Replays the bars of {@code range} in {@code topic} through {@code engine}.
     *
     * @throws IllegalArgumentException when the range holds no bars
     */
    public <V extends BrokerConnector & MarketDataSink> BacktestRun backtest(String topic, ReplayRange range,
            BacktestEngine engine, Strategy strategy, Function<Clock, V> venue) {
        List<BarSeries> data = bars(topic, range);
        if (data.isEmpty()) {
            throw new IllegalArgumentException("range: " + topic + " holds no bars in " + range);
        }
        return engine.run(data, strategy, venue, null);
    }

    private static BarSeries series(InstrumentId id, TreeMap<Long, Bar> bars) {
        int n = bars.size();
        long[] time = new long[n];
        long[] open = new long[n];
        long[] high = new long[n];
        long[] low = new long[n];
        long[] close = new long[n];
        long[] volume = new long[n];
        int i = 0;
        for (Bar b : bars.values()) {
            time[i] = b.time();
            open[i] = b.open();
            high[i] = b.high();
            low[i] = b.low();
            close[i] = b.close();
            volume[i] = b.volume();
            i++;
        }
        return new BarSeries(Instrument.infer(id), time, open, high, low, close, volume);
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return EventPublisher.KafkaClients.withBundleLoader(
                () -> new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer()));
    }
}
