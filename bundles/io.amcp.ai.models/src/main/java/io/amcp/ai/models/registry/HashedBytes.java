package io.amcp.ai.models.registry;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Bytes with their hex SHA-256, computed once: from the array, or while the bytes are read from a
 * stream (a download), so they are never hashed a second time to be checked.
 */
record HashedBytes(byte[] bytes, String sha256) {

    static HashedBytes of(byte[] bytes) {
        return new HashedBytes(bytes, HexFormat.of().formatHex(sha256Digest().digest(bytes)));
    }

    /** Reads the stream to its end, hashing as it goes. */
    static HashedBytes read(InputStream in) throws IOException {
        MessageDigest digest = sha256Digest();
        byte[] bytes = new DigestInputStream(in, digest).readAllBytes();
        return new HashedBytes(bytes, HexFormat.of().formatHex(digest.digest()));
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
