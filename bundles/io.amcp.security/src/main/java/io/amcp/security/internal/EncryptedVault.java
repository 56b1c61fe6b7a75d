package io.amcp.security.internal;

import io.amcp.security.CredentialVault;
import io.amcp.security.internal.VaultCipher.Sealed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credential vault: secrets encrypted at rest in one file, {@code vault.dat}, with a fallback to
 * environment variables.
 *
 * <h2>Format</h2>
 * A UTF-8 text file: {@code AMCP-VAULT 1}; a key line, {@code kdf key-file} or
 * {@code kdf pbkdf2-hmac-sha256 <salt> <iterations>}; {@code check <iv>:<ciphertext>}, a known text
 * sealed with the master key so a wrong key is reported as such; then one
 * {@code entry <name> <iv>:<ciphertext>} line per secret. Every value is sealed with AES-256-GCM under
 * its own random 96-bit IV, with {@code amcp-vault|1|<name>} as associated data (Base64 fields).
 *
 * <h2>Master key</h2>
 * Either a random 256-bit key in a key file (default {@code master.key} beside the vault) created on
 * first start with owner-only permissions (0600, directory 0700), or a key derived from a passphrase
 * with PBKDF2-HMAC-SHA256 (random 16-byte salt, iteration count stored in the file). The vault file
 * records which one sealed it; a new vault uses the passphrase when one is given.
 *
 * <h2>Threat model</h2>
 * <ul>
 * <li>Protected: a copy of {@code vault.dat} alone (a backup, a copied data directory without the key
 * file, a disk image taken while the passphrase is not on disk) reveals no secret and no length beyond
 * the ciphertext's; with the passphrase mode, the whole data directory can leak without revealing
 * secrets.</li>
 * <li>Detected: any change to an entry's IV, ciphertext or name (including moving a ciphertext to
 * another name) fails GCM authentication for that entry alone, reported as a clear error when it is
 * read; every other entry stays readable and is kept when the vault is rewritten. A wrong key or an
 * altered header is reported when the vault is opened.</li>
 * <li>Not protected: whoever runs as the platform's OS user or as root (they can read the key file,
 * the passphrase from the process environment, or the JVM's memory); removal of whole entries or
 * roll-back to an older copy of the file (entries are authenticated one by one, not as a set); the
 * key-file mode when the key file is backed up together with the vault: keep {@code master.key} out
 * of backups of the data directory or use a passphrase.</li>
 * </ul>
 * Writes go to a temporary file in the same directory, are forced to disk and then atomically moved
 * over {@code vault.dat}, so a crash leaves the old or the new vault, never a torn one; leftover
 * temporary files are ignored and removed on the next start. Values never reach logs or
 * {@link #toString()}. Thread-safe.
 */
public final class EncryptedVault implements CredentialVault {

    static final String FILE_NAME = "vault.dat";
    static final String MAGIC = "AMCP-VAULT 1";
    static final String KDF_KEY_FILE = "key-file";
    static final String KDF_PBKDF2 = "pbkdf2-hmac-sha256";
    private static final String CHECK_TEXT = "amcp-vault key check";
    private static final String CHECK_AAD = "amcp-vault|1|#check";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final int SALT_BYTES = 16;
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Logger LOG = LoggerFactory.getLogger(EncryptedVault.class);

    private final Path file;
    private final String keyDescription;
    private final SecretKey key;
    private final List<String> header;
    private final UnaryOperator<String> environment;
    /** Name to its sealed line text, kept as read so an entry that fails authentication is not lost. */
    private final Map<String, String> entries = new LinkedHashMap<>();
    /** Lines that are not entries at all, written back unchanged so nothing is lost. */
    private final List<String> damagedLines = new ArrayList<>();

    /**
     * Opens the vault in {@code directory}, creating it (and a master key file when no passphrase is
     * given) on first use.
     *
     * @param directory   where {@code vault.dat} lives
     * @param keyFile     the master key file (used when the vault is sealed with a key file)
     * @param passphrase  the passphrase, or null to use the key file; needed when the vault was sealed with one
     * @param iterations  PBKDF2 iterations for a new passphrase vault
     * @param environment environment lookup for the fallback ({@code System::getenv}), or null for none
     * @throws IllegalStateException when the vault cannot be opened: wrong key, missing key, malformed header
     */
    public EncryptedVault(Path directory, Path keyFile, char[] passphrase, int iterations,
            UnaryOperator<String> environment) {
        if (iterations < 1) {
            throw new IllegalArgumentException("pbkdf2Iterations: must be positive, was " + iterations);
        }
        this.file = directory.resolve(FILE_NAME);
        this.environment = environment;
        try {
            createPrivateDirectory(directory);
            removeLeftoverTemporaryFiles(directory);
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                this.header = readHeader(lines);
                String[] kdf = header.get(1).split(" ");
                this.keyDescription = describeKey(kdf, keyFile);
                this.key = openKey(kdf, keyFile, passphrase);
                checkKey();
                readEntries(lines);
            } else {
                this.header = new ArrayList<>();
                header.add(MAGIC);
                if (passphrase != null) {
                    byte[] salt = VaultCipher.randomBytes(SALT_BYTES);
                    header.add("kdf " + KDF_PBKDF2 + " " + b64(salt) + " " + iterations);
                    this.key = VaultCipher.derive(passphrase, salt, iterations);
                    this.keyDescription = "the passphrase";
                } else {
                    this.key = Files.exists(keyFile) ? readKeyFile(keyFile) : createKeyFile(keyFile);
                    header.add("kdf " + KDF_KEY_FILE);
                    this.keyDescription = "the master key file " + keyFile;
                }
                header.add("check " + sealedText(VaultCipher.seal(key, CHECK_AAD, CHECK_TEXT.getBytes(StandardCharsets.UTF_8))));
                write();
                LOG.info("created credential vault {} sealed with {}", file, keyDescription);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("credential vault " + file + ": " + e.getMessage(), e);
        }
    }

    /** The environment variable a credential name falls back to: upper case, anything not a letter or digit as {@code _}. */
    public static String environmentVariable(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    @Override
    public synchronized Optional<String> secret(String name) {
        checkName(name);
        String sealed = entries.get(name);
        if (sealed != null) {
            return Optional.of(open(name, sealed));
        }
        if (environment == null) {
            return Optional.empty();
        }
        String value = environment.apply(environmentVariable(name));
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public synchronized void store(String name, String secret) {
        checkName(name);
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("secret: must not be empty (credential '" + name + "')");
        }
        String previous = entries.put(name, sealedText(VaultCipher.seal(key, aad(name), secret.getBytes(StandardCharsets.UTF_8))));
        writeOrRestore(name, previous);
    }

    @Override
    public synchronized boolean remove(String name) {
        checkName(name);
        String previous = entries.remove(name);
        if (previous == null) {
            return false;
        }
        writeOrRestore(name, previous);
        return true;
    }

    @Override
    public synchronized SortedSet<String> names() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(entries.keySet()));
    }

    /** The vault file. */
    public Path file() {
        return file;
    }

    @Override
    public String toString() {
        return "EncryptedVault[" + file + ", sealed with " + keyDescription + "]";
    }

    private String open(String name, String sealedText) {
        try {
            return new String(VaultCipher.open(key, parseSealed(sealedText), aad(name)), StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new IllegalStateException("credential '" + name + "': its vault entry in " + file
                    + " failed authentication (the file was edited or corrupted); other credentials are unaffected; "
                    + "store it again with amcp:credential-set " + name, e);
        }
    }

    private void writeOrRestore(String name, String previous) {
        try {
            write();
        } catch (IOException e) {
            if (previous == null) {
                entries.remove(name);
            } else {
                entries.put(name, previous);
            }
            throw new UncheckedIOException("credential vault " + file + ": cannot write: " + e.getMessage(), e);
        }
    }

    private void write() throws IOException {
        StringBuilder text = new StringBuilder();
        header.forEach(line -> text.append(line).append('\n'));
        entries.forEach((name, sealed) -> text.append("entry ").append(name).append(' ').append(sealed).append('\n'));
        damagedLines.forEach(line -> text.append(line).append('\n'));
        writeAtomically(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes to a temporary file in the same directory, forces it to disk and moves it over {@code target}. */
    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path directory = target.getParent();
        Path temporary = Files.createTempFile(directory, target.getFileName() + ".", ".tmp", ownerOnly(directory, OWNER_FILE));
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        forceDirectory(directory);
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory for fsync; the move itself is still atomic there.
            LOG.debug("cannot fsync directory {}: {}", directory, e.toString());
        }
    }

    private static void removeLeftoverTemporaryFiles(Path directory) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, FILE_NAME + ".*.tmp")) {
            for (Path leftover : leftovers) {
                LOG.warn("removing {} left by an interrupted vault write; the vault itself is intact", leftover);
                Files.deleteIfExists(leftover);
            }
        }
    }

    private List<String> readHeader(List<String> lines) {
        if (lines.size() < 3 || !lines.get(0).equals(MAGIC) || !lines.get(1).startsWith("kdf ")
                || !lines.get(2).startsWith("check ")) {
            throw new IllegalStateException("credential vault " + file + ": not a vault file or its header is damaged "
                    + "(expected '" + MAGIC + "', a kdf line and a check line); restore it from a backup");
        }
        return new ArrayList<>(lines.subList(0, 3));
    }

    private String describeKey(String[] kdf, Path keyFile) {
        return switch (kdf[1]) {
            case KDF_KEY_FILE -> "the master key file " + keyFile;
            case KDF_PBKDF2 -> "the passphrase";
            default -> throw new IllegalStateException("credential vault " + file + ": unknown kdf '" + kdf[1] + "'");
        };
    }

    private SecretKey openKey(String[] kdf, Path keyFile, char[] passphrase) throws IOException {
        if (kdf[1].equals(KDF_KEY_FILE)) {
            if (!Files.exists(keyFile)) {
                throw new IllegalStateException("credential vault " + file + " is sealed with a master key file, but "
                        + keyFile + " does not exist: restore it from where you keep it (without it the vault cannot be opened)");
            }
            return readKeyFile(keyFile);
        }
        if (passphrase == null) {
            throw new IllegalStateException("credential vault " + file + " is sealed with a passphrase: provide it "
                    + "(environment variable named by passphraseVariable in io.amcp.security.vault)");
        }
        if (kdf.length != 4) {
            throw new IllegalStateException("credential vault " + file + ": damaged kdf line");
        }
        try {
            return VaultCipher.derive(passphrase, Base64.getDecoder().decode(kdf[2]), Integer.parseInt(kdf[3]));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("credential vault " + file + ": damaged kdf line: " + e.getMessage(), e);
        }
    }

    private void checkKey() {
        try {
            VaultCipher.open(key, parseSealed(header.get(2).substring("check ".length())), CHECK_AAD);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new IllegalStateException("credential vault " + file + ": wrong master key: " + keyDescription
                    + " does not open this vault (or its header was altered)", e);
        }
    }

    private void readEntries(List<String> lines) {
        for (int i = 3; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(" ");
            if (parts.length == 3 && parts[0].equals("entry") && NAME.matcher(parts[1]).matches()) {
                entries.put(parts[1], parts[2]);
            } else {
                LOG.error("credential vault {} line {} is damaged (expected 'entry <name> <iv>:<ciphertext>'); it is kept "
                        + "as it is and the other credentials stay readable", file, i + 1);
                damagedLines.add(line);
            }
        }
    }

    private static SecretKey readKeyFile(Path keyFile) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(keyFile).equals(OWNER_FILE)) {
                LOG.warn("master key file {} is readable by others than its owner ({}); restrict it to 0600", keyFile,
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
            }
        } catch (UnsupportedOperationException e) {
            LOG.debug("no POSIX permissions on {}", keyFile);
        }
        byte[] raw = Files.readAllBytes(keyFile);
        if (raw.length != VaultCipher.KEY_BYTES) {
            throw new IllegalStateException("master key file " + keyFile + ": expected " + VaultCipher.KEY_BYTES
                    + " bytes, has " + raw.length);
        }
        return VaultCipher.key(raw);
    }

    private static SecretKey createKeyFile(Path keyFile) throws IOException {
        createPrivateDirectory(keyFile.toAbsolutePath().getParent());
        SecretKey created = VaultCipher.randomKey();
        writeAtomically(keyFile.toAbsolutePath(), created.getEncoded());
        LOG.info("created master key file {} (owner-only); keep a copy apart from backups of the vault", keyFile);
        return created;
    }

    private static void createPrivateDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, ownerOnly(directory, OWNER_DIR));
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path near, Set<PosixFilePermission> permissions) {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                && near.getFileSystem().equals(FileSystems.getDefault());
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: invalid credential name '" + name + "' (expected letters, digits, "
                    + "'.', '_' or '-', starting with a letter or digit, at most 128 characters)");
        }
    }

    private static String aad(String name) {
        return "amcp-vault|1|" + name;
    }

    private static String sealedText(Sealed sealed) {
        return b64(sealed.iv()) + ":" + b64(sealed.ciphertext());
    }

    private static Sealed parseSealed(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected <iv>:<ciphertext>");
        }
        byte[] iv = Base64.getDecoder().decode(text.substring(0, colon));
        if (iv.length != VaultCipher.IV_BYTES) {
            throw new IllegalArgumentException("IV of " + iv.length + " bytes");
        }
        return new Sealed(iv, Base64.getDecoder().decode(text.substring(colon + 1)));
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
