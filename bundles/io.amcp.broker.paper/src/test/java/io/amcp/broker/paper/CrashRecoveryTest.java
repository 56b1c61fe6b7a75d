package io.amcp.broker.paper;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.Bar;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderType;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.order.TimeInForce;
import io.amcp.api.portfolio.PositionView;
import io.amcp.core.Kernel;
import io.amcp.core.SimulatedClock;
import io.amcp.core.journal.FileJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that dies between writing its journal and hearing from the venue (or between writing and
 * sending) comes back with exactly the venue's orders, fills, positions and cash: the durable paper
 * exchange rebuilds its book from its own journal and the kernel reconciles by client order id.
 * The crash windows are produced exactly by cutting journals where a kill would have cut them.
 */
class CrashRecoveryTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");
    private static final long DAY = 86_400_000_000_000L;
    private static final long T0 = 1_356_998_400_000_000_000L + 21 * 3_600_000_000_000L; // 2013-01-01 21:00 UTC
    private static final Function<InstrumentId, Instrument> INFER = Instrument::infer;

    @TempDir
    Path dir;

    private static Bar bar(int i, double open) {
        return Bar.of(AAPL, T0 + i * DAY, open, open + 2, open - 2, open + 1, 1_000_000);
    }

    /** One platform process: a kernel and a durable paper exchange, each with its own journal file. */
    private final class Node implements AutoCloseable {
        final SimulatedClock clock = new SimulatedClock(T0 - 1);
        final FileJournal kernelJournal = new FileJournal(dir.resolve("kernel.journal"), false);
        final FileJournal venueJournal = new FileJournal(dir.resolve("venue.journal"), false);
        final Kernel kernel = new Kernel(clock, kernelJournal, Money.of("100000"), 1.0);
        final PaperExchange venue;

        Node() {
            kernel.recover();
            venue = new PaperExchange("paper", clock, PaperSettings.FRICTIONLESS, INFER, venueJournal);
            kernel.addBroker(venue);
            kernel.addMarketDataSink(venue);
        }

        ClientOrderId buy(String id, int qty, Double limit) {
            SubmitOrder.Builder b = SubmitOrder.builder(AAPL, Side.BUY, Quantity.of(qty)).clientOrderId(ClientOrderId.of(id))
                    .timeInForce(TimeInForce.GTC);
            if (limit != null) {
                b.type(OrderType.LIMIT).limitPrice(Price.of(limit.toString()));
            }
            return kernel.submit(StrategyId.of("manual"), b.build()).clientOrderId();
        }

        @Override
        public void close() {
            kernelJournal.close();
            venueJournal.close();
        }
    }

    /** Cuts the last {@code lines} lines off a journal, as a kill before they were written would. */
    private void dropLastLines(String file, int lines) throws IOException {
        Path p = dir.resolve(file);
        List<String> all = Files.readAllLines(p);
        Files.write(p, all.subList(0, all.size() - lines));
    }

    private static Map<ClientOrderId, String> summary(List<OrderView> orders) {
        return orders.stream().collect(Collectors.toMap(OrderView::clientOrderId,
                o -> o.status() + " " + o.filledQuantity()));
    }

    @Test
    void aRestartedExchangeRebuildsTheSameBookAndMatchesTheNextBarTheSameWay() {
        List<OrderEvent> first = new ArrayList<>();
        List<OrderEvent> second = new ArrayList<>();
        SimulatedClock clock = new SimulatedClock(T0 - 1);
        try (FileJournal journal = new FileJournal(dir.resolve("venue.journal"), false)) {
            PaperExchange venue = new PaperExchange("paper", clock, PaperSettings.FRICTIONLESS, INFER, journal);
            venue.connect(first::add);
            venue.submit(SubmitOrder.builder(AAPL, Side.BUY, Quantity.of(10)).clientOrderId(ClientOrderId.of("lim-1"))
                    .type(OrderType.LIMIT).limitPrice(Price.of("95")).timeInForce(TimeInForce.GTC).build());
            venue.submit(SubmitOrder.market(AAPL, Side.BUY, Quantity.of(5)).withClientOrderId(ClientOrderId.of("mkt-1")));
            clock.advanceTo(T0 + DAY);
            venue.onBar(bar(1, 100)); // the market order fills at 100; the limit at 95 waits (low 98)
            assertThat(venue.workingOrders()).isEqualTo(1);
        }
        try (FileJournal journal = new FileJournal(dir.resolve("venue.journal"), false)) {
            PaperExchange restarted = new PaperExchange("paper", clock, PaperSettings.FRICTIONLESS, INFER, journal);
            restarted.connect(second::add);
            assertThat(restarted.workingOrders()).isEqualTo(1);
            clock.advanceTo(T0 + 2 * DAY);
            restarted.onBar(bar(2, 96)); // low 94: the limit buy fills at its limit, 95
            assertThat(second).singleElement().isInstanceOfSatisfying(OrderFilled.class, f -> {
                assertThat(f.clientOrderId()).isEqualTo(ClientOrderId.of("lim-1"));
                assertThat(f.price()).isEqualTo(Price.of("95"));
                // trade ids continue the sequence the first process used: no id is reused
                assertThat(first).filteredOn(OrderFilled.class::isInstance).map(e -> ((OrderFilled) e).tradeId())
                        .doesNotContain(f.tradeId());
            });
        }
    }

    @Test
    void fillsTheNodeNeverJournaledAreRecoveredFromTheVenue() throws IOException {
        try (Node node = new Node()) {
            node.buy("a-1", 10, null);
            node.buy("a-2", 20, 95.0);
            node.kernel.processBar(bar(1, 100)); // a-1 fills at 100
            node.kernel.processBar(bar(2, 96));  // a-2 fills at 95
        }
        // the process died after the venue's fill of a-2 but before the kernel journaled it
        dropLastLines("kernel.journal", 2); // the FIL of a-2 and the bar's mark after it
        try (Node node = new Node()) {
            Map<ClientOrderId, String> orders = summary(node.kernel.orders());
            assertThat(orders).containsEntry(ClientOrderId.of("a-1"), "FILLED 10")
                    .containsEntry(ClientOrderId.of("a-2"), "FILLED 20").hasSize(2);
            PositionView position = node.kernel.positions().get(0);
            assertThat(position.quantity()).isEqualTo(Quantity.of(30));
            // cash by hand: 100000 - 10 x 100 - 20 x 95 = 97100
            assertThat(node.kernel.account().cash()).isEqualTo(Money.of("97100"));
        }
    }

    @Test
    void anOrderJournaledButNeverSentIsSentOnceAfterTheRestart() throws IOException {
        try (Node node = new Node()) {
            node.buy("b-1", 10, null);
            node.buy("b-2", 5, null);
        }
        // the process died after journaling b-2 but before the venue received it (so no acknowledgement either)
        dropLastLines("venue.journal", 1);
        dropLastLines("kernel.journal", 1);
        try (Node node = new Node()) {
            assertThat(node.venue.workingOrders()).isEqualTo(2); // b-2 sent by the reconciliation
            node.kernel.processBar(bar(1, 100));
            node.kernel.processBar(bar(2, 101));
            Map<ClientOrderId, String> orders = summary(node.kernel.orders());
            assertThat(orders).containsEntry(ClientOrderId.of("b-1"), "FILLED 10")
                    .containsEntry(ClientOrderId.of("b-2"), "FILLED 5").hasSize(2);
            assertThat(node.kernel.positions().get(0).quantity()).isEqualTo(Quantity.of(15));
        }
        try (Node node = new Node()) { // a clean restart changes nothing and sends nothing again
            assertThat(node.venue.workingOrders()).isZero();
            assertThat(node.kernel.positions().get(0).quantity()).isEqualTo(Quantity.of(15));
            assertThat(node.kernel.orders()).extracting(OrderView::status).containsOnly(OrderStatus.FILLED);
        }
    }
}
