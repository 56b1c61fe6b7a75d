package io.amcp.backtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.order.OrderFilled;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundTripTrackerTest {

    private static final double EPS = 1e-9;
    private static int fillSeq;

    private static OrderFilled fill(String symbol, String order, Side side, String qty, String price, String commission,
            long time) {
        return new OrderFilled(ClientOrderId.of(order), "T" + (++fillSeq), InstrumentId.of(symbol), side,
                Quantity.of(qty), Price.of(price), Money.of(commission), time);
    }

    @Test
    void partialFillsAreAveragedAndAFlipOpensTheOtherSide() {
        List<Trade> trades = RoundTripTracker.pair(List.of(
                // entry order O1: BUY 100 in two parts -> one lot of 100 @ (60x10.00 + 40x10.50)/100 = 10.20, commission 1.0
                fill("AAPL", "O1", Side.BUY, "60", "10.00", "0.60", 1),
                fill("AAPL", "O1", Side.BUY, "40", "10.50", "0.40", 2),
                // exit order O2: SELL 150 in two parts
                // part 1: 50 @ 11.00, commission 0.50: (11.00 - 10.20) x 50 - 0.50 entry share - 0.50 = 39
                fill("AAPL", "O2", Side.SELL, "50", "11.00", "0.50", 3),
                // part 2: 100 @ 11.20, commission 1.00 (0.01/unit): closes the other 50:
                //   (11.20 - 10.20) x 50 - 0.50 entry share - 0.50 exit share = 49, merged with part 1:
                //   quantity 100, exit (50x11.00 + 50x11.20)/100 = 11.10, pnl 39 + 49 = 88
                //   = (11.10 - 10.20) x 100 - 2.00 commissions. The other 50 open a short @ 11.20, commission 0.50.
                fill("AAPL", "O2", Side.SELL, "100", "11.20", "1.00", 4),
                // O3 covers: -(10.80 - 11.20) x 50 - 0.50 - 0.50 = 20 - 1 = 19
                fill("AAPL", "O3", Side.BUY, "50", "10.80", "0.50", 5)));

        assertThat(trades).hasSize(2);
        Trade longTrade = trades.get(0);
        assertThat(longTrade.side()).isEqualTo(Side.BUY);
        assertThat(longTrade.quantity()).isCloseTo(100, within(EPS));
        assertThat(longTrade.entryTime()).isEqualTo(1);
        assertThat(longTrade.entryPrice()).isCloseTo(10.20, within(EPS));
        assertThat(longTrade.exitTime()).isEqualTo(4L);
        assertThat(longTrade.exitPrice()).isCloseTo(11.10, within(EPS));
        assertThat(longTrade.pnl()).isCloseTo(88.0, within(EPS));

        Trade shortTrade = trades.get(1);
        assertThat(shortTrade.side()).isEqualTo(Side.SELL);
        assertThat(shortTrade.quantity()).isCloseTo(50, within(EPS));
        assertThat(shortTrade.entryTime()).isEqualTo(4);
        assertThat(shortTrade.entryPrice()).isCloseTo(11.20, within(EPS));
        assertThat(shortTrade.exitTime()).isEqualTo(5L);
        assertThat(shortTrade.exitPrice()).isCloseTo(10.80, within(EPS));
        assertThat(shortTrade.pnl()).isCloseTo(19.0, within(EPS));
    }

    @Test
    void closesOldestLotFirstAndLeavesTheRestOpen() {
        RoundTripTracker tracker = new RoundTripTracker();
        tracker.onFill(fill("MSFT", "A", Side.BUY, "10", "100", "1.00", 10));
        tracker.onFill(fill("MSFT", "B", Side.BUY, "10", "110", "1.00", 20));
        // SELL 15 @ 120, commission 1.50 = 0.10/unit
        tracker.onFill(fill("MSFT", "C", Side.SELL, "15", "120", "1.50", 30));

        List<Trade> trades = tracker.trades();
        assertThat(trades).hasSize(3);
        // lot A: (120 - 100) x 10 - 1.00 entry - 10 x 0.10 exit = 198
        assertThat(trades.get(0).entryPrice()).isCloseTo(100, within(EPS));
        assertThat(trades.get(0).quantity()).isCloseTo(10, within(EPS));
        assertThat(trades.get(0).pnl()).isCloseTo(198.0, within(EPS));
        // lot B, 5 of 10: (120 - 110) x 5 - 1.00 x 5/10 - 5 x 0.10 = 49
        assertThat(trades.get(1).entryPrice()).isCloseTo(110, within(EPS));
        assertThat(trades.get(1).quantity()).isCloseTo(5, within(EPS));
        assertThat(trades.get(1).pnl()).isCloseTo(49.0, within(EPS));
        // the other 5 of lot B stay open
        Trade open = trades.get(2);
        assertThat(open.isOpen()).isTrue();
        assertThat(open.side()).isEqualTo(Side.BUY);
        assertThat(open.quantity()).isCloseTo(5, within(EPS));
        assertThat(open.entryTime()).isEqualTo(20);
        assertThat(open.exitTime()).isNull();
        assertThat(open.exitPrice()).isNull();
        assertThat(open.pnl()).isNull();
        assertThat(tracker.openTrades()).containsExactly(open);
        assertThat(tracker.closedTrades()).hasSize(2);
    }

    @Test
    void shortEntryPerInstrumentAndDuplicateFillsIgnored() {
        RoundTripTracker tracker = new RoundTripTracker();
        OrderFilled shortEntry = fill("BTC/USD", "S1", Side.SELL, "0.5", "40000", "10", 1);
        tracker.onFill(shortEntry);
        tracker.onFill(shortEntry);
        tracker.onFill(fill("ETH/USD", "E1", Side.BUY, "2", "2000", "0", 2));
        // cover 0.5 @ 39000: -(39000 - 40000) x 0.5 - 10 - 5 = 485
        tracker.onFill(fill("BTC/USD", "S2", Side.BUY, "0.5", "39000", "5", 3));

        assertThat(tracker.closedTrades()).singleElement().satisfies(t -> {
            assertThat(t.symbol()).isEqualTo("BTC/USD");
            assertThat(t.side()).isEqualTo(Side.SELL);
            assertThat(t.quantity()).isCloseTo(0.5, within(EPS));
            assertThat(t.pnl()).isCloseTo(485.0, within(EPS));
        });
        assertThat(tracker.openTrades()).singleElement().satisfies(t -> {
            assertThat(t.symbol()).isEqualTo("ETH/USD");
            assertThat(t.quantity()).isCloseTo(2, within(EPS));
        });
    }
}
