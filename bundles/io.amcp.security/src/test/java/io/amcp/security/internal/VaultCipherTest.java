package io.amcp.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.security.internal.VaultCipher.Sealed;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class VaultCipherTest {

    private static final HexFormat HEX = HexFormat.of();

    /** McGrew and Viega, "The Galois/Counter Mode of Operation", test case 14 (AES-256, zero key, IV and block). */
    @Test
    void sealsGcmSpecTestCase14() {
        byte[] sealed = VaultCipher.seal(VaultCipher.key(new byte[32]), new byte[12], "", new byte[16]);
        assertThat(HEX.formatHex(sealed)).isEqualTo("cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919");
    }

    /**
     * Associated data as the vault uses it; expected bytes from Python's {@code cryptography} 48.0.0 (OpenSSL):
     * {@code AESGCM(key).encrypt(iv, b'PKTEST-secret', b'amcp-vault|1|alpaca.key-id')} with the key and IV of the
     * GCM paper's test case 16.
     */
    @Test
    void sealsWithAssociatedDataAsOpenSslDoes() throws Exception {
        SecretKey key = VaultCipher.key(HEX.parseHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"));
        byte[] iv = HEX.parseHex("cafebabefacedbaddecaf888");
        byte[] sealed = VaultCipher.seal(key, iv, "amcp-vault|1|alpaca.key-id", "PKTEST-secret".getBytes(StandardCharsets.UTF_8));
        assertThat(HEX.formatHex(sealed)).isEqualTo("db57a7903286569134454c03f106655c5b8ad1bb43e9db21f91c6c1b91");
        assertThat(new String(VaultCipher.open(key, new Sealed(iv, sealed), "amcp-vault|1|alpaca.key-id"), StandardCharsets.UTF_8))
                .isEqualTo("PKTEST-secret");
        assertThatThrownBy(() -> VaultCipher.open(key, new Sealed(iv, sealed), "amcp-vault|1|alpaca.secret"))
                .isInstanceOf(AEADBadTagException.class);
    }

    /** RFC 7914 section 11, first PBKDF2-HMAC-SHA256 vector (P = "passwd", S = "salt", c = 1, dkLen = 64). */
    @Test
    void derivesRfc7914Vector() {
        byte[] derived = VaultCipher.pbkdf2("passwd".toCharArray(), "salt".getBytes(StandardCharsets.US_ASCII), 1, 64);
        assertThat(HEX.formatHex(derived)).isEqualTo("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
    }

    @Test
    void everySealUsesAFreshIv() {
        SecretKey key = VaultCipher.randomKey();
        Sealed first = VaultCipher.seal(key, "a", new byte[] {1});
        Sealed second = VaultCipher.seal(key, "a", new byte[] {1});
        assertThat(first.iv()).hasSize(12).isNotEqualTo(second.iv());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    }
}
