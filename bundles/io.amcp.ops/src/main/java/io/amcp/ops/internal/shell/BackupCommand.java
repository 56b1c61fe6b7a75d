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
 * {@code amcp:backup <dir>}: snapshot of journals, configuration and data catalog with a SHA-256
 * manifest; {@code amcp:backup --remote <name>} uploads it to the configured MinIO/S3 bucket.
 */
@Service
@Command(scope = "amcp", name = "backup", description = "Backs up journals, etc/*.cfg and the data catalog into a new "
        + "directory, or with --remote into the object store (PID io.amcp.ops.backup.s3) under a name")
public class BackupCommand implements Action {

    @Reference
    BackupService backups;

    @Reference(optional = true)
    ObjectStoreBackupService remote;

    @Option(name = "--remote", aliases = "-r", description = "Upload to the object store; the argument is the backup's name")
    boolean toRemote;

    @Argument(index = 0, name = "dir", required = true, description = "New or empty directory, or with --remote the backup's name")
    @Completion(FileCompleter.class)
    String dir;

    @Override
    public Object execute() throws Exception {
        if (toRemote) {
            if (remote == null) {
                System.err.println("No object store configured: set endpoint and bucket in etc/io.amcp.ops.backup.s3.cfg");
                return null;
            }
            List<BackupService.BackupEntry> entries = remote.backup(dir);
            BackupTables.entries(entries).print(System.out);
            System.out.println(entries.size() + " file(s) and " + BackupService.MANIFEST + " uploaded as '" + dir + "' to "
                    + remote.location());
            return null;
        }
        List<BackupService.BackupEntry> entries = backups.backup(Path.of(dir));
        BackupTables.entries(entries).print(System.out);
        System.out.println(entries.size() + " file(s) and " + BackupService.MANIFEST + " written to " + dir);
        return null;
    }
}
