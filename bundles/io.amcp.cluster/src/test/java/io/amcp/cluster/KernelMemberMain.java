package io.amcp.cluster;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderAccepted;
import io.amcp.api.order.OrderDenied;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderRejected;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyContext;
import io.amcp.api.spi.StrategyOwnershipGate;
import io.amcp.core.Kernel;
import io.amcp.core.KernelListener;
import io.amcp.core.SystemClock;
import io.amcp.core.journal.FileJournal;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * One member process of the kernel failover test: a cluster member and a trading {@link Kernel}
 * bound to its ownership gate, with every strategy added (only the owned ones run), a shared
 * {@link KernelVenue}, and a bar of AAPL posted to the kernel every interval. Each strategy buys 2 on
 * odd bars and sells 1 on even ones. It reports on stdout: {@code GAINED s e}, {@code LOST s e},
 * {@code ACCEPTED id}, {@code REJECTED id reason} (refused by the fence, the venue or the kernel), {@code SAFE n}; when stdin closes it stops the bars,
 * lets the last orders settle, prints {@code POSITION s quantityRaw} for each strategy it runs, then
 * {@code STOPPED}, and waits to be killed.
 *
 * <p>Arguments: clusterName memberName port members(comma-separated host:port) strategies(comma)
 * intervalMillis leaseMillis quorum journalDirectory
 */
public final class KernelMemberMain {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private static final InstrumentId AAPL = InstrumentId.of("AAPL");

    private KernelMemberMain() {
    }

    /** Buys 2 on odd bars, sells 1 on even ones, from the moment this node runs it. */
    static final class BarTrader implements Strategy {
        private final StrategyId id;
        volatile StrategyContext context;
        private long bars;

        BarTrader(StrategyId id) {
            this.id = id;
        }

        @Override
        public StrategyId id() {
            return id;
        }

        @Override
        public void onStart(StrategyContext ctx) {
            context = ctx;
            ctx.subscribe(AAPL);
        }

        @Override
        public void onBar(Bar bar) {
            bars++;
            context.submit(bars % 2 == 1 ? SubmitOrder.market(AAPL, Side.BUY, Quantity.of(2))
                    : SubmitOrder.market(AAPL, Side.SELL, Quantity.of(1)));
        }

        @Override
        public void onStop() {
            context = null;
        }
    }

    public static void main(String[] args) throws IOException {
        String memberName = args[1];
        List<String> strategies = Arrays.asList(args[4].split(","));
        long intervalNanos = Duration.ofMillis(Long.parseLong(args[5])).toNanos();
        ClusterSettings settings = new ClusterSettings(args[0], memberName, "127.0.0.1", Integer.parseInt(args[2]),
                Arrays.asList(args[3].split(",")), Duration.ofMillis(Long.parseLong(args[6])),
                Integer.parseInt(args[7]), Duration.ofSeconds(4), 1);
        ClusterNode node = ClusterNode.start(settings);
        StrategyOwnershipGate gate = node.kernelGate();
        gate.addListener(new StrategyOwnershipGate.Listener() {
            @Override
            public void gained(StrategyId strategy, long epoch) {
                OUT.println("GAINED " + strategy + " " + epoch);
            }

            @Override
            public void lost(StrategyId strategy, long epoch, String reason) {
                OUT.println("LOST " + strategy + " " + epoch + " " + reason);
            }
        });
        FileJournal journal = new FileJournal(Path.of(args[8], memberName + ".journal"), false);
        Kernel kernel = new Kernel(new SystemClock(), journal, Money.of("1000000"), 2.0);
        // no watchdog: on a loaded machine, with a member frozen, a recovery can wait on the cluster for
        // longer than the block limit, and halting the strategy then is not what these tests are about
        kernel.setBlockLimit(0);
        kernel.recover();
        kernel.bindOwnership(gate);
        kernel.addListener(new KernelListener() {
            @Override
            public void onOrderEvent(OrderEvent event) {
                if (event instanceof OrderAccepted a) {
                    OUT.println("ACCEPTED " + a.clientOrderId());
                } else if (event instanceof OrderRejected r) {
                    OUT.println("REJECTED " + r.clientOrderId() + " " + r.reason());
                } else if (event instanceof OrderDenied d) {
                    OUT.println("REJECTED " + d.clientOrderId() + " denied: " + d.rule() + ": " + d.reason());
                }
            }
        });
        kernel.start("kernel-" + memberName);
        kernel.addBroker(new KernelVenue(node.hazelcast(), node.state(), memberName));
        Map<StrategyId, BarTrader> traders = new LinkedHashMap<>();
        for (String s : strategies) {
            BarTrader trader = new BarTrader(StrategyId.of(s));
            traders.put(trader.id(), trader);
            kernel.addStrategy(trader);
        }
        Thread bars = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                double price = KernelVenue.PRICE.toDouble();
                kernel.post(Bar.of(AAPL, System.currentTimeMillis() * 1_000_000L, price, price, price, price, 100));
                LockSupport.parkNanos(intervalNanos);
            }
        }, "bars-" + memberName);
        bars.setDaemon(true);
        bars.start();
        Thread safety = new Thread(() -> reportSafety(node), "safety-" + memberName);
        safety.setDaemon(true);
        safety.start();
        OUT.println("STARTED " + memberName + " " + node.memberId());
        while (System.in.read() >= 0) {
            // trades until the test closes stdin
        }
        bars.interrupt();
        LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
        for (BarTrader trader : traders.values()) {
            Long quantity = kernel.call(() -> {
                StrategyContext ctx = trader.context;
                return ctx == null ? null : ctx.position(AAPL).quantity().raw();
            });
            if (quantity != null && gate.owns(trader.id())) {
                OUT.println("POSITION " + trader.id() + " " + quantity);
            }
        }
        OUT.println("STOPPED");
        LockSupport.parkNanos(Duration.ofMinutes(5).toNanos());
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
}
