package io.amcp.ops.internal.daily;

import static io.amcp.ops.internal.daily.TradingDay.AAPL;
import static io.amcp.ops.internal.daily.TradingDay.ny;
import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderType;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.order.TimeInForce;
import io.amcp.api.spi.BrokerStatement;
import io.amcp.api.spi.BrokerStatementSource;
import io.amcp.api.spi.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The maintenance job's journal step on a real kernel journaling to a file. */
class JournalCompactionTest {

    private static final StrategyId ALPHA = StrategyId.of("alpha");
    private static final LocalDate MONDAY = LocalDate.of(2024, 3, 4);
    private static final LocalDate TUESDAY = LocalDate.of(2024, 3, 5);
    private static final ClientOrderId GTC = ClientOrderId.of("gtc-1");

    @TempDir
    Path tmp;

    @Test
    void compactsMondaysFinishedOrdersAwayAndKeepsThePosition() throws Exception {
        Path journal = tmp.resolve("journal/kernel.journal");
        ClientOrderId resting;
        long bytesBefore;
        JobResult result;
        try (TradingDay day = new TradingDay(tmp, LocalDateTime.of(2024, 3, 4, 9, 59))) {
            // Monday: a market buy of 10 fills on the next bar; a day limit buy at 150 rests below the market
            // and expires at Monday's close: the exchange reports it when Tuesday's first bar comes, with
            // the time of the close (16:00 Monday), so both orders ended on Monday
            day.bar(LocalDateTime.of(2024, 3, 4, 10, 0), 179, 180, 178, 179);
            ClientOrderId filled = day.kernel.submit(ALPHA, SubmitOrder.market(AAPL, Side.BUY, Quantity.of(10))).clientOrderId();
            resting = day.kernel.submit(ALPHA, SubmitOrder.limit(AAPL, Side.BUY, Quantity.of(2), Price.of("150"))).clientOrderId();
            day.bar(LocalDateTime.of(2024, 3, 4, 10, 1), 180, 181, 179, 181);
            assertThat(day.kernel.order(filled).status()).isEqualTo(OrderStatus.FILLED);
            // Tuesday's first bar rolls the trading day
            day.advanceTo(LocalDateTime.of(2024, 3, 5, 9, 31));
            day.bar(LocalDateTime.of(2024, 3, 5, 9, 31), 182, 183, 181, 182);
            bytesBefore = Files.size(journal);

            result = new JournalCompaction(() -> day.kernel).run(TUESDAY, Instant.parse("2024-03-05T22:00:00Z"));
        }

        assertThat(result.ok()).isTrue();
        // orders are judged by their events' times: the expiry reported on Tuesday happened on Monday
        assertThat(result.findings()).singleElement().asString()
                .startsWith("journal compacted: ").contains("(0 orders kept, 2 finished orders of earlier days dropped)");
        assertThat(Files.size(journal)).isLessThan(bytesBefore);
        try (TradingDay restarted = new TradingDay(tmp, LocalDateTime.of(2024, 3, 5, 9, 32))) {
            assertThat(restarted.kernel.order(resting)).isNull();
            assertThat(restarted.kernel.positions()).singleElement()
                    .satisfies(p -> assertThat(p.quantity()).isEqualTo(Quantity.of(10)));
        }
    }

    /**
     * Monday: a GTC limit buy at 150 rests below the market. Tuesday 08:00 New York, before the day's
     * first bar (where the kernel journals the day's start), it is canceled. It changed on Tuesday, so
     * Tuesday's reconciliation compares it with the broker's CANCELED order: a compaction at noon
     * must keep it.
     */
    private static void restAGtcOnMondayAndCancelItBeforeTuesdaysFirstBar(TradingDay day) {
        day.bar(MONDAY.atTime(10, 0), 179, 180, 178, 179);
        day.kernel.submit(ALPHA, SubmitOrder.builder(AAPL, Side.BUY, Quantity.of(1)).clientOrderId(GTC)
                .type(OrderType.LIMIT).limitPrice(Price.of("150")).timeInForce(TimeInForce.GTC).build());
        day.bar(MONDAY.atTime(10, 1), 180, 181, 179, 181);
        day.advanceTo(TUESDAY.atTime(8, 0));
        day.kernel.cancel(GTC);
        day.advanceTo(TUESDAY.atTime(10, 0));
        day.bar(TUESDAY.atTime(10, 0), 182, 183, 181, 182);
    }

    @Test
    void anOrderCanceledBeforeTheDaysFirstBarSurvivesAMidDayCompactionAndTheDayReconcilesClean() {
        Path state = tmp.resolve("state");
        try (TradingDay day = new TradingDay(state, MONDAY.atTime(9, 59))) {
            restAGtcOnMondayAndCancelItBeforeTuesdaysFirstBar(day);
            day.advanceTo(TUESDAY.atTime(12, 0));
            JobResult compaction = new JournalCompaction(() -> day.kernel).run(TUESDAY, ny(TUESDAY.atTime(12, 0)));
            assertThat(compaction.findings()).singleElement().asString()
                    .contains("(1 orders kept, 0 finished orders of earlier days dropped)");
        }
        try (TradingDay day = new TradingDay(state, TUESDAY.atTime(16, 15))) {
            assertThat(day.kernel.order(GTC).status()).isEqualTo(OrderStatus.CANCELED);
            JobResult r = new Reconciler(day.kernel, () -> List.of(day.statements()), TradingDay.NEW_YORK)
                    .run(TUESDAY, ny(TUESDAY.atTime(16, 15)));
            assertThat(r.findings()).noneMatch(f -> f.contains("gtc-1"));
            assertThat(r.ok()).isTrue();
        }
    }

    /**
     * The maintenance job for Tuesday that runs late, after New York midnight, keeps Tuesday's orders:
     * its horizon is the reconciled date's midnight, not that of the kernel clock's today.
     */
    @Test
    void aMaintenanceRunPastMidnightKeepsTheOrdersOfTheDateItRunsFor() {
        Path state = tmp.resolve("state");
        LocalDateTime late = TUESDAY.plusDays(1).atTime(0, 30);
        try (TradingDay day = new TradingDay(state, MONDAY.atTime(9, 59))) {
            restAGtcOnMondayAndCancelItBeforeTuesdaysFirstBar(day);
            day.advanceTo(late);
            JobResult compaction = new JournalCompaction(() -> day.kernel).run(TUESDAY, ny(late));
            assertThat(compaction.findings()).singleElement().asString()
                    .contains("(1 orders kept, 0 finished orders of earlier days dropped)");
        }
        try (TradingDay day = new TradingDay(state, late)) {
            assertThat(day.kernel.order(GTC).status()).isEqualTo(OrderStatus.CANCELED);
            long tuesdayMidnight = Clock.toNanos(ny(TUESDAY.atStartOfDay()));
            BrokerStatementSource tuesdays = new BrokerStatementSource() {
                @Override
                public String brokerId() {
                    return day.exchange.id();
                }

                @Override
                public BrokerStatement statement() {
                    return day.exchange.statement(TradingDay.STARTING_CASH, tuesdayMidnight);
                }
            };
            JobResult r = new Reconciler(day.kernel, () -> List.of(tuesdays), TradingDay.NEW_YORK).run(TUESDAY, ny(late));
            assertThat(r.findings()).noneMatch(f -> f.contains("gtc-1"));
            assertThat(r.ok()).isTrue();
        }
    }

    @Test
    void aNodeWithoutAKernelCompactsNothingAndAFailedPurgeComesFirst() {
        JobResult compaction = new JournalCompaction(() -> null).run(TUESDAY, Instant.EPOCH);
        assertThat(compaction.ok()).isTrue();
        assertThat(compaction.findings()).containsExactly("journal: no kernel on this node, nothing compacted");

        JobResult purge = new JobResult(DailyJob.MAINTENANCE, TUESDAY, Instant.EPOCH, false, List.of("reports: purge failed: denied"));
        JobResult merged = JournalCompaction.merge(purge, compaction);
        assertThat(merged.ok()).isFalse();
        assertThat(merged.findings()).containsExactly("reports: purge failed: denied",
                "journal: no kernel on this node, nothing compacted");
    }
}
