package io.amcp.cluster.internal;

import io.amcp.api.model.StrategyId;
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
import org.osgi.service.metatype.annotations.Designate;

/**
 * Starts this process's cluster member from the PID {@code io.amcp.cluster} and registers it as a
 * {@link ClusterNode} service and its {@link StrategyOwnershipGate} for the kernel; strategies listed in
 * the configuration are registered for ownership.
 */
@Component(configurationPid = "io.amcp.cluster", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ClusterConfig.class)
public final class ClusterComponent {

    private final HazelcastClusterNode node;
    private final ServiceRegistration<ClusterNode> registration;
    private final ServiceRegistration<StrategyOwnershipGate> gateRegistration;

    @Activate
    public ClusterComponent(ClusterConfig config, BundleContext context) {
        this.node = HazelcastClusterNode.start(settings(config));
        for (String s : list(config.strategies())) {
            node.ownership().register(StrategyId.of(s));
        }
        this.registration = context.registerService(ClusterNode.class, node, null);
        // the kernel binds it and runs each strategy only while this member owns it
        this.gateRegistration = context.registerService(StrategyOwnershipGate.class, node.kernelGate(), null);
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
        gateRegistration.unregister();
        registration.unregister();
        node.close();
    }
}
