package io.amcp.ops.internal.shell;

import io.amcp.ops.BackupService;
import io.amcp.ops.ObjectStoreBackupService;
import java.nio.file.Path;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

/**
 * {@code amcp:restore <dir>} (or {@code --remote <name>} from the object store): verifies every
 * checksum, then puts the backup's files in place.
 */
@Service
@Command(scope = "amcp", name = "restore", description = "Verifies a backup's SHA-256 manifest and restores its files; "
        + "restart the platform afterwards so the kernel and paper exchange recover from the restored journals")
public class RestoreCommand implements Action {

    @Reference
    BackupService backups;

    @Reference(optional = true)
    ObjectStoreBackupService remote;

    @Option(name = "--remote", aliases = "-r", description = "Download from the object store; the argument is the backup's name")
    boolean fromRemote;

    @Argument(index = 0, name = "dir", required = true, description = "Backup directory written by amcp:backup, "
            + "or with --remote a name listed by amcp:backup-list")
    @Completion(FileCompleter.class)
    String dir;

    @Override
    public Object execute() throws Exception {
        if (fromRemote && remote == null) {
            System.err.println("No object store configured: set endpoint and bucket in etc/io.amcp.ops.backup.s3.cfg");
            return null;
        }
        try {
            List<BackupService.BackupEntry> entries = fromRemote ? remote.restore(dir) : backups.restore(Path.of(dir));
            BackupTables.entries(entries).print(System.out);
            System.out.println(entries.size() + " file(s) restored; restart the platform to recover from them");
        } catch (BackupService.CorruptBackupException e) {
            System.err.println("Backup refused, nothing restored: " + e.getMessage());
        }
        return null;
    }
}
