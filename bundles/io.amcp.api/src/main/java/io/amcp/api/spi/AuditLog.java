package io.amcp.api.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Append-only, tamper-evident record of who did what: risk blocks with the rule and limit, kill
 * switch changes, orders placed through the API or by AI agents, configuration and credential
 * changes, logins. Each entry carries the hash of the one before, so editing or removing an entry
 * breaks {@link #verify()}.
 */
public interface AuditLog {

    /** Appends an entry and returns it with its sequence number and hash. Thread-safe. */
    Entry append(String actor, String action, String subject, String detail);

    /** The newest entries, newest last, at most {@code limit}. */
    List<Entry> recent(int limit);

    /**
     * Re-hashes the whole chain.
     *
     * @return the sequence number of the first entry that does not match, or -1 when all do
     */
    long verify();

    /**
     * One audit entry.
     *
     * @param sequence     1-based position in the chain
     * @param time         when it was appended (wall clock of the node)
     * @param actor        who: an API key id, {@code risk:<rule>}, {@code mcp:<client>}, {@code shell:<user>}
     * @param action       what, e.g. {@code order.denied}, {@code kill-switch.on}
     * @param subject      what it applies to, e.g. a client order id or a rule pid
     * @param detail       human-readable detail (reason, limit, values)
     * @param previousHash hex SHA-256 of the previous entry, 64 zeros for the first
     * @param hash         hex SHA-256 over this entry's fields and {@code previousHash}
     */
    record Entry(long sequence, Instant time, String actor, String action, String subject, String detail,
                 String previousHash, String hash) {

        public Entry {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(action, "action");
            subject = subject == null ? "" : subject;
            detail = detail == null ? "" : detail;
            Objects.requireNonNull(previousHash, "previousHash");
            Objects.requireNonNull(hash, "hash");
        }
    }
}
