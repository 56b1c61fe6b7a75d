package io.amcp.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.Bar;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderDenied;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.RiskContext;
import io.amcp.api.spi.RiskDecision;
import io.amcp.api.spi.RiskRule;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyContext;
import io.amcp.core.journal.FileJournal;
import io.amcp.core.journal.Journal;
import io.amcp.core.risk.MaxOrderNotionalRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");
    private static final long DAY = 86_400_000_000_000L;
    private static final long T0 = 1_356_998_400_000_000_000L + 21 * 3_600_000_000_000L; // 2013-01-01 21:00 UTC

    /** Buys 10 on bar 1, sells 10 on bar 3; records everything it is told. */
    static final class BuyThenSell implements Strategy {
        final List<OrderEvent> events = new ArrayList<>();
        final List<Long> barTimes = new ArrayList<>();
        StrategyContext ctx;

        @Override
        public StrategyId id() {
            return StrategyId.of("test");
        }

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
            ctx.subscribe(AAPL);
        }

        @Override
        public void onBar(Bar bar) {
            barTimes.add(bar.time());
            if (barTimes.size() == 1) {
                ctx.submit(SubmitOrder.market(AAPL, Side.BUY, Quantity.of(10)));
            } else if (barTimes.size() == 3) {
                ctx.submit(SubmitOrder.market(AAPL, Side.SELL, Quantity.of(10)));
            }
        }

        @Override
        public void onOrderEvent(OrderEvent event) {
            events.add(event);
        }
    }

    private static Bar bar(int i, double open, double close) {
        double high = Math.max(open, close) + 1;
        double low = Math.min(open, close) - 1;
        return Bar.of(AAPL, T0 + i * DAY, open, high, low, close, 1000);
    }

    private static Kernel kernel(Journal journal, ScriptedVenue venue) {
        Kernel k = new Kernel(new SimulatedClock(0), journal, Money.of("10000"), 1.0);
        k.addBroker(venue);
        k.addMarketDataSink(venue);
        return k;
    }

    @Test
    void ordersFillOnTheNextBarAndTheLedgerFollows() {
        ScriptedVenue venue = new ScriptedVenue(Money.of("1"));
        Kernel k = kernel(Journal.NONE, venue);
        BuyThenSell s = new BuyThenSell();
        k.addStrategy(s);
        k.processBar(bar(0, 100, 101));
        k.processBar(bar(1, 102, 103));
        k.processBar(bar(2, 104, 105));
        k.processBar(bar(3, 106, 107));

        List<OrderFilled> fills = s.events.stream().filter(OrderFilled.class::isInstance).map(OrderFilled.class::cast).toList();
        assertThat(fills).hasSize(2);
        // bought at bar 1's open (102), sold at bar 3's open (106): +40 - 2 commissions = 38
        assertThat(fills.get(0).price()).isEqualTo(Price.of("102"));
        assertThat(fills.get(0).time()).isEqualTo(T0 + DAY);
        assertThat(fills.get(1).price()).isEqualTo(Price.of("106"));
        assertThat(k.account().realizedPnl()).isEqualTo(Money.of("38"));
        assertThat(k.account().equity()).isEqualTo(Money.of("10038"));
        assertThat(s.ctx.position(AAPL).isFlat()).isTrue();
        assertThat(k.orders()).extracting(OrderView::status).containsOnly(OrderStatus.FILLED);
    }

    @Test
    void killSwitchAndRiskRuleDenyWithTheRuleName() {
        ScriptedVenue venue = new ScriptedVenue(Money.ZERO);
        Kernel k = kernel(Journal.NONE, venue);
        k.addRiskRule(new MaxOrderNotionalRule(Money.of("500")));
        BuyThenSell s = new BuyThenSell();
        k.addStrategy(s);
        k.processBar(bar(0, 100, 101));
        // 10 x 101 (last close) = 1010 > 500
        OrderDenied denied = (OrderDenied) s.events.get(0);
        assertThat(denied.rule()).isEqualTo("max-order-notional");
        assertThat(denied.reason()).contains("1010").contains("500");
        assertThat(venue.received).isEmpty();

        k.killSwitch().engage("test");
        ClientOrderId id = k.submit(StrategyId.of("manual"), SubmitOrder.market(AAPL, Side.BUY, Quantity.of(1))
                .withClientOrderId(ClientOrderId.of("m-1"))).clientOrderId();
        OrderView view = k.orderManager().view(id);
        assertThat(view.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(view.reason()).startsWith("kill-switch");
        assertThat(venue.received).isEmpty();
    }

    @Test
    void duplicateClientOrderIdIsNeverSentTwice() {
        ScriptedVenue venue = new ScriptedVenue(Money.ZERO);
        Kernel k = kernel(Journal.NONE, venue);
        k.processBar(bar(0, 10, 10));
        SubmitOrder order = SubmitOrder.market(AAPL, Side.BUY, Quantity.of(1)).withClientOrderId(ClientOrderId.of("dup"));
        k.submit(StrategyId.of("manual"), order);
        k.submit(StrategyId.of("manual"), order);
        assertThat(venue.received).hasSize(1);
    }

    @Test
    void asynchronousSubmitAnswersWithTheSameViewsAsTheBlockingOne() throws Exception {
        ScriptedVenue venue = new ScriptedVenue(Money.ZERO);
        Kernel k = kernel(Journal.NONE, venue);
        k.processBar(bar(0, 10, 10));
        k.start("async-submit-test");
        try {
            StrategyId manual = StrategyId.of("manual");
            SubmitOrder first = SubmitOrder.market(AAPL, Side.BUY, Quantity.of(2)).withClientOrderId(ClientOrderId.of("a-1"));
            OrderView taken = k.submitAsync(manual, first).toCompletableFuture().get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(taken.clientOrderId()).isEqualTo(ClientOrderId.of("a-1"));
            assertThat(taken.status()).isEqualTo(OrderStatus.NEW);

            // the same id again: nothing more reaches the venue, as with the blocking submit
            k.submitAsync(manual, first).toCompletableFuture().get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(k.call(() -> venue.received.size())).isEqualTo(1);

            // an Error on the kernel thread (a rule whose class a bundle refresh took away) completes the
            // stage exceptionally instead of leaving it pending; the kernel thread goes on
            k.addRiskRule(new RiskRule() {
                @Override
                public String name() {
                    return "unloaded";
                }

                @Override
                public RiskDecision check(SubmitOrder order, StrategyId strategy, RiskContext context) {
                    if (order.clientOrderId().equals(ClientOrderId.of("a-err"))) {
                        throw new NoClassDefFoundError("io/amcp/risk/Unloaded");
                    }
                    return RiskDecision.APPROVED;
                }
            });
            var failed = k.submitAsync(manual, SubmitOrder.market(AAPL, Side.BUY, Quantity.of(1))
                    .withClientOrderId(ClientOrderId.of("a-err"))).toCompletableFuture();
            assertThatThrownBy(() -> failed.get(5, java.util.concurrent.TimeUnit.SECONDS))
                    .isInstanceOf(java.util.concurrent.ExecutionException.class)
                    .hasCauseInstanceOf(NoClassDefFoundError.class);

            k.killSwitch().engage("test");
            OrderView refused = k.submitAsync(manual, SubmitOrder.market(AAPL, Side.BUY, Quantity.of(1)))
                    .toCompletableFuture().get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(refused.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(refused.reason()).startsWith("kill-switch");
            assertThat(refused.clientOrderId().value()).startsWith("manual");
            assertThat(k.call(() -> venue.received.size())).isEqualTo(1);
        } finally {
            k.stop();
        }
    }

    @Test
    void restartedKernelRebuildsExactStateFromTheJournal(@TempDir Path dir) {
        Path file = dir.resolve("k.journal");
        ScriptedVenue venue = new ScriptedVenue(Money.of("0.5"));
        FileJournal journal = new FileJournal(file, false);
        Kernel k = kernel(journal, venue);
        k.addStrategy(new BuyThenSell());
        k.processBar(bar(0, 100, 101));
        k.processBar(bar(1, 102, 103));
        k.processBar(bar(2, 104, 105));
        var account = k.account();
        var orders = k.orders();
        var positions = k.positions();
        journal.close();

        FileJournal reopened = new FileJournal(file, false);
        Kernel restarted = new Kernel(new SimulatedClock(0), reopened, Money.of("10000"), 1.0);
        assertThat(restarted.recover()).isGreaterThan(0);
        assertThat(restarted.account()).isEqualTo(account);
        assertThat(restarted.orders()).isEqualTo(orders);
        assertThat(restarted.positions()).isEqualTo(positions);
        reopened.close();
    }

    @Test
    void tornLastJournalLineIsDroppedAndCorruptMiddleLineRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("k.journal");
        FileJournal journal = new FileJournal(file, false);
        Kernel k = kernel(journal, new ScriptedVenue(Money.ZERO));
        k.addStrategy(new BuyThenSell());
        k.processBar(bar(0, 100, 101));
        k.processBar(bar(1, 102, 103));
        journal.close();
        List<String> lines = Files.readAllLines(file);
        Files.writeString(file, String.join("\n", lines) + "\nFIL\tpartial-wri");
        FileJournal repaired = new FileJournal(file, false);
        assertThat(repaired.repairNote()).contains("torn");
        repaired.close();
        assertThat(Files.readAllLines(file)).isEqualTo(lines);

        List<String> corrupt = new ArrayList<>(lines);
        corrupt.set(1, corrupt.get(1).replace('1', '7'));
        Files.write(file, corrupt);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FileJournal(file, false))
                .hasMessageContaining("line 2");
        assertThat(Files.readAllLines(file)).isEqualTo(corrupt);
    }
}
