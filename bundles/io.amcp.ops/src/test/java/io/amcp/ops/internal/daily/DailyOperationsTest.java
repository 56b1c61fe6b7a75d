package io.amcp.ops.internal.daily;

import static io.amcp.ops.internal.daily.TradingDay.AAPL;
import static io.amcp.ops.internal.daily.TradingDay.ny;
import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.api.spi.BrokerStatement;
import io.amcp.api.spi.BrokerStatementSource;
import io.amcp.api.spi.RiskRule;
import io.amcp.ops.Severity;
import io.amcp.ops.internal.metrics.TradingMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily jobs across a whole simulated trading day (Monday 2024-03-04) with a real kernel and a
 * durable paper exchange: the clock is ticked minute by minute from midnight to midnight, New York
 * time. Expected numbers are worked out by hand in the comments.
 */
class DailyOperationsTest {

    static final StrategyId ALPHA = StrategyId.of("alpha");
    static final StrategyId BETA = StrategyId.of("beta");
    static final LocalDate MONDAY = LocalDate.of(2024, 3, 4);

    @TempDir
    Path tmp;

    record Raised(Severity severity, String key, String message) {
    }

    @Test
    void aWholeDayRunsCheckReconciliationReportAndMaintenanceAtExchangeTimes() throws Exception {
        Path reports = Files.createDirectories(tmp.resolve("reports"));
        Path old = Files.writeString(reports.resolve("eod-2024-02-26.html"), "old");
        Files.setLastModifiedTime(old, FileTime.from(ny(LocalDateTime.of(2024, 2, 26, 16, 30))));
        Path recent = Files.writeString(reports.resolve("eod-2024-03-01.html"), "recent");
        Files.setLastModifiedTime(recent, FileTime.from(ny(LocalDateTime.of(2024, 3, 1, 16, 30))));

        try (TradingDay day = new TradingDay(tmp.resolve("state"), LocalDateTime.of(2024, 3, 1, 15, 58))) {
            Path kernelJournal = tmp.resolve("state/journal/kernel.journal");
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            TradingMetrics freshness = new TradingMetrics(registry, day.clock, day.kernel);
            day.kernel.addMarketDataSink(freshness);
            day.bar(LocalDateTime.of(2024, 3, 1, 16, 0), 178, 179, 177, 178); // Friday's last bar

            List<RiskRule> rules = List.of(new io.amcp.core.risk.BuyingPowerRule());
            EndOfDayReport report = new EndOfDayReport(day.kernel, NyseCalendar.INSTANCE, reports);
            Map<DailyJob, BiFunction<LocalDate, Instant, JobResult>> jobs = new EnumMap<>(DailyJob.class);
            jobs.put(DailyJob.PRE_MARKET_CHECK, new PreMarketCheck(day.kernel, () -> List.<BrokerConnector>of(day.exchange),
                    () -> rules, freshness::lastDataTimes, NyseCalendar.INSTANCE, Duration.ofMinutes(30))::run);
            jobs.put(DailyJob.RECONCILIATION, new Reconciler(day.kernel, () -> List.of(day.statements()), TradingDay.NEW_YORK)::run);
            jobs.put(DailyJob.END_OF_DAY_REPORT, report::run);
            jobs.put(DailyJob.MAINTENANCE, new RetentionPurge(List.of(new RetentionPolicy(reports, "eod-*.html", 5),
                    new RetentionPolicy(kernelJournal.getParent(), "*", 1)))::run);
            DailyScheduler scheduler = new DailyScheduler(day.clock, NyseCalendar.INSTANCE, DailySchedule.DEFAULT, jobs);

            List<JobResult> results = new ArrayList<>();
            for (LocalDateTime t = MONDAY.atStartOfDay(); t.isBefore(MONDAY.plusDays(1).atStartOfDay()); t = t.plusMinutes(1)) {
                day.advanceTo(t);
                if (t.equals(MONDAY.atTime(10, 0))) {
                    day.kernel.submit(ALPHA, SubmitOrder.market(AAPL, Side.BUY, Quantity.of(10)));
                    day.kernel.submit(BETA, SubmitOrder.market(AAPL, Side.BUY, Quantity.of(5)));
                    day.bar(MONDAY.atTime(10, 1), 180, 181, 179, 181); // both fill at the open, 180
                } else if (t.equals(MONDAY.atTime(11, 0))) {
                    day.kernel.submit(ALPHA, SubmitOrder.market(AAPL, Side.BUY.opposite(), Quantity.of(4)));
                    day.bar(MONDAY.atTime(11, 1), 185, 185, 181, 181); // fills at 185, marks at 181
                    Files.setLastModifiedTime(kernelJournal, FileTime.from(ny(LocalDateTime.of(2024, 2, 1, 0, 0))));
                }
                results.addAll(scheduler.tick());
            }

            assertThat(results).extracting(JobResult::job).containsExactly(DailyJob.PRE_MARKET_CHECK,
                    DailyJob.RECONCILIATION, DailyJob.END_OF_DAY_REPORT, DailyJob.MAINTENANCE);
            assertThat(results).extracting(JobResult::ranAt).containsExactly(ny(MONDAY.atTime(9, 0)),
                    ny(MONDAY.atTime(16, 15)), ny(MONDAY.atTime(16, 30)), ny(MONDAY.atTime(18, 0)));
            assertThat(results).allMatch(r -> r.date().equals(MONDAY));

            JobResult check = results.get(0);
            assertThat(check.ok()).as(check.findings().toString()).isTrue();
            assertThat(check.findings()).contains("broker paper: ONLINE", "kill switch: released")
                    .anyMatch(f -> f.startsWith("data AAPL: last at 2024-03-01T21:00:00Z"));

            JobResult reconciliation = results.get(1);
            assertThat(reconciliation.ok()).as(reconciliation.findings().toString()).isTrue();

            // cash 100000 - 15 x 180 + 4 x 185 = 98040; equity 98040 + 11 x 181 = 100031
            // alpha: bought 10 @180, sold 4 @185: realized 4 x 5 = 20, 6 left @180 marked 181: unrealized 6
            // beta: 5 @180 marked 181: unrealized 5
            String html = Files.readString(reports.resolve("eod-2024-03-04.html"));
            assertThat(html).contains("<tr><td>Cash</td><td class=\"n\">98040.00</td></tr>")
                    .contains("<tr><td>Equity</td><td class=\"n\">100031.00</td></tr>")
                    .contains("<tr><td>alpha</td><td class=\"n\">2</td><td class=\"n\">1800.00</td>"
                            + "<td class=\"n\">740.00</td><td class=\"n\">20.00</td><td class=\"n\">6.00</td></tr>")
                    .contains("<tr><td>beta</td><td class=\"n\">1</td><td class=\"n\">900.00</td>"
                            + "<td class=\"n\">0.00</td><td class=\"n\">0.00</td><td class=\"n\">5.00</td></tr>")
                    .contains("<td>10:01:00</td><td>alpha</td>");

            assertThat(old).doesNotExist();
            assertThat(recent).exists();
            assertThat(reports.resolve("eod-2024-03-04.html")).exists();
            assertThat(kernelJournal).exists(); // a live journal is never purged
        }
    }

    @Test
    void aDifferenceWithTheBrokerIsFlaggedAndAlerted() throws Exception {
        try (TradingDay day = new TradingDay(tmp.resolve("state"), LocalDateTime.of(2024, 3, 4, 9, 59))) {
            day.bar(LocalDateTime.of(2024, 3, 4, 10, 0), 179, 180, 178, 179);
            day.kernel.submit(ALPHA, SubmitOrder.market(AAPL, Side.BUY, Quantity.of(10)));
            day.bar(LocalDateTime.of(2024, 3, 4, 10, 1), 180, 181, 179, 181);
            BrokerStatement real = day.statements().statement();
            // the broker's statement also shows 3 MSFT bought at 400 elsewhere (not through this platform)
            BrokerStatementSource broker = new BrokerStatementSource() {
                @Override
                public String brokerId() {
                    return "paper";
                }

                @Override
                public BrokerStatement statement() {
                    Map<InstrumentId, Quantity> positions = new java.util.TreeMap<>(real.positions());
                    positions.put(InstrumentId.of("MSFT"), Quantity.of(3));
                    return BrokerStatement.of("paper", real.orders(), positions, real.cash().minus(Money.of("1200")));
                }
            };
            JobResult r = new Reconciler(day.kernel, () -> List.of(broker), TradingDay.NEW_YORK).run(LocalDate.of(2024, 3, 4),
                    ny(LocalDateTime.of(2024, 3, 4, 16, 15)));
            assertThat(r.ok()).isFalse();
            assertThat(r.findings()).containsExactly("CASH paper: platform 98200, broker 97000",
                    "POSITION MSFT: platform 0, broker 3");

            List<Raised> raised = new ArrayList<>();
            DailyOpsAlerts.raise((severity, source, key, message) -> raised.add(new Raised(severity, key, message)), r);
            assertThat(raised).containsExactly(new Raised(Severity.CRITICAL, "reconciliation:2024-03-04",
                    "RECONCILIATION 2024-03-04: CASH paper: platform 98200, broker 97000; POSITION MSFT: platform 0, broker 3"));

            JobResult agrees = new Reconciler(day.kernel, () -> List.of(day.statements()), TradingDay.NEW_YORK).run(LocalDate.of(2024, 3, 4),
                    ny(LocalDateTime.of(2024, 3, 4, 16, 15)));
            assertThat(agrees.ok()).as(agrees.findings().toString()).isTrue();
        }
    }

    @Test
    void aFillTheVenueHasAndTheOmsMissedIsFlaggedAndAlerted() throws Exception {
        try (TradingDay day = new TradingDay(tmp.resolve("state"), LocalDateTime.of(2024, 3, 4, 9, 59))) {
            day.bar(LocalDateTime.of(2024, 3, 4, 10, 0), 179, 180, 178, 179);
            OrderView order = day.kernel.submit(ALPHA, SubmitOrder.market(AAPL, Side.BUY, Quantity.of(10)));
            day.bar(LocalDateTime.of(2024, 3, 4, 10, 1), 180, 181, 179, 181); // accepted and filled at 180
            JobResult clean = new Reconciler(day.kernel, () -> List.of(day.statements()), TradingDay.NEW_YORK).run(MONDAY,
                    ny(LocalDateTime.of(2024, 3, 4, 16, 15)));
            assertThat(clean.ok()).as(clean.findings().toString()).isTrue();
            assertThat(clean.findings()).containsExactly("orders, positions and cash agree with paper");

            // a second order is acknowledged (the venue accepts on arrival), then the venue's messages are
            // lost: it fills the order, the OMS never hears of it
            day.advanceTo(LocalDateTime.of(2024, 3, 4, 10, 1));
            OrderView missed = day.kernel.submit(ALPHA, SubmitOrder.market(AAPL, Side.BUY, Quantity.of(5)));
            day.exchange.connect(lost -> { });
            day.advanceTo(LocalDateTime.of(2024, 3, 4, 10, 2));
            day.exchange.onBar(io.amcp.api.model.Bar.of(AAPL,
                    io.amcp.api.spi.Clock.toNanos(ny(LocalDateTime.of(2024, 3, 4, 10, 2))), 182, 183, 181, 182, 1_000_000));

            JobResult r = new Reconciler(day.kernel, () -> List.of(day.statements()), TradingDay.NEW_YORK).run(MONDAY,
                    ny(LocalDateTime.of(2024, 3, 4, 16, 15)));
            // venue: 15 AAPL, cash 100000 - 10 x 180 - 5 x 182 = 97290; OMS: 10 AAPL, cash 100000 - 1800 = 98200
            assertThat(r.ok()).isFalse();
            assertThat(r.findings()).containsExactly(
                    "ORDER " + missed.clientOrderId().value() + ": platform ACCEPTED filled 0, broker FILLED filled 5",
                    "CASH paper: platform 98200, broker 97290",
                    "POSITION AAPL: platform 10, broker 15");
            assertThat(order.clientOrderId()).isNotEqualTo(missed.clientOrderId());

            List<Raised> raised = new ArrayList<>();
            DailyOpsAlerts.raise((severity, source, key, message) -> raised.add(new Raised(severity, key, message)), r);
            assertThat(raised).extracting(Raised::severity, Raised::key)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.CRITICAL, "reconciliation:2024-03-04"));
            assertThat(raised.get(0).message()).contains("POSITION AAPL: platform 10, broker 15");
        }
    }

    @Test
    void holidaysRunNothingAndEarlyClosesMoveTheAfterHoursJobs() {
        long[] now = {0};
        Map<DailyJob, BiFunction<LocalDate, Instant, JobResult>> jobs = new EnumMap<>(DailyJob.class);
        for (DailyJob job : DailyJob.values()) {
            jobs.put(job, (date, at) -> new JobResult(job, date, at, true, List.of()));
        }
        DailyScheduler s = new DailyScheduler(() -> now[0], NyseCalendar.INSTANCE, DailySchedule.DEFAULT, jobs);
        List<JobResult> ran = new ArrayList<>();
        // Thursday 2024-11-28 (Thanksgiving) to Saturday: Friday closes at 13:00
        for (LocalDateTime t = LocalDateTime.of(2024, 11, 28, 0, 0); t.isBefore(LocalDateTime.of(2024, 11, 30, 0, 0));
                t = t.plusMinutes(5)) {
            now[0] = io.amcp.api.spi.Clock.toNanos(ny(t));
            ran.addAll(s.tick());
        }
        assertThat(ran).extracting(JobResult::date).containsOnly(LocalDate.of(2024, 11, 29));
        assertThat(ran).extracting(JobResult::job).containsExactly(DailyJob.values());
        assertThat(ran).extracting(JobResult::ranAt).containsExactly(ny(LocalDateTime.of(2024, 11, 29, 9, 0)),
                ny(LocalDateTime.of(2024, 11, 29, 13, 15)), ny(LocalDateTime.of(2024, 11, 29, 13, 30)),
                ny(LocalDateTime.of(2024, 11, 29, 15, 0)));

        // a node started at 14:00 on a trading day skips that day's pre-market check only
        now[0] = io.amcp.api.spi.Clock.toNanos(ny(LocalDateTime.of(2024, 12, 2, 14, 0)));
        DailyScheduler late = new DailyScheduler(() -> now[0], NyseCalendar.INSTANCE, DailySchedule.DEFAULT, jobs);
        assertThat(late.tick()).isEmpty();
        now[0] = io.amcp.api.spi.Clock.toNanos(ny(LocalDateTime.of(2024, 12, 2, 20, 0)));
        assertThat(late.tick()).extracting(JobResult::job).containsExactly(DailyJob.RECONCILIATION,
                DailyJob.END_OF_DAY_REPORT, DailyJob.MAINTENANCE);
    }
}
