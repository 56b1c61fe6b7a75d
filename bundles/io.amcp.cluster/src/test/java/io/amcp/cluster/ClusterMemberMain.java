package io.amcp.cluster;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderRejected;
import io.amcp.api.order.SubmitOrder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * One member process of the failover test. It joins the cluster, registers the strategies, and for
 * every strategy it takes over runs a simple order loop: recover from the shared order map, then
 * send {@code <strategy>:<n>} for n = next .. orders, one every interval, through the fence in front
 * of the shared {@link LedgerVenue}. It reports on stdout, one line per event:
 * {@code ACQUIRED s e}, {@code RECOVERED s e next}, {@code SENT id e}, {@code REFUSED id reason},
 * {@code LOST s e reason}, {@code DONE s}. It leaves when stdin closes.
 *
 * <p>Arguments: clusterName memberName port members(comma-separated host:port) strategies(comma)
 * ordersPerStrategy intervalMillis leaseMillis quorum
 */
public final class ClusterMemberMain {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private ClusterMemberMain() {
    }

    public static void main(String[] args) throws IOException {
        String clusterName = args[0];
        String memberName = args[1];
        int port = Integer.parseInt(args[2]);
        List<String> members = Arrays.asList(args[3].split(","));
        List<String> strategies = Arrays.asList(args[4].split(","));
        int orders = Integer.parseInt(args[5]);
        long intervalNanos = Duration.ofMillis(Long.parseLong(args[6])).toNanos();
        ClusterSettings settings = new ClusterSettings(clusterName, memberName, "127.0.0.1", port, members,
                Duration.ofMillis(Long.parseLong(args[7])), Integer.parseInt(args[8]), Duration.ofSeconds(4), 1);
        ClusterNode node = ClusterNode.start(settings);
        Map<String, String> refusals = new ConcurrentHashMap<>();
        FencedConnector fence = node.fence(new LedgerVenue(node.hazelcast(), node.state(), memberName));
        fence.connect(event -> {
            if (event instanceof OrderRejected r) {
                refusals.put(r.clientOrderId().value(), r.reason());
            }
        });
        node.ownership().addListener(new OwnershipListener() {
            @Override
            public void acquired(StrategyId strategy, long epoch) {
                OUT.println("ACQUIRED " + strategy + " " + epoch);
                Thread loop = new Thread(() -> trade(fence, refusals, strategy, epoch, orders, intervalNanos),
                        "orders-" + strategy + "-" + epoch);
                loop.setDaemon(true);
                loop.start();
            }

            @Override
            public void lost(StrategyId strategy, long epoch, String reason) {
                OUT.println("LOST " + strategy + " " + epoch + " " + reason);
            }
        });
        for (String s : strategies) {
            node.ownership().register(StrategyId.of(s));
        }
        OUT.println("STARTED " + memberName + " " + node.memberId());
        Thread safety = new Thread(() -> reportSafety(node), "safety-" + memberName);
        safety.setDaemon(true);
        safety.start();
        while (System.in.read() >= 0) {
            // runs until the test closes stdin or kills this process
        }
        node.close();
    }

    /** Prints {@code SAFE n} whenever the member count changes and every partition has its backups. */
    private static void reportSafety(ClusterNode node) {
        int reported = 0;
        while (true) {
            int size = node.hazelcast().getCluster().getMembers().size();
            if (size != reported && node.hazelcast().getPartitionService().isClusterSafe()) {
                OUT.println("SAFE " + size);
                reported = size;
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    /** The order loop of one strategy at one epoch; it stops at the first order the fence refuses. */
    private static void trade(FencedConnector fence, Map<String, String> refusals, StrategyId strategy, long epoch,
            int orders, long intervalNanos) {
        List<OrderRecord> history;
        try {
            history = fence.recover(strategy, epoch);
        } catch (IllegalStateException e) {
            OUT.println("REFUSED " + strategy + ":recover " + e.getMessage());
            return;
        }
        long next = history.isEmpty() ? 1
                : ClusterOrderIds.sequenceOf(ClientOrderId.of(history.get(history.size() - 1).clientOrderId())) + 1;
        OUT.println("RECOVERED " + strategy + " " + epoch + " " + next);
        InstrumentId instrument = InstrumentId.of("AAPL");
        for (long n = next; n <= orders; n++) {
            ClientOrderId id = ClusterOrderIds.of(strategy, n);
            refusals.remove(id.value());
            // under the epoch this loop was started for, as the kernel sends a strategy's orders: a loop of a lost
            // epoch must not send under the epoch a later regain holds
            fence.submit(SubmitOrder.market(instrument, n % 2 == 0 ? Side.SELL : Side.BUY, Quantity.of(1))
                    .withClientOrderId(id), strategy, epoch);
            String refusal = refusals.get(id.value());
            if (refusal != null) {
                OUT.println("REFUSED " + id + " " + refusal);
                return;
            }
            OUT.println("SENT " + id + " " + epoch);
            LockSupport.parkNanos(intervalNanos);
        }
        OUT.println("DONE " + strategy);
    }
}
