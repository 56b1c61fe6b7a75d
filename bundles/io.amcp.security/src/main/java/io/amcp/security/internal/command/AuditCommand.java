package io.amcp.security.internal.command;

import io.amcp.api.spi.AuditLog;
import io.amcp.api.spi.AuditLog.Entry;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code amcp:audit [--limit N] [--verify]}: the newest audit entries, or a re-check of the whole chain. */
@Service
@Command(scope = "amcp", name = "audit", description = "Shows the newest audit entries; --verify re-hashes the whole chain")
public class AuditCommand implements Action {

    static final int HASH_SHOWN = 12;

    @Reference
    AuditLog audit;

    @Option(name = "-n", aliases = "--limit", description = "How many of the newest entries to show (default 20)")
    int limit = 20;

    @Option(name = "-v", aliases = "--verify", description = "Re-hash the whole chain and report the first entry that does not match")
    boolean verify;

    @Override
    public Object execute() {
        if (verify) {
            System.out.println(verify(audit));
        } else {
            table(audit.recent(limit)).print(System.out);
        }
        return null;
    }

    static String verify(AuditLog audit) {
        long broken = audit.verify();
        if (broken >= 0) {
            return "Audit chain BROKEN at sequence " + broken + ": that entry (or the one before it) was edited or removed";
        }
        List<Entry> newest = audit.recent(1);
        return newest.isEmpty() ? "Audit log is empty"
                : "Audit chain intact: entries 1.." + newest.get(0).sequence() + ", head hash " + newest.get(0).hash();
    }

    static ShellTable table(List<Entry> entries) {
        ShellTable table = new ShellTable().emptyTableText("Audit log is empty");
        table.column("Seq").alignRight();
        table.column("Time (UTC)");
        table.column("Actor");
        table.column("Action");
        table.column("Subject");
        table.column("Detail").maxSize(80);
        table.column("Hash");
        for (Entry e : entries) {
            table.addRow().addContent(e.sequence(), e.time(), e.actor(), e.action(), e.subject(), e.detail(),
                    e.hash().substring(0, HASH_SHOWN));
        }
        return table;
    }
}
