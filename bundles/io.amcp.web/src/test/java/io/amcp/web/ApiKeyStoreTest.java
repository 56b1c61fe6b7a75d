package io.amcp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class ApiKeyStoreTest {

    @Test
    void storedLineIsPbkdf2OfTheSecretWithItsSalt() throws Exception {
        ApiKeyStore store = new ApiKeyStore(1_000);
        String line = store.add("PKTEST1", "a-secret-of-enough-length", Role.TRADER);
        String[] parts = line.split(":");
        assertThat(parts[0]).isEqualTo("PKTEST1");
        assertThat(parts[1]).isEqualTo("trader");
        assertThat(parts[2]).isEqualTo("1000");
        assertThat(line).doesNotContain("a-secret-of-enough-length");
        // recompute the hash with the JDK's PBKDF2 from the stored salt
        byte[] salt = Base64.getDecoder().decode(parts[3]);
        byte[] expected = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("a-secret-of-enough-length".toCharArray(), salt, 1000, 256)).getEncoded();
        assertThat(Base64.getDecoder().decode(parts[4])).isEqualTo(expected);
    }

    @Test
    void authenticatesTheRightSecretOnlyAlsoAfterReloading() {
        ApiKeyStore store = new ApiKeyStore(1_000);
        String line = store.add("PKVIEW", "viewer-secret-0123456789", Role.VIEWER);
        assertThat(store.authenticate("PKVIEW", "viewer-secret-0123456789")).contains(Role.VIEWER);
        // the second check takes the remembered-digest path and must still refuse a wrong secret
        assertThat(store.authenticate("PKVIEW", "viewer-secret-0123456789")).contains(Role.VIEWER);
        assertThat(store.authenticate("PKVIEW", "viewer-secret-012345678X")).isEmpty();
        assertThat(store.authenticate("PKOTHER", "viewer-secret-0123456789")).isEmpty();
        assertThat(store.authenticate(null, null)).isEmpty();

        ApiKeyStore reloaded = ApiKeyStore.load(List.of("# keys", "", line));
        assertThat(reloaded.authenticate("PKVIEW", "viewer-secret-0123456789")).contains(Role.VIEWER);
        assertThat(reloaded.authenticate("PKVIEW", "wrong-secret-0123456789")).isEmpty();
        assertThat(Role.VIEWER.canTrade()).isFalse();
        assertThat(Role.TRADER.canTrade()).isTrue();
    }

    @Test
    void issuedKeysLookLikeAlpacaKeysAndCanBeRemoved() {
        ApiKeyStore store = new ApiKeyStore(1_000);
        ApiKeyStore.Credentials c = store.issue(Role.ADMIN);
        assertThat(c.keyId()).matches("PK[A-Z0-9]{18}");
        assertThat(c.secret()).hasSize(40);
        assertThat(c.toString()).doesNotContain(c.secret());
        assertThat(store.authenticate(c.keyId(), c.secret())).contains(Role.ADMIN);
        assertThat(store.remove(c.keyId())).isTrue();
        assertThat(store.authenticate(c.keyId(), c.secret())).isEmpty();
    }

    @Test
    void badInputNamesTheField() {
        ApiKeyStore store = new ApiKeyStore(1_000);
        assertThatThrownBy(() -> store.add("bad id", "long-enough-secret-123", Role.TRADER)).hasMessageStartingWith("keyId");
        assertThatThrownBy(() -> store.add("PK1", "short", Role.TRADER)).hasMessageStartingWith("secret");
        assertThatThrownBy(() -> store.addStored("PK1:boss:1000:AA==:AA==")).hasMessageStartingWith("role");
        assertThatThrownBy(() -> store.addStored("PK1:trader")).hasMessageStartingWith("key line");
    }
}
