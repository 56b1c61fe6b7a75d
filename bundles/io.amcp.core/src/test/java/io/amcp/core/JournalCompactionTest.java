package io.amcp.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.OrderId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderAccepted;
import io.amcp.api.order.OrderCanceled;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.OrderSubmitted;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.core.journal.FileJournal;
import io.amcp.core.journal.JournalEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A randomized journal over three trading days (orders submitted, accepted, partly and fully filled,
 * canceled; marks; a kill switch) is recovered in full, compacted, and recovered again from the
 * compacted file: the ledger, the strategies' books, the kill switch and every kept order must equal
 * the full recovery's, and the orders kept must be exactly the open ones and those that ended on the
 * last day, as the generator itself recorded them.
 */
class JournalCompactionTest {

    private static final List<InstrumentId> INSTRUMENTS = List.of(InstrumentId.of("AAPL"), InstrumentId.of("MSFT"));
    private static final List<StrategyId> STRATEGIES = List.of(StrategyId.of("alpha"), StrategyId.of("beta"));
    private static final long DAY = 86_400_000_000_000L;
    /** 2024-03-04 15:00 UTC, a Monday during New York trading hours. */
    private static final long T0 = 1_709_564_400_000_000_000L;
    private static final long CENT = 1_000_000L;

    /** An order as the generator tracks it, independently of the OMS. */
    private static final class Live {
        final ClientOrderId id;
        final SubmitOrder order;
        final long quantity;
        long filled;
        boolean ended;
        int endedDay = -1;

        Live(ClientOrderId id, SubmitOrder order, long quantity) {
            this.id = id;
            this.order = order;
            this.quantity = quantity;
        }
    }

    private record Generated(Set<ClientOrderId> openOrEndedLastDay, int orders) {
    }

    private static Generated generate(FileJournal journal, long seed) {
        Random random = new Random(seed);
        List<Live> orders = new ArrayList<>();
        int trades = 0;
        for (int day = 0; day < 3; day++) {
            long t = T0 + day * DAY;
            journal.append(new JournalEntry.DayStarted(t));
            for (int step = 0; step < 120; step++) {
                t += 1_000_000_000L;
                List<Live> working = orders.stream().filter(o -> !o.ended).toList();
                int action = random.nextInt(10);
                if (action < 3 || working.isEmpty()) {
                    ClientOrderId id = ClientOrderId.of("o-" + (orders.size() + 1));
                    long quantity = 1 + random.nextInt(20);
                    SubmitOrder order = SubmitOrder.market(INSTRUMENTS.get(random.nextInt(2)),
                            random.nextBoolean() ? Side.BUY : Side.SELL, Quantity.of(quantity)).withClientOrderId(id);
                    journal.append(new OrderSubmitted(id, STRATEGIES.get(random.nextInt(2)), order, null, false, t));
                    journal.append(new OrderAccepted(id, OrderId.of("v-" + id.value()), t));
                    orders.add(new Live(id, order, quantity));
                } else if (action < 8) {
                    Live o = working.get(random.nextInt(working.size()));
                    long qty = 1 + random.nextInt((int) (o.quantity - o.filled));
                    SubmitOrder order = o.order;
                    journal.append(new OrderFilled(o.id, "t-" + (++trades), order.instrument(), order.side(),
                            Quantity.of(qty), Price.ofRaw((9_000 + random.nextInt(2_000)) * CENT),
                            Money.ofRaw(random.nextInt(100) * CENT), t));
                    o.filled += qty;
                    if (o.filled == o.quantity) {
                        o.ended = true;
                        o.endedDay = day;
                    }
                } else if (action < 9) {
                    Live o = working.get(random.nextInt(working.size()));
                    journal.append(new OrderCanceled(o.id, "user", t));
                    o.ended = true;
                    o.endedDay = day;
                } else {
                    journal.append(new JournalEntry.Mark(INSTRUMENTS.get(random.nextInt(2)),
                            (9_000 + random.nextInt(2_000)) * CENT, t));
                }
            }
            if (day == 1) {
                journal.append(new JournalEntry.KillSwitchChanged(true, "daily loss", t));
            }
        }
        Set<ClientOrderId> kept = orders.stream().filter(o -> !o.ended || o.endedDay == 2).map(o -> o.id)
                .collect(Collectors.toCollection(TreeSet::new));
        return new Generated(kept, orders.size());
    }

    private static Kernel recovered(Path file) {
        Kernel kernel = new Kernel(new SimulatedClock(0), new FileJournal(file, false), Money.of("100000"), 2.0);
        kernel.recover();
        return kernel;
    }

    private static Map<ClientOrderId, OrderView> byId(Kernel kernel) {
        return kernel.orderManager().all().stream().collect(Collectors.toMap(OrderView::clientOrderId, v -> v));
    }

    private static void assertSameLedgers(Kernel expected, Kernel actual) {
        assertThat(actual.ledger().state()).isEqualTo(expected.ledger().state());
        assertThat(actual.ledger().account()).isEqualTo(expected.ledger().account());
        assertThat(actual.ledger().openPositions()).isEqualTo(expected.ledger().openPositions());
        for (StrategyId s : STRATEGIES) {
            assertThat(actual.existingBook(s).state()).as("book of %s", s).isEqualTo(expected.existingBook(s).state());
        }
        assertThat(actual.killSwitch().isEngaged()).isEqualTo(expected.killSwitch().isEngaged());
        assertThat(actual.killSwitch().reason()).isEqualTo(expected.killSwitch().reason());
        assertThat(actual.clock().nanos()).isEqualTo(expected.clock().nanos());
    }

    @Test
    void recoveryFromCompactedJournalEqualsRecoveryFromFullOne(@TempDir Path dir) {
        for (long seed = 1; seed <= 5; seed++) {
            Path file = dir.resolve("kernel-" + seed + ".journal");
            FileJournal writing = new FileJournal(file, false);
            Generated generated = generate(writing, seed);
            writing.close();

            Kernel full = recovered(file);
            Map<ClientOrderId, OrderView> fullOrders = byId(full);
            assertThat(fullOrders).hasSize(generated.orders());
            long linesBefore = lines(file);
            Kernel.Compaction compaction = full.compactJournal();
            assertThat(compaction.entriesBefore()).isEqualTo(linesBefore);
            assertThat(compaction.ordersKept()).isEqualTo(generated.openOrEndedLastDay().size());
            assertThat(lines(file)).isEqualTo(compaction.entriesAfter()).isLessThan(linesBefore);

            Kernel compacted = recovered(file);
            assertSameLedgers(full, compacted);
            Map<ClientOrderId, OrderView> keptOrders = byId(compacted);
            assertThat(new TreeSet<>(keptOrders.keySet())).as("seed %d", seed).isEqualTo(generated.openOrEndedLastDay());
            keptOrders.forEach((id, view) -> assertThat(view).isEqualTo(fullOrders.get(id)));
            assertThat(compacted.orderManager().open(null)).isEqualTo(full.orderManager().open(null));
            // the ids of forgotten orders stay used, so a strategy never numbers a new order with one
            fullOrders.keySet().forEach(id -> assertThat(compacted.hasOrder(id)).as("%s still used", id).isTrue());

            // the compacted journal goes on taking entries, and compacts again to the same state
            OrderView open = compacted.orderManager().open(null).get(0);
            compacted.post(new OrderCanceled(open.clientOrderId(), "user", compacted.clock().nanos()));
            compacted.compactJournal();
            Kernel again = recovered(file);
            assertSameLedgers(compacted, again);
            assertThat(byId(again)).isEqualTo(byId(compacted));
            fullOrders.keySet().forEach(id -> assertThat(again.hasOrder(id)).as("%s still used", id).isTrue());
        }
    }

    /**
     * A GTC limit submitted and partly filled on Monday and canceled on Tuesday at 08:00 New York, before Tuesday's first
     * bar journals {@code DayStarted} at 10:00: it ended on Tuesday, so a compaction on Tuesday keeps it
     * (the reconciliation of Tuesday compares orders updated since New York midnight), while an order
     * that ended on Monday is dropped and its id stays used.
     */
    @Test
    void anOrderCanceledBeforeTheDaysFirstBarIsKeptAsTodays(@TempDir Path dir) {
        // 2024-03-05 is a Tuesday in Eastern Standard Time (UTC-5): 05:00 UTC is New York midnight
        long mondayOpen = T0;                                  // 2024-03-04 10:00 New York
        long tuesdayMidnight = 1_709_614_800_000_000_000L;     // 2024-03-05 00:00 New York
        long tuesdayPreMarket = tuesdayMidnight + 8 * 3_600_000_000_000L;   // 08:00 New York
        long tuesdayFirstBar = tuesdayMidnight + 10 * 3_600_000_000_000L;   // 10:00 New York
        ClientOrderId gtc = ClientOrderId.of("gtc-1");
        ClientOrderId monday = ClientOrderId.of("mon-1");
        SubmitOrder limit = SubmitOrder.limit(INSTRUMENTS.get(0), Side.BUY, Quantity.of(2), Price.of("150"))
                .withClientOrderId(gtc);
        SubmitOrder market = SubmitOrder.market(INSTRUMENTS.get(0), Side.BUY, Quantity.of(1)).withClientOrderId(monday);
        Path file = dir.resolve("kernel.journal");
        FileJournal writing = new FileJournal(file, false);
        writing.append(new JournalEntry.DayStarted(mondayOpen));
        writing.append(new OrderSubmitted(gtc, STRATEGIES.get(0), limit, null, false, mondayOpen));
        writing.append(new OrderAccepted(gtc, OrderId.of("v-gtc-1"), mondayOpen));
        writing.append(new OrderFilled(gtc, "t-1", INSTRUMENTS.get(0), Side.BUY, Quantity.of(1), Price.of("150"),
                Money.ZERO, mondayOpen + 1_000_000_000L));
        writing.append(new OrderSubmitted(monday, STRATEGIES.get(1), market, null, false, mondayOpen));
        writing.append(new OrderAccepted(monday, OrderId.of("v-mon-1"), mondayOpen));
        writing.append(new OrderFilled(monday, "t-2", INSTRUMENTS.get(0), Side.BUY, Quantity.of(1), Price.of("179"),
                Money.ZERO, mondayOpen + 1_000_000_000L));
        writing.append(new OrderCanceled(gtc, "user", tuesdayPreMarket));
        writing.append(new JournalEntry.DayStarted(tuesdayFirstBar));
        writing.append(new JournalEntry.Mark(INSTRUMENTS.get(0), 18_200 * CENT, tuesdayFirstBar + 7_200_000_000_000L));
        writing.close();

        Kernel full = recovered(file);
        Kernel.Compaction compaction = full.compactJournal();
        assertThat(compaction.ordersKept()).isEqualTo(1);
        assertThat(compaction.ordersDropped()).isEqualTo(1);

        Kernel compacted = recovered(file);
        assertSameLedgers(full, compacted);
        assertThat(byId(compacted).keySet()).containsExactly(gtc);
        assertThat(compacted.orderManager().view(gtc)).isEqualTo(full.orderManager().view(gtc));
        assertThat(compacted.hasOrder(monday)).as("the dropped order's id stays used").isTrue();

        // an explicit horizon after the cancel drops it too, and both ids stay used
        Kernel.Compaction later = compacted.compactJournal(tuesdayPreMarket + 1);
        assertThat(later.ordersKept()).isZero();
        Kernel again = recovered(file);
        assertThat(byId(again)).isEmpty();
        assertThat(again.hasOrder(gtc)).isTrue();
        assertThat(again.hasOrder(monday)).isTrue();
        assertSameLedgers(full, again);
    }

    private static long lines(Path file) {
        try (var stream = Files.lines(file)) {
            return stream.count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
