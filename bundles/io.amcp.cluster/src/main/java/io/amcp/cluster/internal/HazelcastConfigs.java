package io.amcp.cluster.internal;

import com.hazelcast.config.Config;
import com.hazelcast.config.ExecutorConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import io.amcp.cluster.ClusterSettings;

/** The Hazelcast member configuration derived from {@link ClusterSettings}. */
final class HazelcastConfigs {

    static final String ORDERS = "amcp.orders";
    static final String POSITIONS = "amcp.positions";
    static final String ACCOUNTS = "amcp.accounts";
    static final String ASSIGNMENTS = "amcp.strategy.assignments";
    static final String QUOTES = "amcp.cache.quotes";
    static final String BARS = "amcp.cache.bars";
    static final String RESEARCH = "amcp.research";

    private HazelcastConfigs() {
    }

    static Config of(ClusterSettings settings) {
        Config config = new Config();
        config.setClusterName(settings.clusterName());
        config.setInstanceName(settings.clusterName() + "-" + settings.memberName());
        // classes in shared maps and research tasks resolve through this bundle (OSGi) or the class path
        config.setClassLoader(HazelcastConfigs.class.getClassLoader());
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds",
                Long.toString(settings.heartbeatTimeout().toSeconds()));
        // a member cut off (or paused) and back again rejoins within seconds rather than minutes
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
        config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
        // an operation that gets no answer (its target gone, or this member cut off) fails within
        // seconds instead of a minute, so the order path never hangs for long; long-running research
        // jobs are kept alive by operation heartbeats and are not limited by this
        config.setProperty("hazelcast.operation.call.timeout.millis",
                Long.toString(Math.max(10_000, 3 * settings.lease().toMillis())));
        // every member is listed, so a short wait before the join is enough to find the others
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        config.getJetConfig().setEnabled(false);

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(settings.port()).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface(settings.host());
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(settings.members());

        // state: a synchronous copy on two other members (as many as there are), so a member that dies
        // while partitions still migrate after a join loses nothing; the market cache is rebuilt by the feeds
        config.getMapConfig("default").setBackupCount(2).setAsyncBackupCount(0);
        for (String map : new String[] {ORDERS, POSITIONS, ACCOUNTS, ASSIGNMENTS}) {
            config.addMapConfig(new MapConfig(map).setBackupCount(2).setAsyncBackupCount(0));
        }
        for (String map : new String[] {QUOTES, BARS}) {
            config.addMapConfig(new MapConfig(map).setBackupCount(1).setAsyncBackupCount(0));
        }
        config.addExecutorConfig(new ExecutorConfig(RESEARCH).setPoolSize(settings.workerThreads()));
        return config;
    }
}
