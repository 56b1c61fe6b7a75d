package io.amcp.api.spi;

import java.util.Optional;

/**
 * Where connectors get API keys and passwords. Secrets are looked up by a dotted name such as
 * {@code alpaca.key-id} or {@code fred.api-key}; the store decides where they live (an encrypted
 * vault, environment variables). Connectors never log the value.
 */
public interface CredentialStore {

    /** The secret stored under {@code name}, empty when there is none. */
    Optional<String> secret(String name);

    /**
     * The secret stored under {@code name}.
     *
     * @throws IllegalStateException naming the missing credential and how to set it
     */
    default String require(String name) {
        return secret(name).orElseThrow(() -> new IllegalStateException(
                "missing credential '" + name + "': store it in the credential vault (amcp:credential-set "
                        + name + " <value>) or set the environment variable "
                        + name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_")));
    }
}
