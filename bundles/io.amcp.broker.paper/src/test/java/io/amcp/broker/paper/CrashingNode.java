package io.amcp.broker.paper;

import io.amcp.api.model.Bar;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.SubmitOrder;
import io.amcp.core.Kernel;
import io.amcp.core.SimulatedClock;
import io.amcp.core.journal.FileJournal;
import java.nio.file.Path;

/**
 * A trading node for the kill test: a kernel and a durable paper exchange journaling under the
 * directory given as argument, sending an order and processing a bar in a loop until it is killed.
 * After every restart it carries on from where its journals say it was.
 */
public final class CrashingNode implements AutoCloseable {

    static final InstrumentId SYMBOL = InstrumentId.of("XYZ");
    static final long T0 = 1_700_000_000_000_000_000L;
    static final long MINUTE = 60_000_000_000L;

    final SimulatedClock clock = new SimulatedClock(T0);
    final FileJournal kernelJournal;
    final FileJournal venueJournal;
    final Kernel kernel;
    final PaperExchange venue;

    CrashingNode(Path dir) {
        kernelJournal = new FileJournal(dir.resolve("kernel.journal"), false);
        venueJournal = new FileJournal(dir.resolve("venue.journal"), false);
        kernel = new Kernel(clock, kernelJournal, Money.of("10000000"), 1.0);
        kernel.recover();
        venue = new PaperExchange("paper", clock, PaperSettings.FRICTIONLESS, Instrument::infer, venueJournal);
        kernel.addBroker(venue);
        kernel.addMarketDataSink(venue);
    }

    /** One step: an order (buy or sell, sized from the step number) and the next minute's bar. */
    void step() {
        int n = kernel.orderManager().size() + 1;
        Side side = n % 3 == 0 ? Side.SELL : Side.BUY;
        kernel.submit(StrategyId.of("crash"), SubmitOrder.market(SYMBOL, side, Quantity.of(1 + n % 7))
                .withClientOrderId(ClientOrderId.of("o-" + n)));
        long time = Math.max(clock.nanos(), T0) + MINUTE;
        double open = 100 + (n % 11) - 5;
        kernel.processBar(Bar.of(SYMBOL, time, open, open + 1, open - 1, open + 0.5, 1_000_000));
    }

    @Override
    public void close() {
        kernelJournal.close();
        venueJournal.close();
    }

    /** Runs until killed (or for {@code args[1]} steps). */
    public static void main(String[] args) {
        long steps = args.length > 1 ? Long.parseLong(args[1]) : Long.MAX_VALUE;
        try (CrashingNode node = new CrashingNode(Path.of(args[0]))) {
            System.out.println("ready");
            System.out.flush();
            for (long i = 0; i < steps; i++) {
                node.step();
            }
        }
    }
}
