package io.amcp.execution.bench;

import io.amcp.api.execution.ParentOrder;
import io.amcp.api.model.Bar;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyContext;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.core.Kernel;
import io.amcp.core.SimulatedClock;
import io.amcp.core.journal.Journal;
import io.amcp.execution.internal.TwapAlgorithm;
import java.util.Map;

/**
 * Routing overhead of a parent order: time per bar of a kernel replay in which a strategy sends, on
 * every bar, (a) nothing, (b) one plain market order, (c) one TWAP parent that sends one market child
 * at once. (b - a) is the cost of a plain order through risk, OMS, venue and fill; (c - a) the cost of
 * a parent and its child; the report prints both and their ratio. Best of the rounds.
 *
 * <p>Run: {@code mvn -q -o -pl bundles/io.amcp.execution test-compile exec:java -Dexec.args="20000 5"}.
 */
public final class RoutingOverheadBench {

    private static final InstrumentId SYMBOL = InstrumentId.of("BENCH/USD");
    private static final long MINUTE = 60_000_000_000L;
    private static final long T0 = 1_678_752_000_000_000_000L;

    private enum Mode { NONE, PLAIN, PARENT }

    private RoutingOverheadBench() {
    }

    public static void main(String[] args) {
        int bars = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        for (int r = 0; r < rounds; r++) {
            for (Mode m : Mode.values()) {
                best[m.ordinal()] = Math.min(best[m.ordinal()], run(m, bars));
            }
        }
        double plain = best[1] - best[0];
        double parent = best[2] - best[0];
        System.out.printf("%d bars, best of %d: replay %.0f ns/bar; plain order %.0f ns; parent + 1 child %.0f ns; ratio %.2f%n",
                bars, rounds, best[0], plain, parent, parent / plain);
    }

    /** Nanoseconds per bar. */
    private static double run(Mode mode, int bars) {
        SimulatedClock clock = new SimulatedClock(T0 - 1);
        Kernel kernel = new Kernel(clock, Journal.NONE, Money.of("1000000000"), 1.0);
        PaperExchange venue = new PaperExchange((Clock) clock, PaperSettings.FRICTIONLESS);
        kernel.addBroker(venue);
        kernel.addMarketDataSink(venue);
        kernel.addAlgorithm(new TwapAlgorithm(3600));
        kernel.addStrategy(new Sender(mode));
        long start = System.nanoTime();
        for (int i = 1; i <= bars; i++) {
            double p = 100 + (i % 7);
            kernel.processBar(Bar.of(SYMBOL, T0 + i * MINUTE, p, p + 1, p - 1, p, 1_000_000));
        }
        return (System.nanoTime() - start) / (double) bars;
    }

    /** Sends one order or one parent per bar, alternating sides so the position stays small. */
    private static final class Sender implements Strategy {
        private final Mode mode;
        private StrategyContext ctx;
        private int n;

        Sender(Mode mode) {
            this.mode = mode;
        }

        @Override
        public StrategyId id() {
            return StrategyId.of("bench");
        }

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
            ctx.subscribe(SYMBOL);
        }

        @Override
        public void onBar(Bar bar) {
            Side side = (n++ & 1) == 0 ? Side.BUY : Side.SELL;
            if (mode == Mode.PLAIN) {
                ctx.submit(SubmitOrder.market(SYMBOL, side, Quantity.of(1)).withClientOrderId(ClientOrderId.of("o-" + n)));
            } else if (mode == Mode.PARENT) {
                ctx.submitAlgo(new ParentOrder(ClientOrderId.of("p-" + n), SYMBOL, side, Quantity.of(1), null, bar.time(),
                        bar.time() + 2 * MINUTE, "twap", Map.of()));
            }
        }
    }
}
