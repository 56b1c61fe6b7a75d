package io.amcp.ops.internal.shell;

import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.spi.Clock;
import io.amcp.core.Kernel;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code amcp:journal-compact}: compacts the kernel's journal now, as the evening maintenance job does
 * (open orders and those updated since the exchange midnight of the trading date, the reconciliation's
 * horizon, are kept with the ledger and the strategies' books; earlier finished orders go).
 */
@Service
@Command(scope = "amcp", name = "journal-compact", description = "Compacts the kernel's journal now (the daily maintenance job does it after the close)")
public class JournalCompactCommand implements Action {

    @Reference(optional = true)
    Kernel kernel;

    @Option(name = "--date", aliases = "-d", description = "Trading date (yyyy-MM-dd) whose orders are kept from its New York midnight on; default: the kernel clock's exchange date")
    String date;

    @Override
    public Object execute() throws Exception {
        if (kernel == null) {
            System.err.println("No kernel runs on this node: nothing to compact");
            return null;
        }
        LocalDate tradingDate;
        try {
            tradingDate = date == null ? NyseCalendar.INSTANCE.dateOf(kernel.clock().nanos()) : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--date: not a yyyy-MM-dd date: " + date, e);
        }
        Kernel.Compaction c = kernel.compactJournal(
                Clock.toNanos(tradingDate.atStartOfDay(NyseCalendar.INSTANCE.zone()).toInstant()));
        System.out.printf("Journal compacted: %d entries -> %d; %d orders kept, %d finished orders before %s dropped%n",
                c.entriesBefore(), c.entriesAfter(), c.ordersKept(), c.ordersDropped(), tradingDate);
        return null;
    }
}
