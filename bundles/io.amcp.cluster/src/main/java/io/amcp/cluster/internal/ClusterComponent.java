package io.amcp.cluster.internal;

import io.amcp.api.model.Bar;
import io.amcp.api.model.Quote;
import io.amcp.api.model.StrategyId;
import io.amcp.api.spi.MarketDataHub;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.api.spi.StrategyOwnershipGate;
import io.amcp.cluster.ClusterNode;
import io.amcp.cluster.ClusterSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Starts this process's cluster member from the PID {@code io.amcp.cluster} and registers it as a
 * {@link ClusterNode} service and its {@link StrategyOwnershipGate} for the kernel; strategies listed in
 * the configuration are registered for ownership. The shared latest quote/bar cache is fed from the
 * market data hub as its {@code cluster-cache} subscriber (CONFLATE: only the newest event per
 * instrument matters to a cache, and a slow cluster never holds up the feed).
 */
@Component(configurationPid = "io.amcp.cluster", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ClusterConfig.class)
public final class ClusterComponent {

    private final HazelcastClusterNode node;
    private final ServiceRegistration<ClusterNode> registration;
    private final ServiceRegistration<StrategyOwnershipGate> gateRegistration;
    private final MarketDataHub.Subscription cacheFeed;

    @Activate
    public ClusterComponent(ClusterConfig config, BundleContext context, @Reference MarketDataHub hub) {
        this.node = HazelcastClusterNode.start(settings(config));
        for (String s : list(config.strategies())) {
            node.ownership().register(StrategyId.of(s));
        }
        this.registration = context.registerService(ClusterNode.class, node, null);
        // the kernel binds it and runs each strategy only while this member owns it
        this.gateRegistration = context.registerService(StrategyOwnershipGate.class, node.kernelGate(), null);
        this.cacheFeed = hub.subscribe("cluster-cache", MarketDataHub.DeliveryPolicy.CONFLATE, new MarketDataSink() {
            @Override
            public void onBar(Bar bar) {
                node.marketCache().put(bar);
            }

            @Override
            public void onQuote(Quote quote) {
                node.marketCache().put(quote);
            }
        });
    }

    /** The settings the PID describes; each error names the property at fault. */
    static ClusterSettings settings(ClusterConfig config) {
        int threads = config.workerThreads() == 0 ? Runtime.getRuntime().availableProcessors() : config.workerThreads();
        return new ClusterSettings(config.clusterName(), config.memberName(), config.host(), config.port(),
                list(config.members()), Duration.ofMillis(config.leaseMillis()),
                config.quorum(), Duration.ofSeconds(config.heartbeatTimeoutSeconds()), threads);
    }

    /** A .cfg file gives a list as one comma-separated string, ConfigAdmin as an array: accept both. */
    static List<String> list(String[] values) {
        return Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(","))).map(String::trim)
                .filter(v -> !v.isEmpty()).toList();
    }

    @Deactivate
    void deactivate() {
        cacheFeed.close();
        gateRegistration.unregister();
        registration.unregister();
        node.close();
    }
}
