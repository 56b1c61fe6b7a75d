package io.amcp.surveillance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.Bar;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.OrderId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.Clock;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.core.Kernel;
import io.amcp.core.SimulatedClock;
import io.amcp.core.journal.Journal;
import io.amcp.datasource.file.BundledDatasets;
import io.amcp.strategy.smacross.SmaCrossStrategy;
import io.amcp.surveillance.internal.RestrictedListRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeded abusive patterns are flagged; a real strategy's normal session is not. */
class SurveillanceTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");
    private static final long SECOND = 1_000_000_000L;
    /** 2013-06-03T14:00:00Z. */
    private static final long T = 1_370_268_000L * SECOND;

    private static int seq;

    private static OrderView order(String strategy, Side side, long qty, String price, OrderStatus status, long filled,
            long created, long updated) {
        ClientOrderId id = ClientOrderId.of("o-" + (++seq));
        SubmitOrder request = SubmitOrder.limit(AAPL, side, Quantity.of(qty), Price.of(price)).withClientOrderId(id);
        return new OrderView(id, OrderId.of("v-" + seq), StrategyId.of(strategy), request, status, Quantity.of(filled),
                filled > 0 ? Price.of(price) : null, null, created, updated, null);
    }

    private final TradeSurveillance surveillance = new TradeSurveillance(SurveillanceSettings.DEFAULTS);

    @Test
    void aBuyAndASellOfTwoStrategiesAtTheSamePriceWithinTheWindowIsAWashTrade() {
        OrderView buy = order("alpha", Side.BUY, 100, "150", OrderStatus.FILLED, 100, T, T + SECOND);
        OrderView sell = order("beta", Side.SELL, 100, "150.01", OrderStatus.FILLED, 100, T, T + 10 * SECOND);
        OrderView laterSell = order("beta", Side.SELL, 100, "150", OrderStatus.FILLED, 100, T, T + 300 * SECOND);
        List<Alert> alerts = surveillance.analyse(List.of(buy, sell, laterSell));
        // 150 vs 150.01 differ by 0.67 bp (< 1 bp), 9 s apart (< 60 s); the sell 299 s later is outside the window
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(Alert.Type.WASH_TRADE);
            assertThat(a.orders()).containsExactly(buy.clientOrderId(), sell.clientOrderId());
        });
        OrderView sameStrategy = order("alpha", Side.SELL, 100, "150", OrderStatus.FILLED, 100, T, T + 2 * SECOND);
        assertThat(surveillance.analyse(List.of(buy, sameStrategy))).as("one strategy closing is not a wash").isEmpty();
    }

    @Test
    void aLargeOrderCanceledQuicklyWhileASmallOppositeOrderFillsIsSpoofing() {
        OrderView layer = order("spoofer", Side.SELL, 10_000, "151", OrderStatus.CANCELED, 0, T, T + 2 * SECOND);
        OrderView real = order("spoofer", Side.BUY, 100, "150", OrderStatus.FILLED, 100, T, T + SECOND);
        OrderView slowCancel = order("spoofer", Side.SELL, 10_000, "151", OrderStatus.CANCELED, 0, T, T + 60 * SECOND);
        List<Alert> alerts = surveillance.analyse(List.of(layer, real, slowCancel));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(Alert.Type.SPOOFING);
            assertThat(a.orders()).containsExactly(layer.clientOrderId(), real.clientOrderId());
        });
    }

    @Test
    void manyOrdersPerTradeAndRestrictedFillsAreFlagged() {
        List<OrderView> orders = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            orders.add(order("churn", Side.BUY, 1, "150", OrderStatus.CANCELED, 0, T + i * 100 * SECOND, T + i * 100 * SECOND + 30 * SECOND));
        }
        orders.add(order("churn", Side.BUY, 1, "150", OrderStatus.FILLED, 1, T, T + SECOND));
        orders.add(order("x", Side.BUY, 5, "20", OrderStatus.FILLED, 5, T, T + SECOND));
        List<Alert> alerts = new TradeSurveillance(SurveillanceSettings.DEFAULTS.withRestricted(Set.of("AAPL")))
                .analyse(orders);
        // 61 orders, 1 executed: ratio 61 > 20
        assertThat(alerts).extracting(Alert::type).contains(Alert.Type.ORDER_TO_TRADE_RATIO);
        assertThat(alerts).filteredOn(a -> a.type() == Alert.Type.ORDER_TO_TRADE_RATIO).singleElement()
                .satisfies(a -> assertThat(a.message()).startsWith("61 orders, 1 executed"));
        assertThat(alerts).filteredOn(a -> a.type() == Alert.Type.RESTRICTED_LIST).hasSize(2);
        String md = SurveillanceReport.markdown(LocalDate.of(2013, 6, 3), orders, alerts);
        assertThat(md).contains("# Surveillance report 2013-06-03", "| churn | 61 | 1 |", "**ORDER_TO_TRADE_RATIO**");
    }

    /** The SMA crossover strategy's real orders over AAPL 2013 through the kernel and the paper venue. */
    private static Kernel smaSession(RestrictedListRule rule) {
        BarSeries aapl = new BundledDatasets().load(BundledDatasets.AAPL_2013).get(0);
        SimulatedClock clock = new SimulatedClock(aapl.time()[0] - 1);
        Kernel kernel = new Kernel(clock, Journal.NONE, Money.of("100000"), 1.0);
        kernel.registerInstrument(aapl.instrument());
        PaperExchange venue = new PaperExchange((Clock) clock, PaperSettings.FRICTIONLESS);
        kernel.addBroker(venue);
        kernel.addMarketDataSink(venue);
        if (rule != null) {
            kernel.addRiskRule(rule);
        }
        kernel.addStrategy(new SmaCrossStrategy(StrategyId.of("sma"), AAPL, 10, 30, Quantity.of(100)));
        for (int i = 0; i < aapl.size(); i++) {
            kernel.processBar(aapl.bar(i));
        }
        return kernel;
    }

    @Test
    void aNormalSessionOfTheSmaStrategyRaisesNoAlert(@TempDir Path dir) throws Exception {
        List<OrderView> orders = smaSession(null).orders();
        assertThat(orders).filteredOn(o -> o.status() == OrderStatus.FILLED).hasSizeGreaterThan(4);
        assertThat(surveillance.analyse(orders)).isEmpty();
        // the scheduled surveillance on the day of the session's last fill: quiet, one trade reported
        OrderView last = orders.stream().filter(o -> o.status() == OrderStatus.FILLED)
                .max(java.util.Comparator.comparingLong(OrderView::updatedTime)).orElseThrow();
        LocalDate day = Instant.ofEpochSecond(last.updatedTime() / SECOND).atZone(NEW_YORK).toLocalDate();
        List<Alert> raised = new ArrayList<>();
        DailySurveillance daily = new DailySurveillance(() -> orders, SurveillanceSettings.DEFAULTS, SCHEDULE, "ACC-1", dir,
                null, raised::add);
        long reportTime = day.atTime(16, 30).atZone(NEW_YORK).toEpochSecond() * SECOND;
        assertThat(daily.tick(reportTime).closed()).containsKey(day);
        assertThat(raised).isEmpty();
        assertThat(dir.resolve("surveillance-" + day + ".md")).content().contains("## Alerts: 0", "No alerts.");
        assertThat(Files.readAllLines(dir.resolve("trades-ACC-1-" + day + ".csv"))).hasSize(2)
                .last().asString().contains(",sma," + last.clientOrderId() + ",");
    }

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final DailySurveillance.Schedule SCHEDULE = new DailySurveillance.Schedule(NEW_YORK, LocalTime.of(16, 30),
            Duration.ofMinutes(5));

    /**
     * Seeded through the real kernel and paper exchange on one-second BTC/USD bars (each bar's open 5 bps
     * above the last): strategies alpha and beta buy and sell 1 BTC on the same bar (a wash: both fill at
     * the next open); spoofer rests a 50 BTC sell far above the market, buys 1 at market, and cancels the
     * 50 two seconds after placing it. The scheduled surveillance raises each pattern once, during the
     * day, and writes the day's files at 16:30 New York time; retention removes a seven-year-old report.
     */
    @Test
    void seededWashTradesAndSpoofingAreFlaggedByTheScheduledSurveillance(@TempDir Path dir) throws Exception {
        InstrumentId btc = InstrumentId.of("BTC/USD");
        long t0 = Instant.parse("2023-03-14T14:00:00Z").getEpochSecond() * SECOND; // 10:00 in New York
        SimulatedClock clock = new SimulatedClock(t0 - SECOND);
        Kernel kernel = new Kernel(clock, Journal.NONE, Money.of("10000000"), 1.0);
        PaperExchange venue = new PaperExchange((Clock) clock, PaperSettings.FRICTIONLESS);
        kernel.addBroker(venue);
        kernel.addMarketDataSink(venue);
        int[] bar = {0};
        Runnable nextBar = () -> {
            double open = 20_000 + 10 * bar[0];
            kernel.processBar(Bar.of(btc, t0 + bar[0] * SECOND, open, open + 2, open - 2, open + 1, 50));
            bar[0]++;
        };
        nextBar.run();
        kernel.submit(StrategyId.of("alpha"), SubmitOrder.market(btc, Side.BUY, Quantity.of(1)));
        kernel.submit(StrategyId.of("beta"), SubmitOrder.market(btc, Side.SELL, Quantity.of(1)));
        nextBar.run();
        OrderView layer = kernel.submit(StrategyId.of("spoofer"), SubmitOrder.limit(btc, Side.SELL, Quantity.of(50), Price.of("21000")));
        kernel.submit(StrategyId.of("spoofer"), SubmitOrder.market(btc, Side.BUY, Quantity.of(1)));
        nextBar.run();
        nextBar.run();
        kernel.cancel(layer.clientOrderId());
        assertThat(kernel.order(layer.clientOrderId()).status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(kernel.orders()).filteredOn(o -> o.status() == OrderStatus.FILLED).hasSize(3);

        Path reports = Files.createDirectories(dir.resolve("reports"));
        Path ancient = Files.writeString(reports.resolve("surveillance-2016-03-01.md"), "old");
        Files.setLastModifiedTime(ancient, FileTime.from(Instant.parse("2016-03-01T21:30:00Z")));
        List<Alert> raised = new ArrayList<>();
        DailySurveillance daily = new DailySurveillance(kernel::orders, SurveillanceSettings.DEFAULTS, SCHEDULE, "ACC-1",
                reports, new RecordRetention(reports, null, Duration.ofDays(2192), clock), raised::add);

        DailySurveillance.Tick first = daily.tick(t0 + 10 * SECOND);
        assertThat(first.alerts()).extracting(Alert::type).containsExactlyInAnyOrder(Alert.Type.WASH_TRADE, Alert.Type.SPOOFING);
        assertThat(first.alerts()).filteredOn(a -> a.type() == Alert.Type.SPOOFING).singleElement()
                .satisfies(a -> assertThat(a.orders()).startsWith(layer.clientOrderId()));
        assertThat(first.closed()).isEmpty();
        assertThat(daily.tick(t0 + 6 * 60 * SECOND).alerts()).as("raised once a day").isEmpty();
        assertThat(raised).hasSize(2);

        long reportTime = Instant.parse("2023-03-14T20:30:00Z").getEpochSecond() * SECOND; // 16:30 EDT
        assertThat(daily.tick(reportTime - SECOND).closed()).isEmpty();
        clock.advanceTo(reportTime);
        DailySurveillance.Tick close = daily.tick(reportTime);
        LocalDate day = LocalDate.of(2023, 3, 14);
        assertThat(close.closed()).containsOnlyKeys(day);
        assertThat(close.closed().get(day)).containsExactly(reports.resolve("surveillance-2023-03-14.md"),
                reports.resolve("trades-ACC-1-2023-03-14.csv"), reports.resolve("trades-ACC-1-2023-03-14.json"));
        assertThat(close.expired()).containsExactly(ancient);
        assertThat(reports.resolve("surveillance-2023-03-14.md")).content()
                .contains("# Surveillance report 2023-03-14", "| spoofer | 2 | 1 |", "## Alerts: 2", "**WASH_TRADE**", "**SPOOFING**");
        List<String> csv = Files.readAllLines(reports.resolve("trades-ACC-1-2023-03-14.csv"));
        // alpha and beta filled at the second bar's open (20,010), spoofer's buy at the third's (20,020)
        assertThat(csv).hasSize(4).first().isEqualTo(RegulatoryTradeReport.HEADER);
        assertThat(csv.subList(1, 4)).allMatch(l -> l.startsWith("2023-03-14,ACC-1,"));
        assertThat(csv.get(3)).contains(",spoofer,", ",BTC/USD,BUY,MARKET,DAY,1,1,20020,20020,FILLED,2023-03-14T14:00:01Z,2023-03-14T14:00:02Z");
        String json = Files.readString(reports.resolve("trades-ACC-1-2023-03-14.json"));
        assertThat(json).startsWith("{\"report_date\":\"2023-03-14\",\"account\":\"ACC-1\",\"trades\":[{")
                .contains("\"strategy\":\"spoofer\"", "\"symbol\":\"BTC/USD\",\"side\":\"BUY\"",
                        "\"order_qty\":1,\"filled_qty\":1,\"avg_price\":20020,\"notional\":20020")
                .endsWith("}]}");
        assertThat(json.split("\"client_order_id\"", -1)).hasSize(4);
        assertThat(daily.tick(reportTime + 60 * SECOND).closed()).as("a day is closed once").isEmpty();
    }

    @Test
    void theScheduleClosesADayMissedOrContinuedAfterItsReportOnTheNextDaysFirstTick(@TempDir Path dir) {
        OrderView buy = order("alpha", Side.BUY, 100, "150", OrderStatus.FILLED, 100, T, T + SECOND);
        DailySurveillance daily = new DailySurveillance(() -> List.of(buy), SurveillanceSettings.DEFAULTS, SCHEDULE, "ACC-1",
                dir, null, a -> { });
        daily.tick(T + 2 * SECOND); // 2013-06-03 10:00:02 in New York
        Map<LocalDate, List<Path>> closed = daily.tick(T + 86_400 * SECOND).closed(); // back the next morning
        assertThat(closed).containsOnlyKeys(LocalDate.of(2013, 6, 3));
        assertThat(dir.resolve("trades-ACC-1-2013-06-03.csv")).content().contains(",alpha,", ",150,15000,FILLED,");

        // closed at 16:30, then a fill at 18:00 the same day: the next morning rewrites that day complete
        List<OrderView> day = new ArrayList<>(List.of(buy));
        DailySurveillance late = new DailySurveillance(() -> List.copyOf(day), SurveillanceSettings.DEFAULTS, SCHEDULE, "ACC-1",
                dir, null, a -> { });
        long halfPastFour = T + (6 * 3600 + 30 * 60) * SECOND; // T is 10:00 in New York
        assertThat(late.tick(halfPastFour).closed()).containsOnlyKeys(LocalDate.of(2013, 6, 3));
        day.add(order("beta", Side.SELL, 40, "151", OrderStatus.FILLED, 40, T + 8 * 3600 * SECOND, T + 8 * 3600 * SECOND));
        assertThat(late.tick(halfPastFour + 3600 * SECOND).closed()).as("same day, already closed").isEmpty();
        assertThat(late.tick(T + 86_400 * SECOND).closed()).containsOnlyKeys(LocalDate.of(2013, 6, 3));
        assertThat(dir.resolve("trades-ACC-1-2013-06-03.csv")).content().contains(",alpha,", ",beta,");
        assertThat(late.tick(T + (86_400 + 7 * 3600) * SECOND).closed()).containsOnlyKeys(LocalDate.of(2013, 6, 4));
        assertThat(late.tick(T + 2 * 86_400 * SECOND).closed()).as("the day before did not change since").isEmpty();
        assertThatThrownBy(() -> new DailySurveillance.Schedule(NEW_YORK, LocalTime.NOON, Duration.ZERO))
                .hasMessageStartingWith("scanIntervalMinutes:");
    }

    @Test
    void theRestrictedListAndHaltsRefuseOrdersWithTheReason() {
        Kernel kernel = smaSession(new RestrictedListRule(Set.of(AAPL), Set.of()));
        assertThat(kernel.orders()).isNotEmpty().allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(o.reason()).contains("AAPL is on the restricted list");
        });
        RestrictedListRule halts = new RestrictedListRule(Set.of(), Set.of(InstrumentId.of("TSLA")));
        assertThat(halts.check(SubmitOrder.market(InstrumentId.of("TSLA"), Side.BUY, Quantity.of(1)), StrategyId.of("s"), null)
                .reason()).isEqualTo("trading in TSLA is halted");
        assertThat(halts.check(SubmitOrder.market(AAPL, Side.BUY, Quantity.of(1)), StrategyId.of("s"), null).approved()).isTrue();
    }

    @Test
    void theTradeReportListsTheDaysExecutionsInTheDocumentedLayout() {
        OrderView buy = order("alpha", Side.BUY, 100, "150.25", OrderStatus.FILLED, 100, T, T + SECOND);
        OrderView canceled = order("alpha", Side.SELL, 50, "151", OrderStatus.CANCELED, 0, T, T + 2 * SECOND);
        OrderView nextDay = order("alpha", Side.SELL, 100, "152", OrderStatus.FILLED, 100, T, T + 86_400 * SECOND);
        String csv = RegulatoryTradeReport.csv("ACC-1", LocalDate.of(2013, 6, 3), ZoneOffset.UTC, List.of(buy, canceled, nextDay));
        assertThat(csv.split("\n")).containsExactly(RegulatoryTradeReport.HEADER,
                "2013-06-03,ACC-1,alpha," + buy.clientOrderId() + "," + buy.orderId() + ",AAPL,BUY,LIMIT,DAY,100,100,150.25,"
                        + "15025,FILLED,2013-06-03T14:00:00Z,2013-06-03T14:00:01Z");
        assertThatThrownBy(() -> RegulatoryTradeReport.csv("a,b", LocalDate.of(2013, 6, 3), ZoneOffset.UTC, List.of()))
                .hasMessageStartingWith("account:");
    }

    @Test
    void reportsOlderThanTheRetentionAreArchivedOrDeleted(@TempDir Path dir) throws Exception {
        Instant now = Instant.parse("2024-03-31T00:00:00Z");
        Clock fake = () -> Clock.toNanos(now);
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Path old = Files.writeString(reports.resolve("2024-01-01.md"), "old");
        Path recent = Files.writeString(reports.resolve("2024-03-20.md"), "recent");
        Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2024-01-01T23:00:00Z")));
        Files.setLastModifiedTime(recent, FileTime.from(Instant.parse("2024-03-20T23:00:00Z")));

        List<Path> archived = new RecordRetention(reports, dir.resolve("archive"), Duration.ofDays(30), fake).enforce();
        assertThat(archived).containsExactly(old);
        assertThat(dir.resolve("archive").resolve("2024-01-01.md")).hasContent("old");
        assertThat(recent).exists();

        List<Path> deleted = new RecordRetention(reports, null, Duration.ofDays(5), fake).enforce();
        assertThat(deleted).containsExactly(recent);
        assertThat(recent).doesNotExist();
        assertThatThrownBy(() -> new RecordRetention(reports, null, Duration.ZERO, fake)).hasMessageStartingWith("retentionDays:");
    }
}
