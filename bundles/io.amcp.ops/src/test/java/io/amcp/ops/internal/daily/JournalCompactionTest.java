package io.amcp.ops.internal.daily;

import static io.amcp.ops.internal.daily.TradingDay.AAPL;
import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.SubmitOrder;
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
    private static final LocalDate TUESDAY = LocalDate.of(2024, 3, 5);

    @TempDir
    Path tmp;

    @Test
    void compactsYesterdaysFinishedOrderAwayAndKeepsTodaysAndThePosition() throws Exception {
        Path journal = tmp.resolve("journal/kernel.journal");
        ClientOrderId resting;
        long bytesBefore;
        JobResult result;
        try (TradingDay day = new TradingDay(tmp, LocalDateTime.of(2024, 3, 4, 9, 59))) {
            // Monday: a market buy of 10 fills on the next bar; a day limit buy at 150 rests below the market
            // and expires when Tuesday's first bar rolls the trading day, so it ends on Tuesday
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
        // the limit that ended today (expired at the roll) is kept; Monday's filled market order is dropped
        assertThat(result.findings()).singleElement().asString()
                .startsWith("journal compacted: ").contains("(1 orders kept, 1 finished orders of earlier days dropped)");
        assertThat(Files.size(journal)).isLessThan(bytesBefore);
        try (TradingDay restarted = new TradingDay(tmp, LocalDateTime.of(2024, 3, 5, 9, 32))) {
            assertThat(restarted.kernel.order(resting).status()).isEqualTo(OrderStatus.EXPIRED);
            assertThat(restarted.kernel.positions()).singleElement()
                    .satisfies(p -> assertThat(p.quantity()).isEqualTo(Quantity.of(10)));
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
