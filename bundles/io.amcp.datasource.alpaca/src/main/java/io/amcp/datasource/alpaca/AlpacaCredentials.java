package io.amcp.datasource.alpaca;

import io.amcp.api.spi.CredentialStore;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An Alpaca API key pair. Looked up in the {@link CredentialStore} under {@value #KEY_ID} and
 * {@value #SECRET_KEY}, falling back to Alpaca's own environment variables {@value #KEY_ID_ENV} and
 * {@value #SECRET_KEY_ENV}. {@link #toString()} never shows the secret.
 *
 * @param keyId     the key id (header {@code APCA-API-KEY-ID})
 * @param secretKey the secret key (header {@code APCA-API-SECRET-KEY})
 */
public record AlpacaCredentials(String keyId, String secretKey) {

    /** Credential-store name of the key id. */
    public static final String KEY_ID = "alpaca.key-id";
    /** Credential-store name of the secret key. */
    public static final String SECRET_KEY = "alpaca.secret-key";
    /** Environment variable of the key id (Alpaca's SDK convention). */
    public static final String KEY_ID_ENV = "APCA_API_KEY_ID";
    /** Environment variable of the secret key (Alpaca's SDK convention). */
    public static final String SECRET_KEY_ENV = "APCA_API_SECRET_KEY";

    public AlpacaCredentials {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("keyId: must not be blank");
        }
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("secretKey: must not be blank");
        }
    }

    public static AlpacaCredentials of(String keyId, String secretKey) {
        return new AlpacaCredentials(keyId, secretKey);
    }

    /**
     * The keys from {@code store} (may be null when no store is registered), else from the
     * environment {@code env}.
     *
     * @throws IllegalStateException naming the missing credential and how to set it
     */
    public static AlpacaCredentials resolve(CredentialStore store, UnaryOperator<String> env) {
        return new AlpacaCredentials(lookup(store, env, KEY_ID, KEY_ID_ENV), lookup(store, env, SECRET_KEY, SECRET_KEY_ENV));
    }

    /** The keys from {@code store} or the process environment. */
    public static AlpacaCredentials resolve(CredentialStore store) {
        return resolve(store, System::getenv);
    }

    private static String lookup(CredentialStore store, UnaryOperator<String> env, String name, String variable) {
        Optional<String> stored = store == null ? Optional.empty() : store.secret(name).filter(s -> !s.isBlank());
        String value = stored.orElseGet(() -> env.apply(variable));
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("missing credential '" + name + "': store it in the credential vault "
                    + "(amcp:credential-set " + name + " <value>) or set the environment variable " + variable);
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlpacaCredentials c && keyId.equals(c.keyId) && secretKey.equals(c.secretKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, secretKey);
    }

    @Override
    public String toString() {
        return "AlpacaCredentials[keyId=" + keyId + ", secretKey=***]";
    }
}
