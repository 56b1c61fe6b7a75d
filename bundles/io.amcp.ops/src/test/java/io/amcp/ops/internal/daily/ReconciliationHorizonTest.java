package io.amcp.ops.internal.daily;

import static io.amcp.ops.internal.daily.TradingDay.AAPL;
import static io.amcp.ops.internal.daily.TradingDay.ny;
import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderClass;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderType;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.StopLoss;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.order.TakeProfit;
import io.amcp.api.order.TimeInForce;
import io.amcp.api.spi.BrokerStatement;
import io.amcp.api.spi.BrokerStatementSource;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The after-hours reconciliation against a real kernel and a durable paper exchange: what the venue
 * lists but the kernel legitimately does not hold (an OCO order's group id, orders a journal
 * compaction forgot) is no difference, while real differences still are.
 */
class ReconciliationHorizonTest {

    private static final StrategyId ALPHA = StrategyId.of("alpha");
    private static final LocalDate MONDAY = LocalDate.of(2024, 3, 4);
    private static final LocalDate TUESDAY = LocalDate.of(2024, 3, 5);
    private static final LocalDate WEDNESDAY = LocalDate.of(2024, 3, 6);

    @TempDir
    Path tmp;

    private static Instant afterClose(LocalDate date) {
        return ny(date.atTime(16, 15));
    }

    private static JobResult reconcile(TradingDay day, LocalDate date, BrokerStatementSource broker) {
        return new Reconciler(day.kernel, () -> List.of(broker), TradingDay.NEW_YORK).run(date, afterClose(date));
    }

    /** The venue's own statement with one change, as a broker reporting something else would send it. */
    private static BrokerStatementSource altered(TradingDay day, UnaryOperator<BrokerStatement> change) {
        return new BrokerStatementSource() {
            @Override
            public String brokerId() {
                return "paper";
            }

            @Override
            public BrokerStatement statement() {
                return change.apply(day.statements().statement());
            }
        };
    }

    @Test
    void anOcoOrdersGroupIdIsNoDifferenceOnlyItsLegsAreCompared() {
        try (TradingDay day = new TradingDay(tmp.resolve("state"), MONDAY.atTime(9, 59))) {
            day.bar(MONDAY.atTime(10, 0), 179, 180, 178, 179);
            day.kernel.submit(ALPHA, SubmitOrder.market(AAPL, Side.BUY, Quantity.of(10)));
            day.bar(MONDAY.atTime(10, 1), 180, 181, 179, 181); // buys 10 at the open, 180
            ClientOrderId group = ClientOrderId.of("exit-1");
            day.kernel.submit(ALPHA, SubmitOrder.builder(AAPL, Side.SELL, Quantity.of(10)).clientOrderId(group)
                    .type(OrderType.LIMIT).orderClass(OrderClass.OCO).timeInForce(TimeInForce.GTC)
                    .takeProfit(TakeProfit.at(Price.of("190"))).stopLoss(StopLoss.at(Price.of("170"))).build());
            day.bar(MONDAY.atTime(10, 2), 181, 182, 180, 181); // both legs rest: 190 not reached, 170 not touched

            assertThat(day.kernel.order(group)).as("the kernel records the legs only").isNull();
            assertThat(day.kernel.order(ClientOrderId.of("exit-1-tp")).status()).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(day.statements().statement().orders()).containsOnlyKeys(
                    day.kernel.orders().stream().map(OrderView::clientOrderId).toList());
            JobResult working = reconcile(day, MONDAY, day.statements());
            assertThat(working.ok()).as(working.findings().toString()).isTrue();

            day.advanceTo(MONDAY.atTime(10, 3));
            day.bar(MONDAY.atTime(10, 3), 186, 191, 185, 190); // the take-profit sells 10 at 190, the stop is canceled
            JobResult done = reconcile(day, MONDAY, day.statements());
            assertThat(day.kernel.order(ClientOrderId.of("exit-1-tp")).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(done.ok()).as(done.findings().toString()).isTrue();
        }
    }

    @Test
    void aReplaceTheVenueRefusedIsNoOrderOnEitherSide() {
        try (TradingDay day = new TradingDay(tmp.resolve("state"), MONDAY.atTime(9, 59))) {
            day.bar(MONDAY.atTime(10, 0), 179, 180, 178, 179);
            ClientOrderId entry = ClientOrderId.of("entry-1");
            day.kernel.submit(ALPHA, SubmitOrder.builder(AAPL, Side.BUY, Quantity.of(10)).clientOrderId(entry)
                    .type(OrderType.LIMIT).limitPrice(Price.of("150")).orderClass(OrderClass.BRACKET)
                    .timeInForce(TimeInForce.GTC).takeProfit(TakeProfit.at(Price.of("200")))
                    .stopLoss(StopLoss.at(Price.of("140"))).build());
            day.bar(MONDAY.atTime(10, 1), 180, 181, 179, 181); // the entry rests at 150, its legs wait for it
            ClientOrderId takeProfit = ClientOrderId.of("entry-1-tp");
            ClientOrderId refused = ClientOrderId.of("entry-1-tp-2");
            // the venue refuses to replace a leg waiting for its entry (Alpaca answers such a PATCH with 422)
            day.kernel.replace(new ReplaceOrder(takeProfit, refused, null, Price.of("210"), null));
            day.bar(MONDAY.atTime(10, 2), 181, 182, 180, 181);

            assertThat(day.kernel.order(takeProfit).status()).isEqualTo(OrderStatus.HELD);
            assertThat(day.kernel.order(refused)).as("the kernel books a replacement on OrderReplaced only").isNull();
            JobResult r = reconcile(day, MONDAY, day.statements());
            assertThat(r.findings()).containsExactly("orders, positions and cash agree with paper");
            assertThat(day.statements().statement().orders()).doesNotContainKey(refused);
        }
    }

    @Test
    void ordersTheJournalCompactionForgotAreNoDifferenceButRealOnesStillAre() {
        ClientOrderId monday;
        ClientOrderId tuesday;
        try (TradingDay day = new TradingDay(tmp.resolve("state"), MONDAY.atTime(9, 59))) {
            day.bar(MONDAY.atTime(10, 0), 179, 180, 178, 179);
            monday = day.kernel.submit(ALPHA, SubmitOrder.market(AAPL, Side.BUY, Quantity.of(10))).clientOrderId();
            day.bar(MONDAY.atTime(10, 1), 180, 181, 179, 181); // buys 10 at 180
            assertThat(reconcile(day, MONDAY, day.statements()).ok()).isTrue();

            day.advanceTo(TUESDAY.atTime(10, 0));
            day.bar(TUESDAY.atTime(10, 0), 182, 183, 181, 182); // Tuesday's first bar starts the trading day
            tuesday = day.kernel.submit(ALPHA, SubmitOrder.market(AAPL, Side.SELL, Quantity.of(4))).clientOrderId();
            day.bar(TUESDAY.atTime(10, 1), 185, 185, 183, 184); // sells 4 at 185
            assertThat(reconcile(day, TUESDAY, day.statements()).ok()).isTrue();
            day.advanceTo(TUESDAY.atTime(18, 0));
            new JournalCompaction(() -> day.kernel).run(TUESDAY, ny(TUESDAY.atTime(18, 0)));
        }
        try (TradingDay day = new TradingDay(tmp.resolve("state"), WEDNESDAY.atTime(9, 0))) {
            // the restarted kernel forgot Monday's filled order (a RetiredOrder now); the venue still lists it
            assertThat(day.kernel.order(monday)).isNull();
            assertThat(day.kernel.order(tuesday).status()).isEqualTo(OrderStatus.FILLED);
            day.bar(WEDNESDAY.atTime(10, 0), 186, 187, 185, 186);
            OrderView wednesday = day.kernel.submit(ALPHA, SubmitOrder.market(AAPL, Side.BUY, Quantity.of(2)));
            day.bar(WEDNESDAY.atTime(10, 1), 187, 188, 186, 187); // buys 2 at 187

            // cash 100000 - 10 x 180 + 4 x 185 - 2 x 187 = 98566; 8 AAPL held
            assertThat(day.kernel.account().cash()).isEqualTo(Money.of("98566"));
            JobResult clean = reconcile(day, WEDNESDAY, day.statements());
            assertThat(clean.ok()).as(clean.findings().toString()).isTrue();
            assertThat(clean.findings()).containsExactly("orders, positions and cash agree with paper");

            // a wrong filled quantity on today's order and cash off by one cent are still differences
            JobResult altered = reconcile(day, WEDNESDAY, altered(day, st -> {
                Map<ClientOrderId, BrokerStatement.OrderState> orders = new HashMap<>(st.orders());
                orders.put(wednesday.clientOrderId(), BrokerStatement.OrderState.of(OrderStatus.FILLED, Quantity.of(3)));
                return BrokerStatement.of(st.brokerId(), orders, st.positions(), st.cash().minus(Money.of("0.01")));
            }));
            assertThat(altered.findings()).containsExactly(
                    "ORDER " + wednesday.clientOrderId().value() + ": platform FILLED filled 2, broker FILLED filled 3",
                    "CASH paper: platform 98566, broker 98565.99");

            // an order the venue has and the kernel never sent (placed at the venue directly) is a difference
            day.exchange.submit(SubmitOrder.builder(AAPL, Side.BUY, Quantity.of(3)).clientOrderId(ClientOrderId.of("foreign-1"))
                    .build());
            day.advanceTo(WEDNESDAY.atTime(10, 2));
            day.bar(WEDNESDAY.atTime(10, 2), 188, 189, 187, 188); // the venue buys 3 at 188 for it
            JobResult foreign = reconcile(day, WEDNESDAY, day.statements());
            // venue cash 98566 - 3 x 188 = 98002, 11 AAPL
            assertThat(foreign.findings()).containsExactly(
                    "ORDER foreign-1: platform no such order, broker FILLED filled 3",
                    "CASH paper: platform 98566, broker 98002",
                    "POSITION AAPL: platform 8, broker 11");
        }
    }
}
