package io.amcp.security.internal;

import io.amcp.api.spi.AuditLog;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log in one SQL table, {@code amcp_audit}, on embedded H2 or PostgreSQL. Rows are only
 * ever inserted; each carries the {@link AuditHash} of its fields and of the row before, so
 * {@link #verify()} finds an edited row (its hash, or the next row's link, no longer matches) and a
 * deleted row (a gap in the sequence). Appends read the newest row and insert the next one in one
 * transaction. On PostgreSQL that transaction first takes a table lock that excludes other
 * appenders (not readers), so several nodes can share one audit table and the chain stays linear;
 * embedded H2 has a single writing process. The sequence is the primary key, so a chain can never
 * fork even if a writer bypasses the lock: its insert fails instead. A restart continues the chain
 * from the newest row.
 *
 * <p>Retention: entries are never purged; there is deliberately no delete path in this class.
 * Removing old entries breaks verification from the first one kept, so an operator who must
 * purge archives the table first and records the head hash. On PostgreSQL, grant the platform's
 * database user INSERT and SELECT only on {@code amcp_audit}, so even the platform cannot rewrite
 * history; the hash chain then shows what a database administrator changed. Deleting the newest
 * rows is seen by this instance (it remembers the head it wrote) but not after a restart: publish
 * the head hash (for example in the end-of-day report) to anchor it.
 *
 * <p>Thread-safe: one connection, used under this object's lock.
 */
public final class JdbcAuditLog implements AuditLog, AutoCloseable {

    static final String TABLE = "amcp_audit";
    private static final Logger LOG = LoggerFactory.getLogger(JdbcAuditLog.class);

    private final String jdbcUrl;
    /** The URL as shown in messages: any password parameter masked. */
    private final String shownUrl;
    private final boolean postgres;
    private final Properties credentials = new Properties();
    private final Clock clock;
    private Connection connection;
    /** The newest sequence this instance has appended or seen; a chain ending before it was truncated. */
    private long knownHead;

    /**
     * Connects, creates the table when missing and finds the head of the chain.
     *
     * @param jdbcUrl  {@code jdbc:h2:...} or {@code jdbc:postgresql:...}
     * @param user     database user
     * @param password database password, empty for none
     * @param clock    the wall clock entries are stamped with
     * @throws IllegalArgumentException naming {@code jdbcUrl} when it names another database
     * @throws IllegalStateException    when the database cannot be reached
     */
    public JdbcAuditLog(String jdbcUrl, String user, String password, Clock clock) {
        this.jdbcUrl = jdbcUrl;
        this.shownUrl = jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
        this.clock = clock;
        this.postgres = jdbcUrl.startsWith("jdbc:postgresql:");
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        driver();
        synchronized (this) {
            try {
                try (Statement statement = connection().createStatement()) {
                    statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (seq BIGINT PRIMARY KEY, time_micros BIGINT NOT NULL, "
                            + "actor VARCHAR NOT NULL, action VARCHAR NOT NULL, subject VARCHAR NOT NULL, detail VARCHAR NOT NULL, "
                            + "previous_hash CHAR(64) NOT NULL, hash CHAR(64) NOT NULL)");
                }
                knownHead = head(connection()).sequence();
            } catch (SQLException e) {
                throw failure("cannot open", e);
            }
        }
    }

    @Override
    public synchronized Entry append(String actor, String action, String subject, String detail) {
        requireText("actor", actor);
        requireText("action", action);
        String subjectText = subject == null ? "" : subject;
        String detailText = detail == null ? "" : detail;
        try {
            Connection c = connection();
            c.setAutoCommit(false);
            try {
                if (postgres) {
                    try (Statement lock = c.createStatement()) {
                        lock.execute("LOCK TABLE " + TABLE + " IN SHARE ROW EXCLUSIVE MODE");
                    }
                }
                Head head = head(c);
                long sequence = head.sequence() + 1;
                Instant time = AuditHash.truncate(clock.instant());
                Entry entry = new Entry(sequence, time, actor, action, subjectText, detailText, head.hash(),
                        AuditHash.of(sequence, time, actor, action, subjectText, detailText, head.hash()));
                insert(c, entry);
                c.commit();
                knownHead = sequence;
                return entry;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            dropConnection();
            throw failure("cannot append " + action, e);
        }
    }

    @Override
    public synchronized List<Entry> recent(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit: must be at least 1, was " + limit);
        }
        try (PreparedStatement query = connection().prepareStatement(
                "SELECT seq, time_micros, actor, action, subject, detail, previous_hash, hash FROM " + TABLE
                        + " ORDER BY seq DESC LIMIT ?")) {
            query.setInt(1, limit);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows));
                }
            }
            Collections.reverse(entries);
            return entries;
        } catch (SQLException e) {
            dropConnection();
            throw failure("cannot read", e);
        }
    }

    @Override
    public synchronized long verify() {
        try {
            Connection c = connection();
            c.setAutoCommit(false);
            try (Statement statement = c.createStatement()) {
                statement.setFetchSize(1_000);
                long expected = 1;
                String previousHash = AuditHash.GENESIS;
                try (ResultSet rows = statement.executeQuery("SELECT seq, time_micros, actor, action, subject, detail, "
                        + "previous_hash, hash FROM " + TABLE + " ORDER BY seq")) {
                    while (rows.next()) {
                        Entry entry = entry(rows);
                        if (entry.sequence() != expected) {
                            return expected;
                        }
                        String recomputed = AuditHash.of(entry.sequence(), entry.time(), entry.actor(), entry.action(),
                                entry.subject(), entry.detail(), entry.previousHash());
                        if (!entry.previousHash().equals(previousHash) || !entry.hash().equals(recomputed)) {
                            return entry.sequence();
                        }
                        previousHash = entry.hash();
                        expected++;
                    }
                }
                knownHead = Math.max(knownHead, expected - 1);
                return expected - 1 < knownHead ? expected : -1;
            } finally {
                c.commit();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            dropConnection();
            throw failure("cannot verify", e);
        }
    }

    @Override
    public synchronized void close() {
        dropConnection();
    }

    @Override
    public String toString() {
        return "JdbcAuditLog[" + shownUrl + "]";
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = driver().connect(jdbcUrl, credentials);
            if (connection == null) {
                throw new SQLException("the driver does not accept " + shownUrl);
            }
        }
        return connection;
    }

    private void dropConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing the audit connection failed: {}", e.toString());
            }
            connection = null;
        }
    }

    /** The driver instance for the URL, not through {@code DriverManager}, which cannot see other bundles' drivers. */
    private Driver driver() {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return new org.h2.Driver();
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            try {
                return new org.postgresql.Driver();
            } catch (NoClassDefFoundError e) {
                throw new IllegalStateException("jdbcUrl: " + shownUrl + " needs the PostgreSQL JDBC driver bundle "
                        + "(mvn:org.postgresql/postgresql), which is not installed", e);
            }
        }
        throw new IllegalArgumentException("jdbcUrl: expected jdbc:h2:... or jdbc:postgresql:..., was '" + shownUrl + "'");
    }

    private static Head head(Connection c) throws SQLException {
        try (Statement statement = c.createStatement();
             ResultSet rows = statement.executeQuery("SELECT seq, hash FROM " + TABLE + " ORDER BY seq DESC LIMIT 1")) {
            return rows.next() ? new Head(rows.getLong(1), rows.getString(2)) : new Head(0, AuditHash.GENESIS);
        }
    }

    private static void insert(Connection c, Entry entry) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE
                + " (seq, time_micros, actor, action, subject, detail, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, entry.sequence());
            insert.setLong(2, AuditHash.toMicros(entry.time()));
            insert.setString(3, entry.actor());
            insert.setString(4, entry.action());
            insert.setString(5, entry.subject());
            insert.setString(6, entry.detail());
            insert.setString(7, entry.previousHash());
            insert.setString(8, entry.hash());
            insert.executeUpdate();
        }
    }

    private static Entry entry(ResultSet rows) throws SQLException {
        return new Entry(rows.getLong(1), AuditHash.fromMicros(rows.getLong(2)), rows.getString(3), rows.getString(4),
                rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8));
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be blank");
        }
    }

    private IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("audit log " + shownUrl + ": " + what + ": " + e.getMessage(), e);
    }

    private record Head(long sequence, String hash) {
    }
}
