package io.amcp.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the credential vault, PID {@code io.amcp.security.vault}. */
@ObjectClassDefinition(name = "AMCP credential vault",
        description = "Connector secrets encrypted at rest (AES-256-GCM), with an environment-variable fallback")
public @interface VaultConfig {

    @AttributeDefinition(description = "Directory of vault.dat; empty means ${karaf.data}/amcp/vault")
    String directory() default "";

    @AttributeDefinition(description = "Master key file used when no passphrase is given; created (0600) on first "
            + "start; empty means master.key in the vault directory")
    String masterKeyFile() default "";

    @AttributeDefinition(description = "Environment variable holding the vault passphrase (key derived with "
            + "PBKDF2-HMAC-SHA256); when it is unset the master key file is used")
    String passphraseVariable() default "AMCP_VAULT_PASSPHRASE";

    @AttributeDefinition(description = "PBKDF2 iterations for a new passphrase vault (an existing vault keeps its own)")
    int pbkdf2Iterations() default 600_000;

    @AttributeDefinition(description = "Look a credential missing from the vault up in the environment (name upper-cased, "
            + "anything not a letter or digit as '_': alpaca.key-id -> ALPACA_KEY_ID)")
    boolean environmentFallback() default true;
}
