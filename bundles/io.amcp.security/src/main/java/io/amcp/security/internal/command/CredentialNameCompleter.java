package io.amcp.security.internal.command;

import io.amcp.security.CredentialVault;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the names stored in the vault. */
@Service
public class CredentialNameCompleter implements Completer {

    @Reference
    CredentialVault vault;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(vault.names()).complete(session, commandLine, candidates);
    }
}
