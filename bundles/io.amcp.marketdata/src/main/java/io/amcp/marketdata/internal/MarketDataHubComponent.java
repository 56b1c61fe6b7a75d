package io.amcp.marketdata.internal;

import io.amcp.api.model.Instrument;
import io.amcp.api.model.MarketData;
import io.amcp.api.spi.DataSource;
import io.amcp.api.spi.MarketDataHub;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.marketdata.MarketDataFanout;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The {@link MarketDataHub} service: takes every {@link DataSource} service and starts it into a
 * {@link MarketDataFanout} (held until the configured subscribers, by default {@code kernel}, exist).
 * Registered only as {@code MarketDataHub}, never as a {@code MarketDataSink}.
 */
@Component(service = MarketDataHub.class, immediate = true, configurationPid = "io.amcp.marketdata")
@Designate(ocd = HubConfig.class)
public final class MarketDataHubComponent implements MarketDataHub {

    private final MarketDataFanout fanout;

    @Activate
    public MarketDataHubComponent(HubConfig config) {
        if (config.stopTimeoutMillis() < 0) {
            throw new IllegalArgumentException("stopTimeoutMillis: must not be negative, was " + config.stopTimeoutMillis());
        }
        Set<String> awaited = Arrays.stream(config.awaitSubscribers()).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        this.fanout = new MarketDataFanout(awaited, Duration.ofMillis(config.stopTimeoutMillis()));
    }

    @Deactivate
    void deactivate() {
        fanout.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDataSource(DataSource source) {
        fanout.startSource(source);
    }

    void removeDataSource(DataSource source) {
        fanout.stopSource(source);
    }

    @Override
    public Subscription subscribe(String name, DeliveryPolicy policy, int capacity, MarketDataSink sink) {
        return fanout.subscribe(name, policy, capacity, sink);
    }

    @Override
    public void publish(MarketData event) {
        fanout.publish(event);
    }

    @Override
    public List<Instrument> instruments() {
        return fanout.instruments();
    }

    @Override
    public List<SubscriberStats> stats() {
        return fanout.stats();
    }
}
