package io.amcp.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.spi.AuditLog.Entry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every database behind {@link JdbcAuditLog} must do; run on embedded H2 and on a real PostgreSQL. */
abstract class AuditLogContract {

    static final String GENESIS = "0".repeat(64);
    /** Both times below: 2026-03-02T14:30:00.123456789Z, kept to the microsecond. */
    static final Clock FIXED = Clock.fixed(Instant.parse("2026-03-02T14:30:00.123456789Z"), ZoneOffset.UTC);

    private final List<JdbcAuditLog> opened = new ArrayList<>();

    /** The JDBC URL of an empty database for one test. */
    abstract String url();

    abstract String user();

    abstract String password();

    /** A plain connection to the same database, as a database administrator would use. */
    abstract Connection adminConnection() throws SQLException;

    JdbcAuditLog open(Clock clock) {
        JdbcAuditLog log = new JdbcAuditLog(url(), user(), password(), clock);
        opened.add(log);
        return log;
    }

    @AfterEach
    void closeLogs() {
        opened.forEach(JdbcAuditLog::close);
    }

    /**
     * The hashes are SHA-256 of the documented text, computed with coreutils: {@code printf '%s'
     * '1|2026-03-02T14:30:00.123456Z|shell:admin|kill-switch.on|node-1|engaged from the shell|000...0' | sha256sum},
     * and for the second entry the detail {@code qty 500 | limit 100 \ path} written as {@code qty 500 \| limit 100 \\ path}.
     */
    @Test
    void entriesAreChainedWithTheDocumentedHash() {
        JdbcAuditLog log = open(FIXED);
        Entry first = log.append("shell:admin", "kill-switch.on", "node-1", "engaged from the shell");
        Entry second = log.append("risk:max-position", "order.denied", "c-1", "qty 500 | limit 100 \\ path");

        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.time()).isEqualTo(Instant.parse("2026-03-02T14:30:00.123456Z"));
        assertThat(first.previousHash()).isEqualTo(GENESIS);
        assertThat(first.hash()).isEqualTo("d2a3bf68989448bfa0c0ffcb22199edaf4d8ac1b885d18d3b659732b5f62a6f9");
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(second.hash()).isEqualTo("e02a24629267cd1db2228e21527ff155e7124a29aedd9db965892883e43caadc");
        assertThat(log.recent(10)).containsExactly(first, second);
        assertThat(log.verify()).isEqualTo(-1);
    }

    @Test
    void recentReturnsTheNewestLast() {
        JdbcAuditLog log = open(Clock.systemUTC());
        for (int i = 1; i <= 5; i++) {
            log.append("shell:admin", "test.action", "s" + i, null);
        }
        assertThat(log.recent(2)).extracting(Entry::subject).containsExactly("s4", "s5");
        assertThat(log.recent(2).get(0).detail()).isEmpty();
        assertThatThrownBy(() -> log.recent(0)).hasMessageStartingWith("limit:");
        assertThatThrownBy(() -> log.append(" ", "a", "s", "d")).hasMessageStartingWith("actor:");
        assertThatThrownBy(() -> log.append("a", null, "s", "d")).hasMessageStartingWith("action:");
    }

    @Test
    void anEditedRowIsFound() throws Exception {
        JdbcAuditLog log = threeEntries();
        execute("UPDATE amcp_audit SET detail = 'limit 1000000' WHERE seq = 2");
        assertThat(log.verify()).isEqualTo(2);
    }

    /** An editor who also rewrites the edited row's hash is caught by the next row's link. */
    @Test
    void anEditedRowWithARecomputedHashIsFoundAtTheNextRow() throws Exception {
        JdbcAuditLog log = threeEntries();
        Entry second = log.recent(3).get(1);
        String forged = AuditHash.of(2, second.time(), second.actor(), second.action(), second.subject(), "limit 1000000",
                second.previousHash());
        execute("UPDATE amcp_audit SET detail = 'limit 1000000', hash = '" + forged + "' WHERE seq = 2");
        assertThat(log.verify()).isEqualTo(3);
    }

    @Test
    void aDeletedRowIsFound() throws Exception {
        JdbcAuditLog log = threeEntries();
        execute("DELETE FROM amcp_audit WHERE seq = 2");
        assertThat(log.verify()).isEqualTo(2);
        execute("DELETE FROM amcp_audit WHERE seq = 1");
        assertThat(open(Clock.systemUTC()).verify()).isEqualTo(1);
    }

    @Test
    void deletingTheNewestRowsIsFoundByTheWriter() throws Exception {
        JdbcAuditLog log = threeEntries();
        execute("DELETE FROM amcp_audit WHERE seq = 3");
        assertThat(log.verify()).isEqualTo(3);
    }

    @Test
    void aRestartContinuesTheChain() {
        JdbcAuditLog before = threeEntries();
        Entry third = before.recent(1).get(0);
        before.close();

        JdbcAuditLog after = open(Clock.systemUTC());
        Entry fourth = after.append("shell:admin", "kill-switch.off", "node-1", "released");
        assertThat(fourth.sequence()).isEqualTo(4);
        assertThat(fourth.previousHash()).isEqualTo(third.hash());
        assertThat(after.verify()).isEqualTo(-1);
    }

    @Test
    void concurrentAppendsKeepOneValidChain() throws Exception {
        JdbcAuditLog log = open(Clock.systemUTC());
        appendConcurrently(List.of(log, log, log, log), 25);
        assertThat(log.recent(1000)).extracting(Entry::sequence).containsExactlyElementsOf(LongStream.rangeClosed(1, 100).boxed().toList());
        assertThat(log.verify()).isEqualTo(-1);
    }

    JdbcAuditLog threeEntries() {
        JdbcAuditLog log = open(Clock.systemUTC());
        log.append("risk:max-position", "order.denied", "c-1", "limit 100");
        log.append("risk:max-position", "order.denied", "c-2", "limit 100");
        log.append("shell:admin", "kill-switch.on", "node-1", "manual");
        assertThat(log.verify()).isEqualTo(-1);
        return log;
    }

    /** Each writer appends {@code perWriter} entries on its own thread. */
    static void appendConcurrently(List<JdbcAuditLog> writers, int perWriter) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers.size());
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int w = 0; w < writers.size(); w++) {
                JdbcAuditLog writer = writers.get(w);
                String actor = "writer-" + w;
                tasks.add(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        writer.append(actor, "test.append", "n" + i, null);
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(tasks)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection c = adminConnection(); Statement statement = c.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
