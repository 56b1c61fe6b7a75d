package io.amcp.stream.kafka.internal;

import io.amcp.api.model.Bar;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderView;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.api.spi.OrderEventListener;
import io.amcp.stream.kafka.EventPublisher;
import io.amcp.stream.kafka.StreamTopics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The Kafka tap of a trading node: registered as {@link OrderEventListener} and
 * {@link MarketDataSink} (service property {@code amcp.sink=kafka}), it hands every event to an
 * {@link EventPublisher}. Needs its configuration (PID {@code io.amcp.stream.kafka}) to start, so
 * that installing the bundle never points a node at a broker nobody chose.
 */
@Component(service = {OrderEventListener.class, MarketDataSink.class}, configurationPid = "io.amcp.stream.kafka",
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = "amcp.sink=kafka")
@Designate(ocd = KafkaStreamConfig.class)
public final class KafkaStreamComponent implements OrderEventListener, MarketDataSink {

    private final EventPublisher publisher;

    @Activate
    public KafkaStreamComponent(KafkaStreamConfig config) {
        this.publisher = new EventPublisher(config.bootstrapServers(), config.clientId(),
                StreamTopics.of(config.topicPrefix()), config.queueCapacity(), config.lingerMs());
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
        publisher.close();
    }
}
