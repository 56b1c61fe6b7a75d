package io.amcp.security.internal;

import io.amcp.api.spi.CredentialStore;
import io.amcp.security.CredentialVault;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The platform's {@link CredentialStore}: an {@link EncryptedVault} under {@code ${karaf.data}/amcp/vault}
 * unless configured otherwise. Activation fails with a message naming the cause when the vault
 * cannot be opened (wrong or missing master key), rather than serving credentials from the
 * environment alone.
 */
@Component(service = {CredentialStore.class, CredentialVault.class}, configurationPid = "io.amcp.security.vault")
@Designate(ocd = VaultConfig.class)
public final class CredentialVaultComponent implements CredentialVault {

    private final EncryptedVault vault;

    @Activate
    public CredentialVaultComponent(VaultConfig config) {
        Path directory = config.directory().isBlank()
                ? Path.of(System.getProperty("karaf.data", "data"), "amcp", "vault") : Path.of(config.directory().trim());
        Path keyFile = config.masterKeyFile().isBlank() ? directory.resolve("master.key") : Path.of(config.masterKeyFile().trim());
        String passphrase = config.passphraseVariable().isBlank() ? null : System.getenv(config.passphraseVariable().trim());
        this.vault = new EncryptedVault(directory, keyFile,
                passphrase == null || passphrase.isEmpty() ? null : passphrase.toCharArray(), config.pbkdf2Iterations(),
                config.environmentFallback() ? System::getenv : null);
    }

    @Override
    public Optional<String> secret(String name) {
        return vault.secret(name);
    }

    @Override
    public void store(String name, String secret) {
        vault.store(name, secret);
    }

    @Override
    public boolean remove(String name) {
        return vault.remove(name);
    }

    @Override
    public SortedSet<String> names() {
        return vault.names();
    }

    @Override
    public String toString() {
        return vault.toString();
    }
}
