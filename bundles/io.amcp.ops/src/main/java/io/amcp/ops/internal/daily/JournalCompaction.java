package io.amcp.ops.internal.daily;

import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.spi.Clock;
import io.amcp.core.Kernel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The maintenance job's journal step: compacts the kernel's journal ({@link Kernel#compactJournal(long)})
 * so that recovery reads the day's orders and a state snapshot instead of every entry ever written. It
 * keeps the orders open or updated since the exchange midnight of the date it runs for, the horizon
 * {@link Reconciler} compares orders over, even when the job runs after that date has ended.
 */
final class JournalCompaction {

    private final Supplier<Kernel> kernel;

    /** @param kernel the node's kernel, or null when none runs here (then nothing is compacted) */
    JournalCompaction(Supplier<Kernel> kernel) {
        this.kernel = kernel;
    }

    JobResult run(LocalDate date, Instant now) {
        Kernel k = kernel.get();
        if (k == null) {
            return new JobResult(DailyJob.MAINTENANCE, date, now, true, List.of("journal: no kernel on this node, nothing compacted"));
        }
        try {
            Kernel.Compaction c = k.compactJournal(startOf(date));
            return new JobResult(DailyJob.MAINTENANCE, date, now, true, List.of(String.format(
                    "journal compacted: %d entries -> %d (%d orders kept, %d finished orders of earlier days dropped)",
                    c.entriesBefore(), c.entriesAfter(), c.ordersKept(), c.ordersDropped())));
        } catch (UnsupportedOperationException e) {
            return new JobResult(DailyJob.MAINTENANCE, date, now, true, List.of("journal: not compacted: " + e.getMessage()));
        } catch (RuntimeException e) {
            return new JobResult(DailyJob.MAINTENANCE, date, now, false, List.of("journal compaction failed: " + e));
        }
    }

    /** The exchange (New York) midnight that begins {@code date}: the compaction's and the reconciliation's horizon. */
    static long startOf(LocalDate date) {
        return Clock.toNanos(date.atStartOfDay(NyseCalendar.INSTANCE.zone()).toInstant());
    }

    /** The purge's and the compaction's findings as one maintenance result, problems first. */
    static JobResult merge(JobResult purge, JobResult compaction) {
        List<String> findings = new ArrayList<>();
        for (JobResult r : List.of(compaction, purge)) {
            if (!r.ok()) {
                findings.addAll(0, r.findings());
            } else {
                findings.addAll(r.findings());
            }
        }
        return new JobResult(DailyJob.MAINTENANCE, purge.date(), purge.ranAt(), purge.ok() && compaction.ok(), findings);
    }
}
