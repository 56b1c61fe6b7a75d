package io.amcp.security.internal.command;

import io.amcp.api.spi.AuditLog;
import io.amcp.security.CredentialVault;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code amcp:credential-remove <name>}: removes a secret from the vault; audited. */
@Service
@Command(scope = "amcp", name = "credential-remove",
        description = "Removes a secret from the credential vault (an environment variable of the same name still applies)")
public class CredentialRemoveCommand implements Action {

    @Reference
    CredentialVault vault;

    @Reference(optional = true)
    AuditLog audit;

    @Argument(index = 0, name = "name", required = true, description = "credential name")
    @Completion(CredentialNameCompleter.class)
    String name;

    @Override
    public Object execute() {
        System.out.println(remove(vault, audit, ShellActor.current(), name));
        return null;
    }

    static String remove(CredentialVault vault, AuditLog audit, String actor, String name) {
        if (!vault.remove(name)) {
            return "No credential " + name + " in the vault";
        }
        if (audit != null) {
            audit.append(actor, "credential.remove", name, "");
        }
        return "Removed credential " + name;
    }
}
