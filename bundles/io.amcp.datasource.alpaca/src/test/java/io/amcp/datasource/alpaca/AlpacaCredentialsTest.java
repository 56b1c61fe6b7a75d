package io.amcp.datasource.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.spi.CredentialStore;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlpacaCredentialsTest {

    @Test
    void theStoreWinsOverTheEnvironment() {
        CredentialStore store = name -> Optional.ofNullable(Map.of("alpaca.key-id", "PKSTORE",
                "alpaca.secret-key", "store-secret").get(name));
        Map<String, String> env = Map.of("APCA_API_KEY_ID", "PKENV", "APCA_API_SECRET_KEY", "env-secret");

        assertThat(AlpacaCredentials.resolve(store, env::get)).isEqualTo(AlpacaCredentials.of("PKSTORE", "store-secret"));
    }

    @Test
    void theEnvironmentIsTheFallback() {
        Map<String, String> env = Map.of("APCA_API_KEY_ID", "PKENV", "APCA_API_SECRET_KEY", "env-secret");

        assertThat(AlpacaCredentials.resolve(name -> Optional.empty(), env::get))
                .isEqualTo(AlpacaCredentials.of("PKENV", "env-secret"));
        assertThat(AlpacaCredentials.resolve(null, env::get).keyId()).isEqualTo("PKENV");
    }

    @Test
    void aMissingKeyNamesTheCredentialAndTheVariable() {
        assertThatThrownBy(() -> AlpacaCredentials.resolve(null, Map.of("APCA_API_KEY_ID", "PKENV")::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'alpaca.secret-key'").hasMessageContaining("APCA_API_SECRET_KEY");
    }

    @Test
    void theSecretIsNeverPrinted() {
        assertThat(AlpacaCredentials.of("PKID", "very-secret").toString()).contains("PKID").doesNotContain("very-secret");
    }
}
