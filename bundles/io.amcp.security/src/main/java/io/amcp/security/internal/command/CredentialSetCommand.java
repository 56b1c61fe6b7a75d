package io.amcp.security.internal.command;

import io.amcp.api.spi.AuditLog;
import io.amcp.security.CredentialVault;
import java.io.IOException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code amcp:credential-set <name> [value]}: stores a secret in the vault. Without a value it asks
 * for it with echo off, which keeps it out of the shell history. The change is audited (name only).
 */
@Service
@Command(scope = "amcp", name = "credential-set",
        description = "Stores a secret in the encrypted credential vault; omit the value to type it hidden (kept out of the shell history)")
public class CredentialSetCommand implements Action {

    @Reference
    CredentialVault vault;

    @Reference(optional = true)
    AuditLog audit;

    @Reference
    Session session;

    @Argument(index = 0, name = "name", required = true, description = "credential name, e.g. alpaca.key-id")
    @Completion(CredentialNameCompleter.class)
    String name;

    @Argument(index = 1, name = "value", description = "the secret; omit it to be prompted without echo")
    String value;

    @Override
    public Object execute() throws IOException {
        String secret = value != null ? value : session.readLine("Value of " + name + ": ", '*');
        System.out.println(store(vault, audit, ShellActor.current(), name, secret));
        return null;
    }

    /** Stores the secret, audits the change and returns the line to print (never the value). */
    static String store(CredentialVault vault, AuditLog audit, String actor, String name, String secret) {
        boolean replaced = vault.names().contains(name);
        vault.store(name, secret);
        if (audit != null) {
            audit.append(actor, "credential.set", name, replaced ? "replaced" : "added");
        }
        return (replaced ? "Replaced" : "Stored") + " credential " + name + " (encrypted in the vault)";
    }
}
