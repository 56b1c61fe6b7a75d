package io.amcp.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The audit chain's hash: lower-case hex SHA-256 of the UTF-8 text
 * {@code sequence|time|actor|action|subject|detail|previousHash}, where {@code sequence} is decimal,
 * {@code time} is ISO-8601 UTC as {@link Instant#toString()} prints it (microsecond precision, the
 * precision the database keeps), and in the four text fields every {@code \} is written {@code \\}
 * and every {@code |} is written {@code \|}, so no two entries share a text. Anyone can re-check
 * the chain from a database dump with this rule alone.
 */
final class AuditHash {

    /** The previous hash of the first entry. */
    static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    static String of(long sequence, Instant time, String actor, String action, String subject, String detail,
            String previousHash) {
        String text = sequence + "|" + time + "|" + escape(actor) + "|" + escape(action) + "|" + escape(subject) + "|"
                + escape(detail) + "|" + previousHash;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** The time as it is stored and hashed: truncated to microseconds. */
    static Instant truncate(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    static long toMicros(Instant time) {
        return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1_000);
    }

    static Instant fromMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    private static String escape(String field) {
        return field.replace("\\", "\\\\").replace("|", "\\|");
    }
}
