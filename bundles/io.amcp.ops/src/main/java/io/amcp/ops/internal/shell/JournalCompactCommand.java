package io.amcp.ops.internal.shell;

import io.amcp.core.Kernel;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code amcp:journal-compact}: compacts the kernel's journal now, as the evening maintenance job does
 * (open orders and today's, the ledger and the strategies' books are kept; earlier finished orders go).
 */
@Service
@Command(scope = "amcp", name = "journal-compact", description = "Compacts the kernel's journal now (the daily maintenance job does it after the close)")
public class JournalCompactCommand implements Action {

    @Reference(optional = true)
    Kernel kernel;

    @Override
    public Object execute() throws Exception {
        if (kernel == null) {
            System.err.println("No kernel runs on this node: nothing to compact");
            return null;
        }
        Kernel.Compaction c = kernel.compactJournal();
        System.out.printf("Journal compacted: %d entries -> %d; %d orders kept, %d finished orders of earlier days dropped%n",
                c.entriesBefore(), c.entriesAfter(), c.ordersKept(), c.ordersDropped());
        return null;
    }
}
