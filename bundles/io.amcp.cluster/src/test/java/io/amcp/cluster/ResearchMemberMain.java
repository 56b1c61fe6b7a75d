package io.amcp.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;

/**
 * A member that only lends its research executor, for the sweep benchmark. It prints
 * {@code STARTED <name>} once joined and leaves when stdin closes.
 *
 * <p>Arguments: clusterName memberName port members(comma-separated host:port) workerThreads
 */
public final class ResearchMemberMain {

    private ResearchMemberMain() {
    }

    public static void main(String[] args) throws IOException {
        ClusterSettings settings = new ClusterSettings(args[0], args[1], "127.0.0.1", Integer.parseInt(args[2]),
                Arrays.asList(args[3].split(",")), Duration.ofSeconds(3), 1, Duration.ofSeconds(5),
                Integer.parseInt(args[4]));
        try (ClusterNode node = ClusterNode.start(settings)) {
            System.out.println("STARTED " + node.memberName());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serves sweep jobs until the benchmark closes stdin
            }
        }
    }
}
