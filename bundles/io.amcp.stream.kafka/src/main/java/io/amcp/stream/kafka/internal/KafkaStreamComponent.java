package io.amcp.stream.kafka.internal;

import io.amcp.api.model.Bar;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderView;
import io.amcp.api.spi.MarketDataHub;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.api.spi.OrderEventListener;
import io.amcp.stream.kafka.EventPublisher;
import io.amcp.stream.kafka.StreamTopics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The Kafka tap of a trading node: registered as {@link OrderEventListener} and subscribed to the
 * {@link MarketDataHub} as {@code kafka} (DROP_OLDEST, so a stalled broker costs counted drops in the
 * hub's stats, never a stalled kernel), it hands every event to an {@link EventPublisher}. Needs its configuration (PID {@code io.amcp.stream.kafka}) to start, so
 * that installing the bundle never points a node at a broker nobody chose.
 */
@Component(service = OrderEventListener.class, configurationPid = "io.amcp.stream.kafka",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = KafkaStreamConfig.class)
public final class KafkaStreamComponent implements OrderEventListener, MarketDataSink {

    private static final int HUB_QUEUE_CAPACITY = 65_536;

    private final EventPublisher publisher;
    private final MarketDataHub.Subscription feed;

    @Activate
    public KafkaStreamComponent(KafkaStreamConfig config, @Reference MarketDataHub hub) {
        this.publisher = new EventPublisher(config.bootstrapServers(), config.clientId(),
                StreamTopics.of(config.topicPrefix()), config.queueCapacity(), config.lingerMs());
        this.feed = hub.subscribe("kafka", MarketDataHub.DeliveryPolicy.DROP_OLDEST, HUB_QUEUE_CAPACITY, this);
    }

    @Override
    public void onBar(Bar bar) {
        publisher.onBar(bar);
    }

    @Override
    public void onOrderEvent(OrderEvent event, OrderView order) {
        publisher.onOrderEvent(event, order);
    }

    @Deactivate
    void deactivate() {
        feed.close();
        publisher.close();
    }
}
