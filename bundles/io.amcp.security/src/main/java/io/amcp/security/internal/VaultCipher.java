package io.amcp.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a 96-bit random IV per sealed value and a 128-bit tag, and PBKDF2-HMAC-SHA256
 * key derivation. The associated data binds a sealed value to its place in the vault (its name),
 * so moving a ciphertext to another name fails authentication.
 */
final class VaultCipher {

    static final int KEY_BYTES = 32;
    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private VaultCipher() {
    }

    /** A fresh random AES-256 key. */
    static SecretKey randomKey() {
        return key(randomBytes(KEY_BYTES));
    }

    static SecretKey key(byte[] raw) {
        if (raw.length != KEY_BYTES) {
            throw new IllegalArgumentException("master key: expected " + KEY_BYTES + " bytes, was " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }

    static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** An AES-256 key derived from a passphrase with PBKDF2-HMAC-SHA256. */
    static SecretKey derive(char[] passphrase, byte[] salt, int iterations) {
        return key(pbkdf2(passphrase, salt, iterations, KEY_BYTES));
    }

    static byte[] pbkdf2(char[] passphrase, byte[] salt, int iterations, int length) {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, length * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("passphrase: cannot derive a key: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Encrypts with a fresh random IV; returns the IV and the ciphertext with its tag appended. */
    static Sealed seal(SecretKey key, String associatedData, byte[] plaintext) {
        byte[] iv = randomBytes(IV_BYTES);
        return new Sealed(iv, seal(key, iv, associatedData, plaintext));
    }

    static byte[] seal(SecretKey key, byte[] iv, String associatedData, byte[] plaintext) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM encryption failed: " + e.getMessage(), e);
        }
    }

    /**
     * Decrypts and checks the tag.
     *
     * @throws AEADBadTagException when the key is wrong or the IV, ciphertext or associated data changed
     */
    static byte[] open(SecretKey key, Sealed sealed, String associatedData) throws AEADBadTagException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.iv()));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM decryption failed: " + e.getMessage(), e);
        }
    }

    /**
     * One encrypted value.
     *
     * @param iv         the 12-byte IV
     * @param ciphertext ciphertext followed by the 16-byte tag
     */
    record Sealed(byte[] iv, byte[] ciphertext) {
    }
}
