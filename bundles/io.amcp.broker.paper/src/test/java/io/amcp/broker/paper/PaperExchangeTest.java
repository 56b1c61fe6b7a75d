package io.amcp.broker.paper;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.Bar;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.order.OrderAccepted;
import io.amcp.api.order.OrderCanceled;
import io.amcp.api.order.OrderClass;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderExpired;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.OrderRejected;
import io.amcp.api.order.OrderTriggered;
import io.amcp.api.order.OrderType;
import io.amcp.api.order.StopLoss;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.order.TakeProfit;
import io.amcp.api.order.TimeInForce;
import io.amcp.api.spi.Clock;
import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaperExchangeTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");
    private static final InstrumentId BTC = InstrumentId.of("BTC/USD");
    /** Closes (16:00 New York) of the 2013 trading days Jan 2, 3, 4, 7, 8, 9. */
    private static final long[] CLOSES = {close("2013-01-02"), close("2013-01-03"), close("2013-01-04"),
            close("2013-01-07"), close("2013-01-08"), close("2013-01-09")};

    private long now;
    private final List<OrderEvent> events = new ArrayList<>();

    private static long close(String date) {
        return Clock.toNanos(ZonedDateTime.parse(date + "T16:00-05:00[America/New_York]").toInstant());
    }

    private PaperExchange exchange(PaperSettings settings) {
        PaperExchange x = new PaperExchange(() -> now, settings);
        x.connect(events::add);
        return x;
    }

    private static Bar bar(InstrumentId id, long time, double o, double h, double l, double c, double v) {
        return Bar.of(id, time, o, h, l, c, v);
    }

    /** Bar d (0-based) of AAPL; the clock moves to its close as the kernel's would. */
    private void feed(PaperExchange x, int d, double o, double h, double l, double c) {
        feed(x, d, o, h, l, c, 1_000_000);
    }

    private void feed(PaperExchange x, int d, double o, double h, double l, double c, double v) {
        now = CLOSES[d];
        x.onBar(bar(AAPL, CLOSES[d], o, h, l, c, v));
    }

    private <T extends OrderEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static SubmitOrder.Builder order(String id, Side side, long qty) {
        return SubmitOrder.builder(AAPL, side, Quantity.of(qty)).clientOrderId(ClientOrderId.of(id));
    }

    @Test
    void marketOrderFillsAtTheNextBarsOpenNeverOnTheDecisionBar() {
        PaperExchange x = exchange(PaperSettings.FRICTIONLESS);
        feed(x, 0, 100, 102, 99, 101);
        x.submit(order("m", Side.BUY, 10).build());
        x.onBar(bar(AAPL, CLOSES[0], 100, 102, 99, 101, 1000));
        assertThat(of(OrderFilled.class)).isEmpty();
        feed(x, 1, 103, 104, 100, 102);
        assertThat(of(OrderAccepted.class)).hasSize(1);
        OrderFilled f = of(OrderFilled.class).get(0);
        assertThat(f.price()).isEqualTo(Price.of("103"));
        assertThat(f.quantity()).isEqualTo(Quantity.of(10));
        assertThat(f.time()).isEqualTo(CLOSES[1]);
    }

    @Test
    void limitFillsAtTheLimitOrABetterOpen() {
        PaperExchange x = exchange(PaperSettings.FRICTIONLESS);
        now = CLOSES[0];
        x.submit(order("a", Side.BUY, 1).type(OrderType.LIMIT).limitPrice(Price.of("98")).timeInForce(TimeInForce.GTC).build());
        x.submit(order("b", Side.BUY, 1).type(OrderType.LIMIT).limitPrice(Price.of("105")).build());
        x.submit(order("c", Side.SELL, 1).type(OrderType.LIMIT).limitPrice(Price.of("110")).timeInForce(TimeInForce.GTC).build());
        feed(x, 1, 100, 104, 97, 99);
        // a: open 100 above 98, low 97 reaches it -> 98; b: open 100 already below 105 -> 100; c: high 104 < 110
        assertThat(of(OrderFilled.class)).extracting(f -> f.clientOrderId().value() + "@" + f.price())
                .containsExactlyInAnyOrder("a@98", "b@100");
    }

    @Test
    void stopFillsAtTheStopOrAtTheGapOpenWithSlippage() {
        PaperExchange x = exchange(new PaperSettings(10, CommissionModel.NONE, 0));
        now = CLOSES[0];
        x.submit(order("s1", Side.SELL, 1).type(OrderType.STOP).stopPrice(Price.of("95")).timeInForce(TimeInForce.GTC).build());
        x.submit(order("s2", Side.SELL, 1).type(OrderType.STOP).stopPrice(Price.of("99")).timeInForce(TimeInForce.GTC).build());
        feed(x, 1, 98, 99, 90, 92);
        // s1: range reaches 95 -> 95 less 10 bps = 94.905; s2: opened at 98, below 99 -> 98 less 10 bps = 97.902
        assertThat(of(OrderFilled.class)).extracting(f -> f.clientOrderId().value() + "@" + f.price())
                .containsExactlyInAnyOrder("s1@94.905", "s2@97.902");
    }

    @Test
    void stopLimitTriggersThenWorksAsALimit() {
        PaperExchange x = exchange(PaperSettings.FRICTIONLESS);
        now = CLOSES[0];
        x.submit(order("sl", Side.BUY, 1).type(OrderType.STOP_LIMIT).stopPrice(Price.of("105"))
                .limitPrice(Price.of("106")).timeInForce(TimeInForce.GTC).build());
        feed(x, 1, 108, 110, 107, 109);
        // gapped over the stop to 108, above the 106 limit, and never came back to 106: triggered, unfilled
        assertThat(of(OrderFilled.class)).isEmpty();
        feed(x, 2, 107, 108, 105.5, 106);
        assertThat(of(OrderFilled.class)).extracting(OrderFilled::price).containsExactly(Price.of("106"));
    }

    @Test
    void trailingStopFollowsTheHighAndFillsWhenPriceFallsBack() {
        PaperExchange x = exchange(PaperSettings.FRICTIONLESS);
        now = CLOSES[0];
        x.submit(order("t", Side.SELL, 1).type(OrderType.TRAILING_STOP).trailPrice(Price.of("5"))
                .timeInForce(TimeInForce.GTC).build());
        feed(x, 1, 100, 110, 99, 108); // best 100 -> stop 95 not hit; best becomes 110
        feed(x, 2, 109, 112, 106, 111); // stop 105 not hit; best 112
        assertThat(of(OrderFilled.class)).isEmpty();
        feed(x, 3, 108, 109, 100, 101); // stop 107: range reaches it -> 107
        assertThat(of(OrderFilled.class)).extracting(OrderFilled::price).containsExactly(Price.of("107"));
    }

    @Test
    void trailingPercent() {
        PaperExchange x = exchange(PaperSettings.FRICTIONLESS);
        now = CLOSES[0];
        x.submit(order("t", Side.SELL, 1).type(OrderType.TRAILING_STOP).trailPercent(new BigDecimal("10"))
                .timeInForce(TimeInForce.GTC).build());
        feed(x, 1, 100, 120, 99, 119); // stop 90; best 120
        feed(x, 2, 110, 111, 100, 105); // stop 108 (120 - 12): hit -> 108
        assertThat(of(OrderFilled.class)).extracting(OrderFilled::price).containsExactly(Price.of("108"));
    }

    @Test
    void bracketLegsWaitForTheEntryAndTheStopWinsWhenOneBarTouchesBoth() {
        PaperExchange x = exchange(PaperSettings.FRICTIONLESS);
        now = CLOSES[0];
        x.submit(order("br", Side.BUY, 10).bracket(TakeProfit.at(Price.of("110")), StopLoss.at(Price.of("95")))
                .timeInForce(TimeInForce.GTC).build());
        feed(x, 1, 100, 115, 90, 100); // entry fills at 100; legs only become active now
        assertThat(of(OrderFilled.class)).extracting(f -> f.clientOrderId().value()).containsExactly("br");
        assertThat(of(OrderTriggered.class)).extracting(e -> e.clientOrderId().value())
                .containsExactly("br-tp", "br-sl");
        feed(x, 2, 100, 112, 94, 100); // touches both 110 and 95: stop first
        assertThat(of(OrderFilled.class)).extracting(f -> f.clientOrderId().value() + "@" + f.price())
                .containsExactly("br@100", "br-sl@95");
        assertThat(of(OrderCanceled.class)).extracting(e -> e.clientOrderId().value()).containsExactly("br-tp");
        assertThat(x.workingOrders()).isZero();
    }

    @Test
    void ocoWorksBothExitsAndOtoOnlyOne() {
        PaperExchange x = exchange(PaperSettings.FRICTIONLESS);
        now = CLOSES[0];
        x.submit(order("oco", Side.SELL, 5).type(OrderType.LIMIT).orderClass(OrderClass.OCO)
                .takeProfit(TakeProfit.at(Price.of("110"))).stopLoss(StopLoss.at(Price.of("90")))
                .timeInForce(TimeInForce.GTC).build());
        x.submit(order("oto", Side.BUY, 5).orderClass(OrderClass.OTO).takeProfit(TakeProfit.at(Price.of("111")))
                .timeInForce(TimeInForce.GTC).build());
        assertThat(of(OrderAccepted.class)).extracting(e -> e.clientOrderId().value())
                .containsExactly("oco-tp", "oco-sl", "oto");
        feed(x, 1, 100, 111, 99, 105);
        // oco-tp sells at 110 and cancels oco-sl; oto buys at 100 and arms its take-profit
        assertThat(of(OrderFilled.class)).extracting(f -> f.clientOrderId().value() + "@" + f.price())
                .containsExactlyInAnyOrder("oco-tp@110", "oto@100");
        assertThat(of(OrderCanceled.class)).extracting(e -> e.clientOrderId().value()).containsExactly("oco-sl");
        feed(x, 2, 108, 112, 107, 111);
        assertThat(of(OrderFilled.class)).extracting(f -> f.clientOrderId().value()).contains("oto-tp");
    }

    @Test
    void volumeCapMakesPartialFillsAndIocCancelsTheRest() {
        PaperExchange x = exchange(new PaperSettings(0, CommissionModel.NONE, 0.1));
        now = CLOSES[0];
        x.submit(order("big", Side.BUY, 250).timeInForce(TimeInForce.GTC).build());
        x.submit(order("ioc", Side.BUY, 500).timeInForce(TimeInForce.IOC).build());
        feed(x, 1, 100, 101, 99, 100, 1000); // cap 100 shares for the bar: all to 'big'
        feed(x, 2, 100, 101, 99, 100, 2000); // cap 200: 150 completes 'big'
        assertThat(of(OrderFilled.class)).extracting(f -> f.clientOrderId().value() + ":" + f.quantity())
                .containsExactly("big:100", "big:150");
        // the IOC got nothing on its first bar (the cap was used up) and was canceled there
        assertThat(of(OrderCanceled.class)).extracting(e -> e.clientOrderId().value()).containsExactly("ioc");
    }

    @Test
    void fokFillsCompletelyOrNotAtAll() {
        PaperExchange x = exchange(new PaperSettings(0, CommissionModel.NONE, 0.1));
        now = CLOSES[0];
        x.submit(order("fok", Side.BUY, 150).timeInForce(TimeInForce.FOK).build());
        feed(x, 1, 100, 101, 99, 100, 1000);
        assertThat(of(OrderFilled.class)).isEmpty();
        assertThat(of(OrderCanceled.class)).extracting(OrderCanceled::reason).allMatch(r -> r.startsWith("FOK"));
    }

    @Test
    void commissionModelsByHand() {
        var perShare = new CommissionModel.PerShare(Money.of("0.005"), Money.of("1"));
        var aapl = io.amcp.api.model.Instrument.equity("AAPL");
        // 100 shares x 0.005 = 0.50 -> minimum 1.00; 1000 shares -> 5.00
        assertThat(perShare.commissionRaw(aapl, Quantity.of(100).raw(), 0)).isEqualTo(Money.of("1").raw());
        assertThat(perShare.commissionRaw(aapl, Quantity.of(1000).raw(), 0)).isEqualTo(Money.of("5").raw());
        var option = io.amcp.api.model.Instrument.option("AAPL240119C00150000");
        var perContract = new CommissionModel.PerContract(Money.of("0.65"), Money.of("0"));
        assertThat(perContract.commissionRaw(option, Quantity.of(3).raw(), 0)).isEqualTo(Money.of("1.95").raw());
        // 10 bps of 50 x 200 = 10000 notional = 10.00
        var bps = new CommissionModel.Bps(10);
        assertThat(bps.commissionRaw(aapl, Quantity.of(50).raw(), Price.of("200").raw())).isEqualTo(Money.of("10").raw());
    }

    @Test
    void dayOrdersExpireAtTheCloseGtcStays() {
        PaperExchange x = exchange(PaperSettings.FRICTIONLESS);
        now = CLOSES[0];
        x.submit(order("day", Side.BUY, 1).type(OrderType.LIMIT).limitPrice(Price.of("50")).build());
        x.submit(order("gtc", Side.BUY, 1).type(OrderType.LIMIT).limitPrice(Price.of("50")).timeInForce(TimeInForce.GTC).build());
        feed(x, 1, 100, 101, 99, 100);
        assertThat(of(OrderExpired.class)).extracting(e -> e.clientOrderId().value()).containsExactly("day");
        assertThat(of(OrderExpired.class).get(0).time()).isEqualTo(CLOSES[1]);
        assertThat(x.workingOrders()).isEqualTo(1);
    }

    @Test
    void duplicateClientOrderIdIsRejectedAndNeverExecutedTwice() {
        PaperExchange x = exchange(PaperSettings.FRICTIONLESS);
        now = CLOSES[0];
        x.submit(order("d", Side.BUY, 1).build());
        x.submit(order("d", Side.BUY, 1).build());
        feed(x, 1, 100, 101, 99, 100);
        assertThat(of(OrderRejected.class)).extracting(OrderRejected::reason).containsExactly("duplicate client order id");
        assertThat(of(OrderFilled.class)).hasSize(1);
    }

    @Test
    void equitiesWaitForRegularHoursCryptoTradesOnSunday() {
        PaperExchange x = exchange(PaperSettings.FRICTIONLESS);
        long saturdayNoon = Clock.toNanos(ZonedDateTime.parse("2013-01-05T12:00-05:00[America/New_York]").toInstant());
        long sundayNoon = saturdayNoon + 86_400_000_000_000L;
        now = saturdayNoon;
        x.submit(order("eq", Side.BUY, 1).timeInForce(TimeInForce.GTC).build());
        x.submit(SubmitOrder.builder(BTC, Side.BUY, Quantity.of("0.5")).clientOrderId(ClientOrderId.of("btc"))
                .timeInForce(TimeInForce.GTC).build());
        now = sundayNoon;
        x.onBar(bar(AAPL, sundayNoon, 100, 100, 100, 100, 10));
        x.onBar(bar(BTC, sundayNoon, 13.5, 14, 13, 13.8, 50));
        assertThat(of(OrderFilled.class)).extracting(f -> f.clientOrderId().value()).containsExactly("btc");
    }

    @Test
    void openingAndClosingAuctionOrders() {
        PaperExchange x = exchange(PaperSettings.FRICTIONLESS);
        now = CLOSES[0];
        x.submit(order("opg", Side.BUY, 1).timeInForce(TimeInForce.OPG).build());
        x.submit(order("cls", Side.BUY, 1).timeInForce(TimeInForce.CLS).build());
        feed(x, 1, 100, 104, 99, 103);
        // the daily bar is the whole session: OPG at its open, CLS at its close
        assertThat(of(OrderFilled.class)).extracting(f -> f.clientOrderId().value() + "@" + f.price())
                .containsExactly("opg@100", "cls@103");
    }

    @Test
    void quotesFillMarketOrdersAtTheTouch() {
        PaperExchange x = exchange(PaperSettings.FRICTIONLESS);
        now = CLOSES[0];
        x.submit(order("q", Side.BUY, 10).timeInForce(TimeInForce.GTC).build());
        now = CLOSES[0] + 1;
        x.onQuote(io.amcp.api.model.Quote.of(AAPL, now, 99.5, 100.25, 100, 300));
        assertThat(of(OrderFilled.class)).extracting(OrderFilled::price).containsExactly(Price.of("100.25"));
    }
}
