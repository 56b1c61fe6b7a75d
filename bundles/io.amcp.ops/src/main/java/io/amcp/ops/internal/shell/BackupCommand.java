package io.amcp.ops.internal.shell;

import io.amcp.ops.BackupService;
import java.nio.file.Path;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apache.karaf.shell.api.action.Completion;

/** {@code amcp:backup <dir>}: snapshot of journals, configuration and data catalog with a SHA-256 manifest. */
@Service
@Command(scope = "amcp", name = "backup", description = "Backs up journals, etc/*.cfg and the data catalog into a new directory")
public class BackupCommand implements Action {

    @Reference
    BackupService backups;

    @Argument(index = 0, name = "dir", required = true, description = "New or empty directory to write the backup into")
    @Completion(FileCompleter.class)
    String dir;

    @Override
    public Object execute() throws Exception {
        List<BackupService.BackupEntry> entries = backups.backup(Path.of(dir));
        BackupTables.entries(entries).print(System.out);
        System.out.println(entries.size() + " file(s) and " + BackupService.MANIFEST + " written to " + dir);
        return null;
    }
}
