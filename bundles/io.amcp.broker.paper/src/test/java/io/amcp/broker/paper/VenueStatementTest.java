package io.amcp.broker.paper;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.Bar;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.BrokerStatement;
import io.amcp.api.spi.Clock;
import io.amcp.core.Kernel;
import io.amcp.core.SimulatedClock;
import io.amcp.core.journal.FileJournal;
import io.amcp.core.journal.Journal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper venue's statement after real trading through a kernel, checked against amounts worked
 * out by hand, and rebuilt identically by a durable exchange restarted from its journal.
 */
class VenueStatementTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");
    private static final StrategyId ALPHA = StrategyId.of("alpha");
    private static final Money OPENING = Money.of("100000");
    /** 0.005 a share, at least 1.00 a fill. */
    private static final PaperSettings PER_SHARE = new PaperSettings(0,
            new CommissionModel.PerShare(Money.of("0.005"), Money.of("1.00")), 0);

    @TempDir
    Path tmp;

    private static long ny(int hour, int minute) {
        return ny(4, hour, minute);
    }

    /** March 2024, New York time. */
    private static long ny(int day, int hour, int minute) {
        return Clock.toNanos(LocalDateTime.of(2024, 3, day, hour, minute).atZone(ZoneId.of("America/New_York")).toInstant());
    }

    @Test
    void statementOfTheDayListsTodaysAndOpenOrdersWithPositionsAndCashOfAllDays() {
        SimulatedClock clock = new SimulatedClock(ny(4, 9, 59));
        Kernel kernel = new Kernel(clock, Journal.NONE, OPENING, 1.0);
        kernel.registerInstrument(Instrument.equity("AAPL"));
        PaperExchange exchange = new PaperExchange("paper", clock, PaperSettings.FRICTIONLESS, kernel::instrument);
        kernel.addBroker(exchange);
        kernel.addMarketDataSink(exchange);

        // Monday: a market buy of 10 fills at 180; a GTC limit buy at 150 keeps working
        kernel.post(Bar.of(AAPL, ny(4, 10, 0), 179, 180, 178, 179, 1_000_000));
        OrderView monday = kernel.submit(ALPHA, SubmitOrder.market(AAPL, Side.BUY, Quantity.of(10)));
        OrderView resting = kernel.submit(ALPHA, SubmitOrder.builder(AAPL, Side.BUY, Quantity.of(1))
                .type(io.amcp.api.order.OrderType.LIMIT).limitPrice(Price.of("150"))
                .timeInForce(io.amcp.api.order.TimeInForce.GTC).build());
        kernel.post(Bar.of(AAPL, ny(4, 10, 1), 180, 181, 179, 181, 1_000_000));
        // Tuesday: a market sell of 4 fills at 185
        kernel.post(Bar.of(AAPL, ny(5, 10, 0), 184, 185, 183, 184, 1_000_000));
        OrderView tuesday = kernel.submit(ALPHA, SubmitOrder.market(AAPL, Side.SELL, Quantity.of(4)));
        kernel.post(Bar.of(AAPL, ny(5, 10, 1), 185, 186, 184, 185, 1_000_000));
        clock.advanceTo(ny(5, 16, 15));

        BrokerStatement today = exchange.statementOfTheDay(OPENING);
        assertThat(today).isEqualTo(exchange.statement(OPENING, ny(5, 0, 0)));
        // Monday's filled order is left out; the order still working and Tuesday's are listed
        assertThat(today.orders()).containsOnlyKeys(resting.clientOrderId(), tuesday.clientOrderId());
        assertThat(exchange.statement(OPENING).orders()).containsOnlyKeys(
                monday.clientOrderId(), resting.clientOrderId(), tuesday.clientOrderId());
        // cash and positions cover both days: 100000 - 10 x 180 + 4 x 185 = 98940, 6 AAPL
        assertThat(today.cash()).isEqualTo(Money.of("98940"));
        assertThat(today.positions()).isEqualTo(Map.of(AAPL, Quantity.of(6)));
        kernel.stop();
    }

    @Test
    void statementListsOrdersPositionsAndCashAsTheVenueBookedThem() {
        SimulatedClock clock = new SimulatedClock(ny(9, 59));
        Path journalFile = tmp.resolve("paper/exchange.journal");
        FileJournal journal = new FileJournal(journalFile, false);
        Kernel kernel = new Kernel(clock, Journal.NONE, OPENING, 1.0);
        kernel.registerInstrument(Instrument.equity("AAPL"));
        PaperExchange exchange = new PaperExchange("paper", clock, PER_SHARE, kernel::instrument, journal);
        kernel.addBroker(exchange);
        kernel.addMarketDataSink(exchange);

        kernel.post(Bar.of(AAPL, ny(10, 0), 179, 180, 178, 179, 1_000_000));
        OrderView buy = kernel.submit(ALPHA, SubmitOrder.market(AAPL, Side.BUY, Quantity.of(10)));
        clock.advanceTo(ny(10, 1));
        kernel.post(Bar.of(AAPL, ny(10, 1), 180, 181, 179, 181, 1_000_000)); // fills 10 at the open, 180
        OrderView sell = kernel.submit(ALPHA, SubmitOrder.market(AAPL, Side.SELL, Quantity.of(4)));
        clock.advanceTo(ny(10, 2));
        kernel.post(Bar.of(AAPL, ny(10, 2), 185, 185, 183, 184, 1_000_000)); // fills 4 at 185
        OrderView resting = kernel.submit(ALPHA, SubmitOrder.limit(AAPL, Side.BUY, Quantity.of(5), Price.of("170")));
        clock.advanceTo(ny(10, 3));
        kernel.post(Bar.of(AAPL, ny(10, 3), 184, 185, 183, 184, 1_000_000)); // accepted, 170 not reached

        BrokerStatement st = exchange.statement(OPENING);
        // commission: 10 x 0.005 = 0.05 and 4 x 0.005 = 0.02, each raised to the 1.00 minimum
        // cash: 100000 - 10 x 180 - 1.00 + 4 x 185 - 1.00 = 98938
        assertThat(st.brokerId()).isEqualTo("paper");
        assertThat(st.cash()).isEqualTo(Money.of("98938"));
        assertThat(st.positions()).isEqualTo(Map.of(AAPL, Quantity.of(6)));
        assertThat(st.orders()).containsExactlyInAnyOrderEntriesOf(Map.of(
                buy.clientOrderId(), BrokerStatement.OrderState.of(OrderStatus.FILLED, Quantity.of(10)),
                sell.clientOrderId(), BrokerStatement.OrderState.of(OrderStatus.FILLED, Quantity.of(4)),
                resting.clientOrderId(), BrokerStatement.OrderState.of(OrderStatus.ACCEPTED, Quantity.ZERO)));
        assertThat(kernel.account().cash()).as("the kernel's ledger books the same fills").isEqualTo(st.cash());

        kernel.stop();
        journal.close();
        FileJournal reopened = new FileJournal(journalFile, false);
        try {
            PaperExchange restarted = new PaperExchange("paper", clock, PER_SHARE, Instrument::infer, reopened);
            assertThat(restarted.statement(OPENING)).isEqualTo(st);
        } finally {
            reopened.close();
        }
    }
}
