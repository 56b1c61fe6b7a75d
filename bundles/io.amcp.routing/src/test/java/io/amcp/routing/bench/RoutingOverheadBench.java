package io.amcp.routing.bench;

import io.amcp.api.model.Bar;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.core.SimulatedClock;
import io.amcp.routing.RoutingPolicy;
import io.amcp.routing.SmartOrderRouter;
import io.amcp.routing.VenueRule;
import java.util.List;

/**
 * Routing overhead per order, measured at the connector boundary so that the kernel's own costs do not
 * blur it: each iteration submits one market order and feeds one bar that fills it, (a) straight to a
 * paper exchange, (b) through the smart router over two paper exchanges (rules by asset class and fee;
 * the cheaper takes the order; acceptance and fill come back through the router). Prints ns per order
 * for both and the router's own cost (b - a), best of the rounds, all measured in the same run.
 *
 * <p>Run: {@code mvn -q -o -f bundles/io.amcp.routing/pom.xml test-compile exec:java -Dexec.args="200000 5"}.
 */
public final class RoutingOverheadBench {

    private static final InstrumentId SYMBOL = InstrumentId.of("BENCH/USD");
    private static final long MINUTE = 60_000_000_000L;
    private static final long T0 = 1_678_752_000_000_000_000L;

    private RoutingOverheadBench() {
    }

    public static void main(String[] args) {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        double direct = Double.MAX_VALUE;
        double routed = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            direct = Math.min(direct, run(false, orders));
            routed = Math.min(routed, run(true, orders));
        }
        System.out.printf("%d orders, best of %d: paper exchange directly %.0f ns/order; through the smart router %.0f "
                + "ns/order; router overhead %.0f ns/order (x%.2f)%n", orders, rounds, direct, routed, routed - direct,
                routed / direct);
    }

    /** Nanoseconds per order (submit, acceptance, fill). */
    private static double run(boolean routed, int orders) {
        SimulatedClock clock = new SimulatedClock(T0);
        PaperExchange a = new PaperExchange("venue-a", clock, PaperSettings.FRICTIONLESS, Instrument::infer);
        PaperExchange b = new PaperExchange("venue-b", clock, PaperSettings.FRICTIONLESS, Instrument::infer);
        long[] events = new long[1];
        BrokerConnector entry = a;
        if (routed) {
            SmartOrderRouter router = new SmartOrderRouter(RoutingPolicy.of(List.of(VenueRule.parse("bench", "venue-b:*:0.8"),
                    VenueRule.parse("bench", "venue-a:*:0.3"))), Instrument::infer, clock);
            router.addVenue(a);
            router.addVenue(b);
            entry = router;
        }
        entry.connect((OrderEvent e) -> events[0]++);
        long start = System.nanoTime();
        for (int i = 1; i <= orders; i++) {
            Side side = (i & 1) == 0 ? Side.BUY : Side.SELL;
            entry.submit(SubmitOrder.market(SYMBOL, side, Quantity.of(1)).withClientOrderId(ClientOrderId.of("o-" + i)));
            double p = 100 + (i % 7);
            long t = T0 + i * MINUTE;
            clock.advanceTo(t);
            a.onBar(Bar.of(SYMBOL, t, p, p + 1, p - 1, p, 1_000_000));
        }
        double perOrder = (System.nanoTime() - start) / (double) orders;
        if (events[0] != 2L * orders) {
            throw new IllegalStateException("expected an acceptance and a fill per order, got " + events[0] + " events");
        }
        return perOrder;
    }
}
