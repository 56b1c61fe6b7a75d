package io.amcp.ops.internal.shell;

import io.amcp.ops.ObjectStoreBackupService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code amcp:backup-list}: the complete backups in the object store. */
@Service
@Command(scope = "amcp", name = "backup-list", description = "Lists the backups in the object store (PID io.amcp.ops.backup.s3)")
public class BackupListCommand implements Action {

    @Reference(optional = true)
    ObjectStoreBackupService remote;

    @Override
    public Object execute() throws Exception {
        if (remote == null) {
            System.err.println("No object store configured: set endpoint and bucket in etc/io.amcp.ops.backup.s3.cfg");
            return null;
        }
        System.out.println("Backups in " + remote.location() + ":");
        remote.list().forEach(name -> System.out.println("  " + name));
        return null;
    }
}
