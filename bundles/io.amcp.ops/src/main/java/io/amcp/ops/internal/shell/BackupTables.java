package io.amcp.ops.internal.shell;

import io.amcp.ops.BackupService;
import java.util.List;
import org.apache.karaf.shell.support.table.ShellTable;

/** The file table both commands print. */
final class BackupTables {

    private BackupTables() {
    }

    static ShellTable entries(List<BackupService.BackupEntry> entries) {
        ShellTable table = new ShellTable();
        table.column("File");
        table.column("Bytes").alignRight();
        table.column("SHA-256");
        for (BackupService.BackupEntry e : entries) {
            table.addRow().addContent(e.path(), e.size(), e.sha256());
        }
        return table;
    }
}
