package io.amcp.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * API keys (Alpaca's {@code APCA-API-KEY-ID} / {@code APCA-API-SECRET-KEY}) with their roles. Secrets
 * are never stored: each key keeps a random salt and the PBKDF2-HMAC-SHA256 hash of its secret.
 *
 * <p>PBKDF2 is deliberately slow, and every REST request carries the secret, so a secret that
 * verified once is remembered as a salted SHA-256 digest under a per-store random pepper held only
 * in memory; later requests cost one SHA-256 and a constant-time comparison. Thread-safe.
 *
 * <p>Stored form, one key a line: {@code keyId:role:iterations:base64(salt):base64(hash)}.
 */
public final class ApiKeyStore {

    /** PBKDF2 iterations for new keys. */
    public static final int DEFAULT_ITERATIONS = 120_000;

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,60}");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final char[] SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final int iterations;
    private final SecureRandom random = new SecureRandom();
    private final byte[] pepper = new byte[32];
    private final Map<String, StoredKey> keys = new ConcurrentHashMap<>();
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();
    private final ThreadLocal<MessageDigest> sha256 = ThreadLocal.withInitial(ApiKeyStore::newSha256);

    /** A store hashing new secrets with {@link #DEFAULT_ITERATIONS}. */
    public ApiKeyStore() {
        this(DEFAULT_ITERATIONS);
    }

    /** A store hashing new secrets with {@code iterations} PBKDF2 rounds (at least 1,000). */
    public ApiKeyStore(int iterations) {
        if (iterations < 1_000) {
            throw new IllegalArgumentException("iterations: must be at least 1000, was " + iterations);
        }
        this.iterations = iterations;
        random.nextBytes(pepper);
    }

    /** A key pair as handed to a client once; the store keeps only the secret's hash. */
    public record Credentials(String keyId, String secret, Role role) {
        @Override
        public String toString() {
            return "Credentials[keyId=" + keyId + ", role=" + role + "]";
        }
    }

    /** Creates a key with a random Alpaca-style id ({@code PK} + 18 characters) and a 40-character secret. */
    public Credentials issue(Role role) {
        StringBuilder id = new StringBuilder("PK");
        for (int i = 0; i < 18; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        StringBuilder secret = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            secret.append(SECRET_ALPHABET[random.nextInt(SECRET_ALPHABET.length)]);
        }
        add(id.toString(), secret.toString(), role);
        return new Credentials(id.toString(), secret.toString(), role);
    }

    /**
     * Adds (or replaces) a key; returns its stored line for a key file.
     *
     * @throws IllegalArgumentException naming the field at fault
     */
    public String add(String keyId, String secret, Role role) {
        checkKeyId(keyId);
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("secret: must have at least 16 characters");
        }
        if (role == null) {
            throw new IllegalArgumentException("role: is required");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        StoredKey key = new StoredKey(keyId, role, iterations, salt, pbkdf2(secret, salt, iterations));
        keys.put(keyId, key);
        verified.remove(keyId);
        return key.line();
    }

    /**
     * Adds a key from its stored line ({@code keyId:role:iterations:salt:hash}).
     *
     * @throws IllegalArgumentException naming the part at fault
     */
    public void addStored(String line) {
        String[] parts = line.trim().split(":");
        if (parts.length != 5) {
            throw new IllegalArgumentException("key line: expected keyId:role:iterations:salt:hash, got "
                    + parts.length + " parts");
        }
        checkKeyId(parts[0]);
        Role role;
        try {
            role = Role.valueOf(parts[1].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("role: unknown '" + parts[1] + "' for key " + parts[0]
                    + " (expected viewer, trader or admin)", e);
        }
        int rounds;
        try {
            rounds = Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("iterations: not a number for key " + parts[0], e);
        }
        Base64.Decoder b64 = Base64.getDecoder();
        keys.put(parts[0], new StoredKey(parts[0], role, rounds, b64.decode(parts[3]), b64.decode(parts[4])));
        verified.remove(parts[0]);
    }

    /** A store holding the keys of a key file's lines; blank lines and lines starting with # are skipped. */
    public static ApiKeyStore load(List<String> lines) {
        ApiKeyStore store = new ApiKeyStore();
        for (String line : lines) {
            if (!line.isBlank() && !line.trim().startsWith("#")) {
                store.addStored(line);
            }
        }
        return store;
    }

    /** Removes a key; returns whether it existed. */
    public boolean remove(String keyId) {
        verified.remove(keyId);
        return keys.remove(keyId) != null;
    }

    /** The ids of all keys. */
    public List<String> keyIds() {
        return new ArrayList<>(keys.keySet());
    }

    /** The role of a key id and secret, or empty if the key is unknown or the secret wrong. */
    public Optional<Role> authenticate(String keyId, String secret) {
        if (keyId == null || secret == null) {
            return Optional.empty();
        }
        StoredKey key = keys.get(keyId);
        if (key == null) {
            return Optional.empty();
        }
        byte[] digest = fastDigest(secret);
        byte[] known = verified.get(keyId);
        if (known != null) {
            return MessageDigest.isEqual(known, digest) ? Optional.of(key.role) : Optional.empty();
        }
        if (!MessageDigest.isEqual(key.hash, pbkdf2(secret, key.salt, key.iterations))) {
            return Optional.empty();
        }
        if (keys.get(keyId) == key) {
            verified.put(keyId, digest);
        }
        return Optional.of(key.role);
    }

    /**
     * Whether checking this key's secret needs the slow PBKDF2 path (a known key not yet verified in
     * this process): the server then checks it off the event loop.
     */
    boolean needsSlowCheck(String keyId) {
        return keyId != null && keys.containsKey(keyId) && !verified.containsKey(keyId);
    }

    private byte[] fastDigest(String secret) {
        MessageDigest md = sha256.get();
        md.reset();
        md.update(pepper);
        return md.digest(secret.getBytes(StandardCharsets.UTF_8));
    }

    private static void checkKeyId(String keyId) {
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("keyId: expected " + KEY_ID.pattern() + ", was '" + keyId + "'");
        }
    }

    private static byte[] pbkdf2(String secret, byte[] salt, int rounds) {
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, rounds, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private record StoredKey(String keyId, Role role, int iterations, byte[] salt, byte[] hash) {
        String line() {
            Base64.Encoder b64 = Base64.getEncoder();
            return keyId + ":" + role.name().toLowerCase(Locale.ROOT) + ":" + iterations + ":"
                    + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
        }
    }
}
