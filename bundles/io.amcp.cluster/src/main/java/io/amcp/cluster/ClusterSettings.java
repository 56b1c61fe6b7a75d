package io.amcp.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a member joins and how ownership behaves. Members bind the loopback or the given host only
 * (never all interfaces) and join by TCP-IP over the listed addresses; multicast is off.
 *
 * @param clusterName  Hazelcast cluster name; members with another name never join
 * @param memberName   this member's name, shown as {@link Ownership#ownerName()}
 * @param host         address to bind, e.g. {@code 127.0.0.1}
 * @param port         port to bind (1-65535)
 * @param members      every member's {@code host:port}, this one included
 * @param lease        ownership lease; renewed every quarter of it; takeover comes at most about
 *                     one lease plus the failure detection after an owner stops
 * @param quorum       members that must be visible before this one takes a strategy over (use a
 *                     majority of the cluster, 1 for a single node)
 * @param heartbeatTimeout how long a silent member stays in the member list
 * @param workerThreads research executor threads on this member
 */
public record ClusterSettings(String clusterName, String memberName, String host, int port, List<String> members,
        Duration lease, int quorum, Duration heartbeatTimeout, int workerThreads) {

    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.:\\-\\[\\]]+:\\d{1,5}");

    public ClusterSettings {
        require(clusterName != null && !clusterName.isBlank(), "clusterName", "must not be blank");
        require(memberName != null && !memberName.isBlank(), "memberName", "must not be blank");
        require(host != null && !host.isBlank(), "host", "must not be blank");
        require(port >= 1 && port <= 65535, "port", "must be between 1 and 65535, was " + port);
        Objects.requireNonNull(members, "members");
        members = List.copyOf(members);
        require(!members.isEmpty(), "members", "must list at least this member");
        for (String m : members) {
            require(ADDRESS.matcher(m).matches(), "members", "'" + m + "' is not host:port");
        }
        require(lease != null && lease.toMillis() >= 400, "lease", "must be at least 400 ms, was " + lease);
        require(quorum >= 1 && quorum <= members.size(), "quorum",
                "must be between 1 and the number of members (" + members.size() + "), was " + quorum);
        require(heartbeatTimeout != null && heartbeatTimeout.toSeconds() >= 2, "heartbeatTimeout",
                "must be at least 2 s, was " + heartbeatTimeout);
        require(workerThreads >= 1, "workerThreads", "must be at least 1, was " + workerThreads);
    }

    /** A member on {@code 127.0.0.1:port}; lease 3 s, heartbeat timeout 5 s, majority quorum. */
    public static ClusterSettings loopback(String clusterName, String memberName, int port, List<String> members) {
        return new ClusterSettings(clusterName, memberName, "127.0.0.1", port, members, Duration.ofSeconds(3),
                members.size() / 2 + 1, Duration.ofSeconds(5), Runtime.getRuntime().availableProcessors());
    }

    /** The same settings with another number of research threads. */
    public ClusterSettings withWorkerThreads(int threads) {
        return new ClusterSettings(clusterName, memberName, host, port, members, lease, quorum, heartbeatTimeout,
                threads);
    }

    private static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new IllegalArgumentException(field + ": " + message);
        }
    }
}
