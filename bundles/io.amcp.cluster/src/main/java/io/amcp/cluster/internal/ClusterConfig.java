package io.amcp.cluster.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The cluster member, PID {@code io.amcp.cluster}. */
@ObjectClassDefinition(name = "AMCP cluster member", description = "Hazelcast member: shared state, quote cache, strategy ownership")
public @interface ClusterConfig {

    @AttributeDefinition(description = "Hazelcast cluster name; members with another name never join")
    String clusterName() default "amcp";

    @AttributeDefinition(description = "This member's name, shown as the owner of its strategies")
    String memberName() default "node-1";

    @AttributeDefinition(description = "Address to bind (never all interfaces)")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "Port to bind")
    int port() default 5701;

    @AttributeDefinition(description = "Every member as host:port, this one included (TCP-IP join; multicast is off)")
    String[] members() default {"127.0.0.1:5701"};

    @AttributeDefinition(description = "Ownership lease in milliseconds; a dead owner's strategies move after about one lease")
    long leaseMillis() default 3000;

    @AttributeDefinition(description = "Members that must be visible before this one takes a strategy over (a majority)")
    int quorum() default 1;

    @AttributeDefinition(description = "Seconds without a heartbeat before a member is dropped")
    int heartbeatTimeoutSeconds() default 5;

    @AttributeDefinition(description = "Research executor threads on this member (0 = one per processor)")
    int workerThreads() default 0;

    @AttributeDefinition(description = "Strategies this cluster runs, each on exactly one member")
    String[] strategies() default {};
}
