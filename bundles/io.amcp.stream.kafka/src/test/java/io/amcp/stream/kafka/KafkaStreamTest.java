package io.amcp.stream.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.Bar;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.OrderId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderAccepted;
import io.amcp.api.order.OrderDenied;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.Clock;
import io.amcp.backtest.BacktestEngine;
import io.amcp.backtest.BacktestRun;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.datasource.file.BundledDatasets;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.spi.RiskContext;
import io.amcp.api.spi.RiskDecision;
import io.amcp.api.spi.RiskRule;
import io.amcp.core.Kernel;
import io.amcp.core.KernelListener;
import io.amcp.core.SimulatedClock;
import io.amcp.core.journal.Journal;
import io.amcp.marketdata.MarketDataFanout;
import io.amcp.strategy.smacross.SmaCrossStrategy;
import io.amcp.stream.kafka.internal.KafkaStreamComponent;
import io.amcp.stream.kafka.internal.KafkaStreamConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Publishing and replay against a real Kafka 4.1 broker (KRaft) started in this JVM on 127.0.0.1. */
@Timeout(120)
class KafkaStreamTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");
    private static final InstrumentId MSFT = InstrumentId.of("MSFT");

    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;
    static Admin admin;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = new EmbeddedKafka(dir.resolve("kafka"), 3);
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        admin = Admin.create(p);
    }

    @AfterAll
    static void stopBroker() {
        admin.close(Duration.ofSeconds(5));
        kafka.close();
    }

    private static void createTopics(StreamTopics topics, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(topics.bars(), partitions, (short) 1),
                new NewTopic(topics.orders(), partitions, (short) 1), new NewTopic(topics.fills(), partitions, (short) 1),
                new NewTopic(topics.risk(), partitions, (short) 1))).all().get();
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (out.size() < expected && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    private static String text(ConsumerRecord<String, byte[]> r) {
        return new String(r.value(), StandardCharsets.UTF_8);
    }

    @Test
    void barsOrdersFillsAndRiskDenialsGoToTheirTopicsKeyedByInstrument() throws Exception {
        StreamTopics topics = StreamTopics.of("t1");
        createTopics(topics, 3);
        long t0 = Clock.toNanos(Instant.parse("2024-03-01T14:31:00Z"));
        ClientOrderId buy = ClientOrderId.of("c-1");
        try (EventPublisher publisher = new EventPublisher(kafka.bootstrapServers(), "test-1", topics, 1000, 0)) {
            publisher.onBar(Bar.of(AAPL, t0, 180.5, 181.25, 180.0, 181.0, 1200));
            publisher.onBar(Bar.of(MSFT, t0, 410.0, 411.0, 409.5, 410.75, 800));
            publisher.onOrderEvent(new OrderAccepted(buy, OrderId.of("v-9"), t0 + 1_000), null);
            publisher.onOrderEvent(new OrderFilled(buy, "x-77", AAPL, Side.BUY, Quantity.of(10), Price.of("181.25"),
                    Money.of("0.35"), t0 + 2_000), null);
            publisher.onOrderEvent(new OrderDenied(ClientOrderId.of("c-2"), StrategyId.of("sma"),
                    SubmitOrder.market(MSFT, Side.SELL, Quantity.of(5000)), "max-position",
                    "position 5000 above limit 1000", t0 + 3_000), null);
            assertThat(publisher.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(publisher.acknowledged()).isEqualTo(5);
            assertThat(publisher.failed()).isZero();
        }

        List<ConsumerRecord<String, byte[]>> bars = readAll(topics.bars(), 2);
        assertThat(bars).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("AAPL", "MSFT");
        ConsumerRecord<String, byte[]> aapl = bars.stream().filter(r -> r.key().equals("AAPL")).findFirst().orElseThrow();
        assertThat(aapl.timestamp()).isEqualTo(Instant.parse("2024-03-01T14:31:00Z").toEpochMilli());
        assertThat(text(aapl)).isEqualTo("{\"schemaVersion\":1,\"type\":\"bar\",\"instrument\":\"AAPL\",\"time\":" + t0
                + ",\"open\":\"180.5\",\"high\":\"181.25\",\"low\":\"180\",\"close\":\"181\",\"volume\":\"1200\"}");

        // the accepted event does not name the instrument and the OMS view was not given: no key, still published
        List<ConsumerRecord<String, byte[]>> orders = readAll(topics.orders(), 1);
        assertThat(orders).hasSize(1);
        assertThat(text(orders.get(0))).contains("\"type\":\"OrderAccepted\"", "\"orderId\":\"v-9\"");

        List<ConsumerRecord<String, byte[]>> fills = readAll(topics.fills(), 1);
        assertThat(fills).extracting(ConsumerRecord::key).containsExactly("AAPL");
        assertThat(text(fills.get(0))).contains("\"schemaVersion\":1", "\"type\":\"OrderFilled\"", "\"tradeId\":\"x-77\"",
                "\"side\":\"BUY\"", "\"quantity\":\"10\"", "\"price\":\"181.25\"", "\"commission\":\"0.35\"");

        List<ConsumerRecord<String, byte[]>> risk = readAll(topics.risk(), 1);
        assertThat(risk).extracting(ConsumerRecord::key).containsExactly("MSFT");
        assertThat(text(risk.get(0))).contains("\"type\":\"OrderDenied\"", "\"rule\":\"max-position\"",
                "\"reason\":\"position 5000 above limit 1000\"", "\"strategyId\":\"sma\"");

        // the broker tracks an idempotent producer id for the partition the fill went to
        TopicPartition fillPartition = new TopicPartition(topics.fills(), fills.get(0).partition());
        List<ProducerState> producers = admin.describeProducers(List.of(fillPartition)).all().get()
                .get(fillPartition).activeProducers();
        assertThat(producers).hasSize(1);
        assertThat(producers.get(0).producerId()).isNotNegative();
    }

    @Test
    void aTopicReplaysIntoTheSameBacktestAsTheSourceData() throws Exception {
        StreamTopics topics = StreamTopics.of("t2");
        createTopics(topics, 2);
        BarSeries aapl = new BundledDatasets().load(BundledDatasets.AAPL_2013).get(0);
        try (EventPublisher publisher = new EventPublisher(kafka.bootstrapServers(), "test-2", topics, 10_000, 5)) {
            for (int i = 0; i < aapl.size(); i++) {
                publisher.onBar(aapl.bar(i));
            }
            // a republished bar (same instrument and time) must not count twice
            publisher.onBar(aapl.bar(10));
            assertThat(publisher.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(publisher.acknowledged()).isEqualTo(aapl.size() + 1L);
        }
        TopicReplay replay = new TopicReplay(kafka.bootstrapServers(), "replay", Duration.ofSeconds(30));

        List<BarSeries> back = replay.bars(topics.bars(), ReplayRange.all());
        assertThat(back).hasSize(1);
        assertThat(back.get(0).time()).isEqualTo(aapl.time());
        assertThat(back.get(0).open()).isEqualTo(aapl.open());
        assertThat(back.get(0).close()).isEqualTo(aapl.close());
        assertThat(back.get(0).volume()).isEqualTo(aapl.volume());

        BacktestRun direct = new BacktestEngine(Money.of("10000"), 1.0, List.of()).run(List.of(aapl),
                new SmaCrossStrategy(StrategyId.of("s"), AAPL, 10, 30, Quantity.of(10)),
                (Clock c) -> new PaperExchange(c, PaperSettings.FRICTIONLESS), null);
        BacktestRun replayed = replay.backtest(topics.bars(), ReplayRange.all(),
                new BacktestEngine(Money.of("10000"), 1.0, List.of()),
                new SmaCrossStrategy(StrategyId.of("s"), AAPL, 10, 30, Quantity.of(10)),
                (Clock c) -> new PaperExchange(c, PaperSettings.FRICTIONLESS));
        assertThat(direct.fills()).isNotEmpty();
        assertThat(replayed.fills()).extracting(f -> f.side() + "@" + f.price() + "@" + f.time())
                .isEqualTo(direct.fills().stream().map(f -> f.side() + "@" + f.price() + "@" + f.time()).toList());
        assertThat(replayed.equity()).isEqualTo(direct.equity());

        // a time range: the second quarter of 2013, counted on the source arrays by hand
        Instant from = Instant.parse("2013-04-01T00:00:00Z");
        Instant to = Instant.parse("2013-07-01T00:00:00Z");
        long expected = 0;
        for (long t : aapl.time()) {
            if (t >= Clock.toNanos(from) && t < Clock.toNanos(to)) {
                expected++;
            }
        }
        List<BarSeries> quarter = replay.bars(topics.bars(), ReplayRange.byTime(from, to));
        assertThat(quarter.get(0).size()).isEqualTo(expected);
        assertThat(Clock.toInstant(quarter.get(0).time()[0])).isAfterOrEqualTo(from);
        assertThat(Clock.toInstant(quarter.get(0).time()[quarter.get(0).size() - 1])).isBefore(to);

        // an offset range: one instrument lands on one partition, so offsets 0..19 are its first 20 bars
        List<BarSeries> first20 = replay.bars(topics.bars(), ReplayRange.byOffset(0, 20));
        assertThat(first20.get(0).time()).isEqualTo(java.util.Arrays.copyOf(aapl.time(), 20));
    }

    /**
     * The SMA crossover strategy trades AAPL 2013 through the real kernel and paper exchange, with a
     * risk rule that refuses every order from July on; the publisher is tapped in as the kernel's
     * OSGi component taps an {@code OrderEventListener} and as a market-data sink. What the kernel
     * emitted, counted by a listener of its own, is what lands on the topics.
     */
    @Test
    void aKernelSessionLandsOnTheTopics() throws Exception {
        StreamTopics topics = StreamTopics.of("t5");
        createTopics(topics, 2);
        BarSeries aapl = new BundledDatasets().load(BundledDatasets.AAPL_2013).get(0);
        long july = Clock.toNanos(Instant.parse("2013-07-01T00:00:00Z"));
        SimulatedClock clock = new SimulatedClock(aapl.time()[0] - 1);
        Kernel kernel = new Kernel(clock, Journal.NONE, Money.of("100000"), 1.0);
        kernel.registerInstrument(aapl.instrument());
        PaperExchange venue = new PaperExchange((Clock) clock, PaperSettings.FRICTIONLESS);
        kernel.addBroker(venue);
        kernel.addMarketDataSink(venue);
        kernel.addRiskRule(new RiskRule() {
            @Override
            public String name() {
                return "first-half-only";
            }

            @Override
            public RiskDecision check(SubmitOrder order, StrategyId strategy, RiskContext context) {
                return context.clock().nanos() >= july ? RiskDecision.reject(name(), "no new orders from July 2013")
                        : RiskDecision.APPROVED;
            }
        });
        int[] fills = {0};
        int[] denials = {0};
        int[] others = {0};
        try (EventPublisher publisher = new EventPublisher(kafka.bootstrapServers(), "node", topics, 10_000, 5)) {
            kernel.addMarketDataSink(publisher);
            kernel.addListener(new KernelListener() {
                @Override
                public void onOrderEvent(OrderEvent event) {
                    publisher.onOrderEvent(event, kernel.orderManager().view(event.clientOrderId()));
                    if (event instanceof OrderFilled) {
                        fills[0]++;
                    } else if (event instanceof OrderDenied) {
                        denials[0]++;
                    } else {
                        others[0]++;
                    }
                }
            });
            kernel.addStrategy(new SmaCrossStrategy(StrategyId.of("sma"), AAPL, 10, 30, Quantity.of(100)));
            for (int i = 0; i < aapl.size(); i++) {
                kernel.processBar(aapl.bar(i));
            }
            assertThat(publisher.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(publisher.dropped()).isZero();
        }
        assertThat(fills[0]).isPositive();
        assertThat(denials[0]).isPositive();
        assertThat(readAll(topics.bars(), aapl.size())).hasSize(aapl.size());
        List<ConsumerRecord<String, byte[]>> fillRecords = readAll(topics.fills(), fills[0]);
        assertThat(fillRecords).hasSize(fills[0]).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo("AAPL");
            assertThat(text(r)).contains("\"status\":\"FILLED\"", "\"strategyId\":\"sma\"");
            assertThat(r.timestamp()).isLessThan(july / 1_000_000);
        });
        assertThat(readAll(topics.risk(), denials[0])).hasSize(denials[0])
                .allSatisfy(r -> assertThat(text(r)).contains("\"rule\":\"first-half-only\""));
        assertThat(readAll(topics.orders(), others[0])).hasSize(others[0]);
    }

    @Test
    void theDsComponentPublishesWithItsConfiguration() throws Exception {
        KafkaStreamConfig config = new KafkaStreamConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return KafkaStreamConfig.class;
            }

            @Override
            public String bootstrapServers() {
                return kafka.bootstrapServers();
            }

            @Override
            public String topicPrefix() {
                return "t4";
            }

            @Override
            public String clientId() {
                return "node-test";
            }

            @Override
            public int queueCapacity() {
                return 100;
            }

            @Override
            public int lingerMs() {
                return 0;
            }
        };
        createTopics(StreamTopics.of("t4"), 1);
        MarketDataFanout hub = new MarketDataFanout();
        KafkaStreamComponent component = new KafkaStreamComponent(config, hub);
        long t = Clock.toNanos(Instant.parse("2024-03-01T15:00:00Z"));
        hub.publish(Bar.of(MSFT, t, 410.0, 411.0, 409.5, 410.75, 800));
        List<ConsumerRecord<String, byte[]>> bars = readAll("t4.bars", 1);
        assertThat(bars).extracting(ConsumerRecord::key).containsExactly("MSFT");
        assertThat(EventJson.parseBar(bars.get(0).value(), "t4.bars")).isEqualTo(Bar.of(MSFT, t, 410.0, 411.0, 409.5, 410.75, 800));
        java.lang.reflect.Method deactivate = KafkaStreamComponent.class.getDeclaredMethod("deactivate");
        deactivate.setAccessible(true);
        deactivate.invoke(component);
        hub.close();
    }

    @Test
    void badMessagesAndRangesAreNamed() throws Exception {
        StreamTopics topics = StreamTopics.of("t3");
        createTopics(topics, 1);
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(p,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topics.bars(), "AAPL",
                    "{\"schemaVersion\":1,\"type\":\"bar\",\"instrument\":\"AAPL\",\"time\":1,\"open\":\"x\"}"
                            .getBytes(StandardCharsets.UTF_8))).get();
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topics.risk(), "AAPL",
                    "{\"schemaVersion\":2,\"type\":\"bar\"}".getBytes(StandardCharsets.UTF_8))).get();
        }
        TopicReplay replay = new TopicReplay(kafka.bootstrapServers(), "replay-bad", Duration.ofSeconds(20));
        assertThatThrownBy(() -> replay.bars(topics.bars(), ReplayRange.all()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("t3.bars-0@0: field 'open' is not a decimal: 'x'");
        assertThatThrownBy(() -> replay.bars(topics.risk(), ReplayRange.all()))
                .hasMessage("t3.risk-0@0: schemaVersion 2 is newer than 1, which this reader knows");
        assertThatThrownBy(() -> ReplayRange.byOffset(5, 5)).hasMessageStartingWith("toOffset:");
        assertThatThrownBy(() -> StreamTopics.of("bad prefix")).hasMessageStartingWith("topicPrefix:");
    }
}
