package io.amcp.security.internal;

import io.amcp.api.spi.AuditLog;
import io.amcp.api.spi.CredentialStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The platform's {@link AuditLog}: a {@link JdbcAuditLog} on embedded H2 under
 * {@code ${karaf.data}/amcp/audit} unless a PostgreSQL URL is configured; the database password
 * comes from the {@link CredentialStore}. The log is never purged (see {@link JdbcAuditLog}).
 */
@Component(service = AuditLog.class, configurationPid = "io.amcp.security.audit")
@Designate(ocd = AuditConfig.class)
public final class AuditLogComponent implements AuditLog {

    private final JdbcAuditLog log;

    @Activate
    public AuditLogComponent(@Reference CredentialStore credentials, AuditConfig config) {
        String url = config.jdbcUrl().isBlank() ? defaultUrl() : config.jdbcUrl().trim();
        String password = config.passwordCredential().isBlank() ? "" : credentials.secret(config.passwordCredential().trim()).orElse("");
        this.log = new JdbcAuditLog(url, config.user(), password, Clock.systemUTC());
    }

    /** Embedded H2 in the data directory; the component closes it, not a JVM shutdown hook. */
    static String defaultUrl() {
        Path file = Path.of(System.getProperty("karaf.data", "data"), "amcp", "audit", "audit").toAbsolutePath();
        return "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    @Deactivate
    void deactivate() {
        log.close();
    }

    @Override
    public Entry append(String actor, String action, String subject, String detail) {
        return log.append(actor, action, subject, detail);
    }

    @Override
    public List<Entry> recent(int limit) {
        return log.recent(limit);
    }

    @Override
    public long verify() {
        return log.verify();
    }

    @Override
    public String toString() {
        return log.toString();
    }
}
