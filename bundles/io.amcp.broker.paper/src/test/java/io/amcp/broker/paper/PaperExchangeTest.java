package io.amcp.broker.paper;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.Bar;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Quote;
import io.amcp.api.model.Side;
import io.amcp.api.order.OrderAccepted;
import io.amcp.api.order.OrderCanceled;
import io.amcp.api.order.OrderClass;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderExpired;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.OrderRejected;
import io.amcp.api.order.OrderReplaced;
import io.amcp.api.order.OrderTriggered;
import io.amcp.api.order.OrderType;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.StopLoss;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.order.TakeProfit;
import io.amcp.api.order.TimeInForce;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.PluginStatus;
import java.math.BigDecimal;
import java.time.Instant;
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
        var aapl = Instrument.equity("AAPL");
        // 100 shares x 0.005 = 0.50 -> minimum 1.00; 1000 shares -> 5.00
        assertThat(perShare.commissionRaw(aapl, Quantity.of(100).raw(), 0, 0)).isEqualTo(Money.of("1").raw());
        assertThat(perShare.commissionRaw(aapl, Quantity.of(1000).raw(), 0, 0)).isEqualTo(Money.of("5").raw());
        var option = Instrument.option("AAPL240119C00150000");
        var perContract = new CommissionModel.PerContract(Money.of("0.65"), Money.of("0"));
        assertThat(perContract.commissionRaw(option, Quantity.of(3).raw(), 0, 0)).isEqualTo(Money.of("1.95").raw());
        // 10 bps of 50 x 200 = 10000 notional = 10.00
        var bps = new CommissionModel.Bps(10);
        assertThat(bps.commissionRaw(aapl, Quantity.of(50).raw(), Price.of("200").raw(), 0)).isEqualTo(Money.of("10").raw());
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

    private static long est(String localDateTime) {
        return Clock.toNanos(ZonedDateTime.parse(localDateTime + "-05:00[America/New_York]").toInstant());
    }

    private void minute(PaperExchange x, String localDateTime, double o, double h, double l, double c) {
        now = est(localDateTime);
        x.onBar(bar(AAPL, now, o, h, l, c, 1_000_000));
    }

    private List<String> fills() {
        return of(OrderFilled.class).stream().map(f -> f.clientOrderId().value() + ":" + f.quantity() + "@" + f.price())
                .toList();
    }

    private List<String> ids(Class<? extends OrderEvent> type) {
        return events.stream().filter(type::isInstance).map(e -> e.clientOrderId().value()).toList();
    }

    @Test
    void quotesFillAtTheTouchOfTheNextQuote() {
        PaperExchange x = exchange(PaperSettings.FRICTIONLESS);
        now = est("2013-01-03T10:00");
        x.submit(order("buy", Side.BUY, 10).timeInForce(TimeInForce.GTC).build());
        x.submit(order("sell", Side.SELL, 10).timeInForce(TimeInForce.GTC).build());
        x.submit(order("lim", Side.BUY, 10).type(OrderType.LIMIT).limitPrice(Price.of("99.75"))
                .timeInForce(TimeInForce.GTC).build());
        // a quote stamped at the acceptance time is not "next"
        x.onQuote(Quote.of(AAPL, now, 99.5, 100.25, 100, 300));
        assertThat(fills()).isEmpty();
        now += 1_000_000;
        x.onQuote(Quote.of(AAPL, now, 99.5, 100.25, 100, 300));
        // buy at the ask 100.25, sell at the bid 99.5; the 99.75 limit is below the ask
        assertThat(fills()).containsExactly("buy:10@100.25", "sell:10@99.5");
        now += 1_000_000;
        x.onQuote(Quote.of(AAPL, now, 99.4, 99.7, 100, 4));
        // ask 99.70 crosses the 99.75 limit: fills at the ask, only the 4 displayed
        assertThat(fills()).contains("lim:4@99.7");
        assertThat(x.workingOrders()).isEqualTo(1);
    }

    @Test
    void buyTrailingStopFollowsTheLow() {
        PaperExchange x = exchange(PaperSettings.FRICTIONLESS);
        now = CLOSES[0];
        x.submit(order("t", Side.BUY, 1).type(OrderType.TRAILING_STOP).trailPrice(Price.of("2"))
                .timeInForce(TimeInForce.GTC).build());
        feed(x, 1, 100, 101, 97, 98); // best 100 -> stop 102, high 101 misses; best becomes 97
        feed(x, 2, 98, 99.5, 97.5, 99); // stop 99: high 99.5 reaches it -> 99
        assertThat(fills()).containsExactly("t:1@99");
    }

    @Test
    void slippageMovesMarketFillsAgainstTheTraderButNeverALimit() {
        PaperExchange x = exchange(new PaperSettings(20, CommissionModel.NONE, 0));
        now = CLOSES[0];
        x.submit(order("b", Side.BUY, 1).build());
        x.submit(order("s", Side.SELL, 1).build());
        x.submit(order("l", Side.BUY, 1).type(OrderType.LIMIT).limitPrice(Price.of("49")).build());
        feed(x, 1, 50, 51, 48, 50);
        // 20 bps of 50 = 0.10: buy 50.10, sell 49.90; the limit fills at exactly 49
        assertThat(fills()).containsExactly("b:1@50.1", "s:1@49.9", "l:1@49");
    }

    @Test
    void perShareMinimumAppliesPerOrderAcrossPartialFills() {
        var model = new CommissionModel.PerShare(Money.of("0.01"), Money.of("1"));
        PaperExchange x = exchange(new PaperSettings(0, model, 0.1));
        now = CLOSES[0];
        x.submit(order("p", Side.BUY, 250).timeInForce(TimeInForce.GTC).build());
        feed(x, 1, 100, 101, 99, 100, 1000); // 100 shares: 100 x 0.01 = 1.00, the minimum: 1.00
        feed(x, 2, 100, 101, 99, 100, 2000); // 150 more: total max(1, 2.50) = 2.50, less 1.00 paid = 1.50
        assertThat(of(OrderFilled.class)).extracting(OrderFilled::commission)
                .containsExactly(Money.of("1"), Money.of("1.5"));
    }

    @Test
    void optionCommissionPerContractAndBpsUseTheMultiplier() {
        var option = Instrument.option("AAPL130119C00500000");
        var perContract = new CommissionModel.PerContract(Money.of("0.65"), Money.of("0.005"));
        var bps = new CommissionModel.Bps(10);
        // 3 contracts: 3 x 0.65 = 1.95; 3 x 2.50 x 100 = 750 notional, 10 bps = 0.75
        assertThat(perContract.commissionRaw(option, Quantity.of(3).raw(), Price.of("2.5").raw(), 0))
                .isEqualTo(Money.of("1.95").raw());
        assertThat(bps.commissionRaw(option, Quantity.of(3).raw(), Price.of("2.5").raw(), 0))
                .isEqualTo(Money.of("0.75").raw());
        assertThat(CommissionModel.NONE.commissionRaw(option, Quantity.of(3).raw(), Price.of("2.5").raw(), 0)).isZero();

        PaperExchange x = new PaperExchange(() -> now, new PaperSettings(0, perContract, 0),
                id -> option);
        x.connect(events::add);
        now = CLOSES[0];
        x.submit(SubmitOrder.builder(option.id(), Side.BUY, Quantity.of(3)).clientOrderId(ClientOrderId.of("o"))
                .build());
        now = CLOSES[1];
        x.onBar(bar(option.id(), CLOSES[1], 2.5, 2.6, 2.4, 2.55, 100));
        assertThat(of(OrderFilled.class)).extracting(OrderFilled::commission).containsExactly(Money.of("1.95"));
    }

    @Test
    void volumeCapFillsWholeSharesAndKeepsTheRestWorking() {
        PaperExchange x = exchange(new PaperSettings(0, CommissionModel.NONE, 0.1));
        now = CLOSES[0];
        x.submit(order("w", Side.BUY, 150).timeInForce(TimeInForce.GTC).build());
        feed(x, 1, 100, 101, 99, 100, 1005); // 10% = 100.5 -> 100 whole shares
        assertThat(x.workingOrders()).isEqualTo(1);
        feed(x, 2, 101, 102, 100, 101, 505); // 50.5 -> 50, completes the order
        assertThat(fills()).containsExactly("w:100@100", "w:50@101");
        assertThat(x.workingOrders()).isZero();
    }

    @Test
    void iocFillsWhatItCanOnItsFirstBarAndCancelsTheRest() {
        PaperExchange x = exchange(new PaperSettings(0, CommissionModel.NONE, 0.1));
        now = CLOSES[0];
        x.submit(order("ioc", Side.BUY, 500).timeInForce(TimeInForce.IOC).build());
        x.submit(order("far", Side.BUY, 5).type(OrderType.LIMIT).limitPrice(Price.of("90"))
                .timeInForce(TimeInForce.IOC).build());
        feed(x, 1, 100, 101, 99, 100, 1000);
        assertThat(fills()).containsExactly("ioc:100@100");
        assertThat(ids(OrderCanceled.class)).containsExactlyInAnyOrder("ioc", "far");
        feed(x, 2, 89, 90, 88, 89, 1000);
        assertThat(fills()).hasSize(1);
    }

    @Test
    void fokFillsWhenTheBarCanTakeAll() {
        PaperExchange x = exchange(new PaperSettings(0, CommissionModel.NONE, 0.1));
        now = CLOSES[0];
        x.submit(order("fok", Side.SELL, 100).timeInForce(TimeInForce.FOK).build());
        feed(x, 1, 100, 101, 99, 100, 1000);
        assertThat(fills()).containsExactly("fok:100@100");
    }

    @Test
    void intradayDayOrderExpiresAtTheCloseBeforeTheNextDaysBars() {
        PaperExchange x = exchange(PaperSettings.FRICTIONLESS);
        now = est("2013-01-03T15:00");
        x.submit(order("day", Side.BUY, 1).type(OrderType.LIMIT).limitPrice(Price.of("95")).build());
        minute(x, "2013-01-03T15:01", 100, 100, 99, 99);
        // no bar at 16:00; the next day's first bar trades through 95, but the order died at 16:00
        minute(x, "2013-01-04T09:31", 94, 95, 93, 94);
        assertThat(fills()).isEmpty();
        assertThat(of(OrderExpired.class)).extracting(OrderExpired::time).containsExactly(est("2013-01-03T16:00"));
    }

    @Test
    void opgWaitsForTheNextOpeningAndExpiresIfTheOpeningMissesIt() {
        PaperExchange x = exchange(PaperSettings.FRICTIONLESS);
        now = est("2013-01-03T10:00");
        x.submit(order("opg", Side.BUY, 1).timeInForce(TimeInForce.OPG).build());
        x.submit(order("opgLimit", Side.BUY, 1).type(OrderType.LIMIT).limitPrice(Price.of("99"))
                .timeInForce(TimeInForce.OPG).build());
        minute(x, "2013-01-03T10:01", 100, 100, 98, 99); // today's opening has passed: nothing
        minute(x, "2013-01-04T09:30", 97, 97, 97, 97); // pre-market bar (ends at the open)
        minute(x, "2013-01-04T09:31", 101, 101, 100, 100); // the opening bar: market at 101, limit 99 misses
        minute(x, "2013-01-04T09:32", 99, 99, 98, 98); // would reach 99, but the opening is over
        assertThat(fills()).containsExactly("opg:1@101");
        assertThat(ids(OrderExpired.class)).containsExactly("opgLimit");
    }

    @Test
    void clsFillsAtTheCloseOfTheLastBarOfTheSession() {
        PaperExchange x = exchange(PaperSettings.FRICTIONLESS);
        now = est("2013-01-03T10:00");
        x.submit(order("cls", Side.SELL, 1).timeInForce(TimeInForce.CLS).build());
        minute(x, "2013-01-03T15:59", 100, 100, 99, 99.5);
        minute(x, "2013-01-03T16:00", 99.5, 100, 99, 99.8);
        assertThat(fills()).containsExactly("cls:1@99.8");
    }

    @Test
    void earlyCloseDailyBarIsTheSessionsBar() {
        PaperExchange x = exchange(PaperSettings.FRICTIONLESS);
        long close1128 = est("2013-11-27T16:00");
        long earlyClose = est("2013-11-29T13:00"); // the day after Thanksgiving closes at 13:00
        now = close1128;
        x.submit(order("m", Side.BUY, 1).build());
        x.submit(order("day", Side.BUY, 1).type(OrderType.LIMIT).limitPrice(Price.of("50")).build());
        now = earlyClose;
        x.onBar(bar(AAPL, earlyClose, 100, 101, 99, 100, 1000));
        assertThat(fills()).containsExactly("m:1@100");
        assertThat(of(OrderExpired.class)).extracting(OrderExpired::time).containsExactly(earlyClose);
    }

    @Test
    void extendedHoursOrdersFillOnPreMarketBarsOthersWait() {
        PaperExchange x = exchange(PaperSettings.FRICTIONLESS);
        now = est("2013-01-03T07:00");
        x.submit(order("ext", Side.BUY, 1).type(OrderType.LIMIT).limitPrice(Price.of("101"))
                .extendedHours(true).build());
        x.submit(order("reg", Side.BUY, 1).type(OrderType.LIMIT).limitPrice(Price.of("101")).build());
        minute(x, "2013-01-03T08:01", 100, 100, 100, 100);
        assertThat(fills()).containsExactly("ext:1@100");
        minute(x, "2013-01-03T09:31", 100.5, 100.5, 100.5, 100.5);
        assertThat(fills()).containsExactly("ext:1@100", "reg:1@100.5");
    }

    @Test
    void canceledOrExpiredBracketEntryCancelsItsHeldLegs() {
        PaperExchange x = exchange(PaperSettings.FRICTIONLESS);
        now = CLOSES[0];
        x.submit(order("a", Side.BUY, 1).type(OrderType.LIMIT).limitPrice(Price.of("90"))
                .bracket(TakeProfit.at(Price.of("110")), StopLoss.at(Price.of("85"))).build());
        x.submit(order("b", Side.BUY, 1).type(OrderType.LIMIT).limitPrice(Price.of("90"))
                .bracket(TakeProfit.at(Price.of("110")), StopLoss.at(Price.of("85"))).timeInForce(TimeInForce.GTC)
                .build());
        assertThat(x.workingOrders()).isEqualTo(6);
        x.cancel(ClientOrderId.of("b"));
        assertThat(ids(OrderCanceled.class)).containsExactly("b", "b-tp", "b-sl");
        feed(x, 1, 100, 101, 99, 100); // the DAY entry 'a' does not fill and expires at the close
        assertThat(ids(OrderExpired.class)).containsExactly("a");
        assertThat(ids(OrderCanceled.class)).containsExactly("b", "b-tp", "b-sl", "a-tp", "a-sl");
        assertThat(ids(OrderTriggered.class)).isEmpty();
        assertThat(x.workingOrders()).isZero();
    }

    @Test
    void ocoLegsShareOneQuantityUnderPartialFills() {
        PaperExchange x = exchange(new PaperSettings(0, CommissionModel.NONE, 0.1));
        now = CLOSES[0];
        x.submit(order("oco", Side.SELL, 100).type(OrderType.LIMIT).orderClass(OrderClass.OCO)
                .takeProfit(TakeProfit.at(Price.of("110"))).stopLoss(StopLoss.at(Price.of("90")))
                .timeInForce(TimeInForce.GTC).build());
        feed(x, 1, 105, 111, 104, 108, 400); // take-profit 110 reached: 10% of 400 = 40
        feed(x, 2, 95, 96, 88, 89, 1000); // stop 90 reached: the pair has 60 left of its 100
        assertThat(fills()).containsExactly("oco-tp:40@110", "oco-sl:60@90");
        assertThat(ids(OrderCanceled.class)).containsExactly("oco-sl", "oco-tp");
        assertThat(x.workingOrders()).isZero();
    }

    @Test
    void ocoGroupIdCancelsBothLegs() {
        PaperExchange x = exchange(PaperSettings.FRICTIONLESS);
        now = CLOSES[0];
        x.submit(order("g", Side.SELL, 1).type(OrderType.LIMIT).orderClass(OrderClass.OCO)
                .takeProfit(TakeProfit.at(Price.of("110"))).stopLoss(StopLoss.at(Price.of("90")))
                .timeInForce(TimeInForce.GTC).build());
        x.cancel(ClientOrderId.of("g"));
        assertThat(ids(OrderCanceled.class)).containsExactly("g-tp", "g-sl");
        x.cancel(ClientOrderId.of("g"));
        assertThat(of(OrderRejected.class)).extracting(OrderRejected::reason)
                .containsExactly("cancel refused: order g is already canceled");
        // the group id names no order of its own: the statement lists the legs only, as the kernel books them
        assertThat(x.statement(Money.of("1000")).orders().keySet()).extracting(ClientOrderId::value)
                .containsExactlyInAnyOrder("g-tp", "g-sl");
    }

    @Test
    void cancelAndReplaceOfUnknownOrFinishedOrdersAreRejected() {
        PaperExchange x = exchange(PaperSettings.FRICTIONLESS);
        now = CLOSES[0];
        x.cancel(ClientOrderId.of("nope"));
        x.submit(order("f", Side.BUY, 1).build());
        feed(x, 1, 100, 101, 99, 100);
        x.cancel(ClientOrderId.of("f"));
        x.replace(new ReplaceOrder(ClientOrderId.of("f"), ClientOrderId.of("f2"), Quantity.of(2),
                null, null));
        assertThat(of(OrderRejected.class)).extracting(e -> e.clientOrderId() + ": " + e.reason()).containsExactly(
                "nope: cancel refused: unknown client order id nope",
                "f: cancel refused: order f is already filled",
                "f: replace refused: order f is already filled");
    }

    @Test
    void replaceMovesTheLimitAndCarriesOnlyTheUnfilledQuantity() {
        PaperExchange x = exchange(new PaperSettings(0, CommissionModel.NONE, 0.1));
        now = CLOSES[0];
        x.submit(order("r", Side.BUY, 250).type(OrderType.LIMIT).limitPrice(Price.of("100"))
                .timeInForce(TimeInForce.GTC).build());
        feed(x, 1, 100, 101, 99, 100, 1000); // 100 of 250 at 100
        x.replace(new ReplaceOrder(ClientOrderId.of("r"), ClientOrderId.of("r2"), Quantity.of(200),
                Price.of("95"), null));
        OrderReplaced replaced = of(OrderReplaced.class).get(0);
        // new total 200 less the 100 filled: the replacement works 100 at 95
        assertThat(replaced.replacementOrder().quantity()).isEqualTo(Quantity.of(100));
        assertThat(replaced.replacementOrder().limitPrice()).isEqualTo(Price.of("95"));
        feed(x, 2, 98, 99, 96, 97, 10_000); // low 96 misses the new 95 limit
        feed(x, 3, 96, 97, 94, 95, 10_000);
        assertThat(fills()).containsExactly("r:100@100", "r2:100@95");
        // a replacement cannot shrink below what has filled
        x.submit(order("s", Side.BUY, 250).timeInForce(TimeInForce.GTC).build());
        feed(x, 4, 100, 101, 99, 100, 1000);
        x.replace(new ReplaceOrder(ClientOrderId.of("s"), ClientOrderId.of("s2"), Quantity.of(100),
                null, null));
        assertThat(of(OrderRejected.class)).extracting(e -> e.clientOrderId() + ": " + e.reason()).containsExactly(
                "s2: replace refused: qty 100 is not above the filled quantity 100");
        // a refused replace creates no order (as at Alpaca, which answers 422): s2 is not on the
        // statement, yet the id stays taken
        assertThat(x.statement(Money.of("100000")).orders()).containsOnlyKeys(
                ClientOrderId.of("r"), ClientOrderId.of("r2"), ClientOrderId.of("s"));
        x.submit(order("s2", Side.BUY, 1).build());
        assertThat(of(OrderRejected.class)).extracting(e -> e.clientOrderId() + ": " + e.reason()).containsExactly(
                "s2: replace refused: qty 100 is not above the filled quantity 100", "s2: duplicate client order id");
    }

    @Test
    void duplicateOfAFilledOrderIsStillRejected() {
        PaperExchange x = exchange(PaperSettings.FRICTIONLESS);
        now = CLOSES[0];
        x.submit(order("d", Side.BUY, 1).build());
        feed(x, 1, 100, 101, 99, 100);
        x.submit(order("d", Side.BUY, 1).build());
        feed(x, 2, 100, 101, 99, 100);
        assertThat(fills()).hasSize(1);
        assertThat(of(OrderRejected.class)).extracting(OrderRejected::reason).containsExactly("duplicate client order id");
    }

    @Test
    void cryptoDayOrdersExpireAtUtcMidnightAndTradeOnHolidays() {
        PaperExchange x = exchange(PaperSettings.FRICTIONLESS);
        long christmasNoonUtc = Clock.toNanos(Instant.parse("2013-12-25T12:00:00Z"));
        now = christmasNoonUtc;
        x.submit(SubmitOrder.builder(BTC, Side.BUY, Quantity.of("0.5")).clientOrderId(ClientOrderId.of("m")).build());
        x.submit(SubmitOrder.builder(BTC, Side.BUY, Quantity.of("0.5")).clientOrderId(ClientOrderId.of("l"))
                .type(OrderType.LIMIT).limitPrice(Price.of("600")).build());
        now = christmasNoonUtc + 300_000_000_000L;
        x.onBar(bar(BTC, now, 700, 705, 698, 702, 3));
        now = Clock.toNanos(Instant.parse("2013-12-26T00:05:00Z"));
        x.onBar(bar(BTC, now, 650, 660, 590, 600, 3));
        assertThat(fills()).containsExactly("m:0.5@700");
        assertThat(of(OrderExpired.class)).extracting(OrderExpired::time)
                .containsExactly(Clock.toNanos(Instant.parse("2013-12-26T00:00:00Z")));
    }

    @Test
    void barsOfOtherInstrumentsOrWithoutOrdersDoNothing() {
        PaperExchange x = exchange(PaperSettings.FRICTIONLESS);
        feed(x, 0, 100, 101, 99, 100);
        now = CLOSES[0];
        x.submit(order("a", Side.BUY, 1).timeInForce(TimeInForce.GTC).build());
        x.onBar(bar(BTC, CLOSES[1], 10, 11, 9, 10, 5));
        assertThat(fills()).isEmpty();
        assertThat(x.status().state()).isEqualTo(PluginStatus.State.ONLINE);
    }
}
