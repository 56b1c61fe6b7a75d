package io.amcp.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedVaultTest {

    private static final String KEY_ID = "PKTEST1234567890";
    private static final String SECRET = "s3cr3t/with+odd=chars é";

    @TempDir
    Path dir;

    private EncryptedVault open(UnaryOperator<String> environment) {
        return new EncryptedVault(dir, dir.resolve("master.key"), null, 1, environment);
    }

    private EncryptedVault open() {
        return open(null);
    }

    @Test
    void storedSecretsSurviveARestartAndAreEncryptedOnDisk() throws Exception {
        EncryptedVault vault = open();
        vault.store("alpaca.key-id", KEY_ID);
        vault.store("alpaca.secret", SECRET);

        EncryptedVault reopened = open();
        assertThat(reopened.secret("alpaca.key-id")).contains(KEY_ID);
        assertThat(reopened.secret("alpaca.secret")).contains(SECRET);
        assertThat(reopened.names()).containsExactly("alpaca.key-id", "alpaca.secret");
        String onDisk = Files.readString(dir.resolve("vault.dat"));
        assertThat(onDisk).doesNotContain(KEY_ID).doesNotContain("s3cr3t").contains("entry alpaca.key-id ");
        assertThat(reopened.toString()).doesNotContain(KEY_ID).doesNotContain("s3cr3t");
    }

    /** Decrypts an entry with the JDK's cipher and the format the class Javadoc documents, not with the vault's code. */
    @Test
    void entryFollowsTheDocumentedFormat() throws Exception {
        open().store("fred.api-key", "abcdef0123456789");
        byte[] key = Files.readAllBytes(dir.resolve("master.key"));
        List<String> lines = Files.readAllLines(dir.resolve("vault.dat"));
        assertThat(lines.subList(0, 2)).containsExactly("AMCP-VAULT 1", "kdf key-file");
        String[] entry = lines.get(3).split(" ");
        assertThat(entry[1]).isEqualTo("fred.api-key");
        String[] sealed = entry[2].split(":");

        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(128, Base64.getDecoder().decode(sealed[0])));
        cipher.updateAAD("amcp-vault|1|fred.api-key".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(cipher.doFinal(Base64.getDecoder().decode(sealed[1])), StandardCharsets.UTF_8))
                .isEqualTo("abcdef0123456789");
    }

    @Test
    void masterKeyFileIsCreatedOwnerOnly() throws Exception {
        open();
        Path key = dir.resolve("master.key");
        assertThat(Files.size(key)).isEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("vault.dat")))).isEqualTo("rw-------");
    }

    @Test
    void aTamperedEntryIsAClearErrorAndTheOthersAreKept() throws Exception {
        EncryptedVault vault = open();
        vault.store("alpaca.key-id", KEY_ID);
        vault.store("alpaca.secret", SECRET);
        Path file = dir.resolve("vault.dat");
        List<String> lines = Files.readAllLines(file);
        String line = lines.get(3);
        char last = line.charAt(line.length() - 3);
        lines.set(3, line.substring(0, line.length() - 3) + (last == 'A' ? 'B' : 'A') + line.substring(line.length() - 2));
        Files.write(file, lines);

        EncryptedVault reopened = open();
        assertThatThrownBy(() -> reopened.secret("alpaca.key-id"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("credential 'alpaca.key-id'")
                .hasMessageContaining("failed authentication")
                .hasMessageNotContaining(KEY_ID);
        assertThat(reopened.secret("alpaca.secret")).contains(SECRET);

        reopened.store("fred.api-key", "abc");
        EncryptedVault again = open();
        assertThat(again.names()).containsExactly("alpaca.key-id", "alpaca.secret", "fred.api-key");
        assertThat(again.secret("alpaca.secret")).contains(SECRET);
        assertThatThrownBy(() -> again.secret("alpaca.key-id")).hasMessageContaining("failed authentication");
        again.store("alpaca.key-id", "replaced");
        assertThat(open().secret("alpaca.key-id")).contains("replaced");
    }

    @Test
    void aCiphertextMovedToAnotherNameFailsAuthentication() throws Exception {
        EncryptedVault vault = open();
        vault.store("a.one", "first");
        vault.store("a.two", "second");
        Path file = dir.resolve("vault.dat");
        List<String> lines = Files.readAllLines(file);
        String sealedOne = lines.get(3).split(" ")[2];
        lines.set(4, "entry a.two " + sealedOne);
        Files.write(file, lines);

        assertThatThrownBy(() -> open().secret("a.two")).hasMessageContaining("credential 'a.two'");
    }

    @Test
    void aDamagedLineIsKeptAndDoesNotHideTheOthers() throws Exception {
        open().store("a.one", "first");
        Files.writeString(dir.resolve("vault.dat"), "garbage line\n", java.nio.file.StandardOpenOption.APPEND);
        EncryptedVault reopened = open();
        assertThat(reopened.secret("a.one")).contains("first");
        reopened.store("a.two", "second");
        assertThat(Files.readAllLines(dir.resolve("vault.dat"))).contains("garbage line");
    }

    @Test
    void aWrongMasterKeyFileIsAClearError() throws Exception {
        open().store("a.one", "first");
        Files.write(dir.resolve("master.key"), VaultCipher.randomBytes(32));
        assertThatThrownBy(this::open)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wrong master key")
                .hasMessageContaining("master.key");
    }

    @Test
    void aMissingMasterKeyFileIsAClearErrorAndIsNotRecreated() throws Exception {
        open().store("a.one", "first");
        Files.delete(dir.resolve("master.key"));
        assertThatThrownBy(this::open).hasMessageContaining("does not exist");
        assertThat(dir.resolve("master.key")).doesNotExist();
    }

    @Test
    void passphraseVaultNeedsTheRightPassphrase() throws Exception {
        new EncryptedVault(dir, dir.resolve("master.key"), "correct horse".toCharArray(), 1000, null).store("a.one", "first");
        assertThat(dir.resolve("master.key")).doesNotExist();
        assertThat(new EncryptedVault(dir, dir.resolve("master.key"), "correct horse".toCharArray(), 5, null).secret("a.one"))
                .contains("first");
        assertThatThrownBy(() -> new EncryptedVault(dir, dir.resolve("master.key"), "battery staple".toCharArray(), 1000, null))
                .hasMessageContaining("wrong master key").hasMessageContaining("passphrase");
        assertThatThrownBy(() -> new EncryptedVault(dir, dir.resolve("master.key"), null, 1000, null))
                .hasMessageContaining("sealed with a passphrase");
    }

    /** The key is PBKDF2-HMAC-SHA256 over the passphrase with the salt and count in the header, as documented. */
    @Test
    void passphraseKeyIsDerivedAsDocumented() throws Exception {
        new EncryptedVault(dir, dir.resolve("master.key"), "correct horse".toCharArray(), 1000, null).store("a.one", "first");
        List<String> lines = Files.readAllLines(dir.resolve("vault.dat"));
        String[] kdf = lines.get(1).split(" ");
        assertThat(kdf[1]).isEqualTo("pbkdf2-hmac-sha256");
        assertThat(kdf[3]).isEqualTo("1000");
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("correct horse".toCharArray(), Base64.getDecoder().decode(kdf[2]), 1000, 256))
                .getEncoded();
        String[] sealed = lines.get(3).split(" ")[2].split(":");
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, Base64.getDecoder().decode(sealed[0])));
        cipher.updateAAD("amcp-vault|1|a.one".getBytes(StandardCharsets.UTF_8));
        assertThat(cipher.doFinal(Base64.getDecoder().decode(sealed[1]))).isEqualTo("first".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void missingCredentialsFallBackToTheEnvironment() {
        Map<String, String> environment = Map.of("ALPACA_KEY_ID", "from-env", "FRED_API_KEY", "fred-env");
        EncryptedVault vault = open(environment::get);
        assertThat(vault.secret("alpaca.key-id")).contains("from-env");
        assertThat(vault.secret("fred.api-key")).contains("fred-env");
        vault.store("fred.api-key", "from-vault");
        assertThat(vault.secret("fred.api-key")).contains("from-vault");
        assertThat(vault.secret("nowhere.key")).isEmpty();
        assertThat(vault.names()).containsExactly("fred.api-key");
    }

    @Test
    void fallbackReadsTheRealProcessEnvironment() {
        assertThat(open(System::getenv).secret("path")).contains(System.getenv("PATH"));
        assertThat(open().secret("path")).isEmpty();
    }

    @Test
    void environmentVariableNamesAreUpperCasedWithUnderscores() {
        assertThat(EncryptedVault.environmentVariable("alpaca.key-id")).isEqualTo("ALPACA_KEY_ID");
        assertThat(EncryptedVault.environmentVariable("Polygon_v2.api-key")).isEqualTo("POLYGON_V2_API_KEY");
    }

    @Test
    void aTemporaryFileLeftByACrashIsIgnoredAndRemoved() throws Exception {
        open().store("a.one", "first");
        Path leftover = dir.resolve("vault.dat.8412093.tmp");
        Files.writeString(leftover, "AMCP-VAULT 1\nkdf key-fi");
        EncryptedVault reopened = open();
        assertThat(reopened.secret("a.one")).contains("first");
        assertThat(leftover).doesNotExist();
        reopened.store("a.two", "second");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("vault.dat", "master.key");
        }
    }

    @Test
    void removeAndNames() {
        EncryptedVault vault = open();
        vault.store("b.key", "1");
        vault.store("a.key", "2");
        assertThat(vault.names()).containsExactly("a.key", "b.key");
        assertThat(vault.remove("a.key")).isTrue();
        assertThat(vault.remove("a.key")).isFalse();
        assertThat(open().names()).containsExactly("b.key");
    }

    @Test
    void badInputNamesTheField() {
        EncryptedVault vault = open();
        assertThatThrownBy(() -> vault.store("bad name", "x")).hasMessageStartingWith("name:");
        assertThatThrownBy(() -> vault.store(".hidden", "x")).hasMessageStartingWith("name:");
        assertThatThrownBy(() -> vault.store("ok.name", "")).hasMessageStartingWith("secret:");
        assertThatThrownBy(() -> vault.secret(null)).hasMessageStartingWith("name:");
        assertThatThrownBy(() -> new EncryptedVault(dir, dir.resolve("k"), null, 0, null)).hasMessageStartingWith("pbkdf2Iterations:");
    }

    /** Everything the vault logs (slf4j-simple writes warnings and errors to System.err) names credentials, never values. */
    @Test
    void logsNeverContainASecret() throws Exception {
        java.io.PrintStream standardError = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            EncryptedVault vault = open();
            vault.store("alpaca.key-id", KEY_ID);
            Files.writeString(dir.resolve("vault.dat"), "entry broken\n", java.nio.file.StandardOpenOption.APPEND);
            Files.writeString(dir.resolve("vault.dat.1.tmp"), KEY_ID);
            EncryptedVault reopened = open();
            reopened.store("alpaca.secret", SECRET);
            assertThat(reopened.secret("alpaca.key-id")).contains(KEY_ID);
        } finally {
            System.setErr(standardError);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("damaged").contains("vault.dat.1.tmp");
        assertThat(log).doesNotContain(KEY_ID).doesNotContain("s3cr3t");
    }

    @Test
    void aFileThatIsNotAVaultIsAClearError() throws Exception {
        Files.writeString(dir.resolve("vault.dat"), "hello\n");
        assertThatThrownBy(this::open).hasMessageContaining("not a vault file");
    }
}
