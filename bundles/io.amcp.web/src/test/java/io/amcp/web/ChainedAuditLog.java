package io.amcp.web;

import io.amcp.api.spi.AuditLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * An in-memory {@link AuditLog} with the SPI's hash chain (SHA-256 over the fields and the previous
 * hash), standing in for the platform's persistent one, which lives in another bundle.
 */
final class ChainedAuditLog implements AuditLog {

    private final List<Entry> entries = new ArrayList<>();

    @Override
    public synchronized Entry append(String actor, String action, String subject, String detail) {
        String previous = entries.isEmpty() ? "0".repeat(64) : entries.get(entries.size() - 1).hash();
        long sequence = entries.size() + 1L;
        Instant time = Instant.now();
        Entry e = new Entry(sequence, time, actor, action, subject, detail, previous,
                hash(sequence, time, actor, action, subject, detail, previous));
        entries.add(e);
        return e;
    }

    @Override
    public synchronized List<Entry> recent(int limit) {
        return List.copyOf(entries.subList(Math.max(0, entries.size() - limit), entries.size()));
    }

    @Override
    public synchronized long verify() {
        String previous = "0".repeat(64);
        for (Entry e : entries) {
            if (!e.previousHash().equals(previous) || !e.hash().equals(hash(e.sequence(), e.time(), e.actor(), e.action(),
                    e.subject(), e.detail(), previous))) {
                return e.sequence();
            }
            previous = e.hash();
        }
        return -1;
    }

    private static String hash(long sequence, Instant time, String actor, String action, String subject, String detail,
            String previous) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String text = sequence + "|" + time + "|" + actor + "|" + action + "|" + subject + "|" + detail + "|" + previous;
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
