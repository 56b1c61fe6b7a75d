package io.amcp.security;

import io.amcp.api.spi.CredentialStore;
import java.util.SortedSet;

/**
 * A {@link CredentialStore} that administrators can change: the credential vault. Values go in and
 * come out only through {@link #store} and {@link #secret}; listing returns names, never values.
 * Names are dotted identifiers such as {@code alpaca.key-id}: a letter or digit, then letters,
 * digits, {@code .}, {@code _} or {@code -}, at most 128 characters.
 */
public interface CredentialVault extends CredentialStore {

    /**
     * Stores (or replaces) a secret, encrypted and durable when this returns.
     *
     * @throws IllegalArgumentException naming {@code name} or {@code secret} when either is invalid
     */
    void store(String name, String secret);

    /** Removes a secret from the vault; returns whether there was one. Environment variables are untouched. */
    boolean remove(String name);

    /** The names stored in the vault (not those only in the environment), sorted. */
    SortedSet<String> names();
}
