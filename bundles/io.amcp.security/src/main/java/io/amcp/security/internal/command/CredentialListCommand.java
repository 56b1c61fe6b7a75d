package io.amcp.security.internal.command;

import io.amcp.security.CredentialVault;
import io.amcp.security.internal.EncryptedVault;
import java.util.Collection;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code amcp:credential-list}: the names in the vault, never their values. */
@Service
@Command(scope = "amcp", name = "credential-list", description = "Lists the names of the secrets in the credential vault (never the values)")
public class CredentialListCommand implements Action {

    @Reference
    CredentialVault vault;

    @Override
    public Object execute() {
        table(vault.names()).print(System.out);
        return null;
    }

    static ShellTable table(Collection<String> names) {
        ShellTable table = new ShellTable().emptyTableText("The vault is empty (amcp:credential-set <name> stores a secret)");
        table.column("Name");
        table.column("Environment fallback");
        for (String name : names) {
            table.addRow().addContent(name, EncryptedVault.environmentVariable(name));
        }
        return table;
    }
}
