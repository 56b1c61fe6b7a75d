package io.amcp.broker.paper;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Side;
import io.amcp.api.order.OrderAccepted;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderView;
import io.amcp.api.portfolio.PositionView;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a trading node with SIGKILL at random moments while it sends orders, restarts it each time,
 * and checks against the venue's own record: no order lost, none sent twice, every fill booked once,
 * and positions and cash equal to what the venue's fills add up to.
 */
class KillRecoveryTest {

    private static final int KILLS = 6;

    @TempDir
    Path dir;

    @Test
    void repeatedKillsLoseAndDoubleNothing() throws Exception {
        Random random = new Random(20261129);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int k = 0; k < KILLS; k++) {
            Process node = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    CrashingNode.class.getName(), dir.toString())
                    .redirectError(dir.resolve("node-" + k + ".err").toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertThat(first).as("node %d started", k).isEqualTo("ready");
            Thread.sleep(150 + random.nextInt(600)); // trading: orders and bars
            node.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, mid-write possibly
            assertThat(node.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        try (CrashingNode node = new CrashingNode(dir)) { // the last restart reconciles; then the check
            node.step();
            List<OrderView> orders = node.kernel.orders();
            List<OrderEvent> venue = node.venue.history();

            Set<ClientOrderId> sentToVenue = new HashSet<>();
            Map<ClientOrderId, BigDecimal> venueFilled = new HashMap<>();
            Set<String> tradeIds = new HashSet<>();
            BigDecimal venueCash = new BigDecimal("10000000");
            BigDecimal venuePosition = BigDecimal.ZERO;
            for (OrderEvent e : venue) {
                if (e instanceof OrderAccepted a) {
                    assertThat(sentToVenue.add(a.clientOrderId())).as("%s accepted twice by the venue", a.clientOrderId())
                            .isTrue();
                } else if (e instanceof OrderFilled f) {
                    assertThat(tradeIds.add(f.tradeId())).as("trade %s", f.tradeId()).isTrue();
                    BigDecimal qty = FixedPoint.toDecimal(f.quantity().raw());
                    BigDecimal value = qty.multiply(FixedPoint.toDecimal(f.price().raw()));
                    venueFilled.merge(f.clientOrderId(), qty, BigDecimal::add);
                    boolean buy = f.side() == Side.BUY;
                    venueCash = buy ? venueCash.subtract(value) : venueCash.add(value);
                    venuePosition = buy ? venuePosition.add(qty) : venuePosition.subtract(qty);
                }
            }
            assertThat(orders.size()).as("orders known to the node").isGreaterThan(KILLS);
            for (OrderView o : orders) {
                if (o.status() == OrderStatus.REJECTED && o.orderId() == null) {
                    continue; // refused before it reached the venue (no buying power left for a buy)
                }
                assertThat(sentToVenue).as("%s (%s) reached the venue", o.clientOrderId(), o.status())
                        .contains(o.clientOrderId());
                BigDecimal filled = venueFilled.getOrDefault(o.clientOrderId(), BigDecimal.ZERO);
                assertThat(FixedPoint.toDecimal(o.filledQuantity().raw())).as("filled quantity of %s", o.clientOrderId())
                        .isEqualByComparingTo(filled);
            }
            assertThat(sentToVenue).as("every order the venue has is one the node knows")
                    .allMatch(id -> orders.stream().anyMatch(o -> o.clientOrderId().equals(id)));
            BigDecimal nodePosition = node.kernel.positions().stream().map(PositionView::quantity)
                    .map(q -> FixedPoint.toDecimal(q.raw())).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(nodePosition).as("position").isEqualByComparingTo(venuePosition);
            assertThat(FixedPoint.toDecimal(node.kernel.account().cash().raw())).as("cash")
                    .isEqualByComparingTo(venueCash);
            System.out.printf("kill test: %d SIGKILLs, %d orders %s, %d fills, position %s, cash %s: node equals venue%n",
                    KILLS, orders.size(), orders.stream().collect(Collectors.groupingBy(o -> o.status() + (o.reason() == null
                            ? "" : " (" + o.reason().replaceAll("[0-9.]+", "N") + ")"), Collectors.counting())),
                    tradeIds.size(), venuePosition.toPlainString(), venueCash.toPlainString());
        }
    }
}
