package io.amcp.security.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

/** The audit log on an embedded H2 file database, the default. */
class H2AuditLogTest extends AuditLogContract {

    @TempDir
    Path dir;

    @Override
    String url() {
        return "jdbc:h2:file:" + dir.resolve("audit").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    @Override
    String user() {
        return "amcp";
    }

    @Override
    String password() {
        return "";
    }

    @Override
    Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
    }
}
