package io.amcp.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the audit log, PID {@code io.amcp.security.audit}. Entries are never purged. */
@ObjectClassDefinition(name = "AMCP audit log",
        description = "Append-only, hash-chained record of risk blocks, kill-switch changes, API orders and admin actions")
public @interface AuditConfig {

    @AttributeDefinition(description = "JDBC URL: jdbc:h2:... (embedded) or jdbc:postgresql://host:port/db; empty means "
            + "an embedded H2 database under ${karaf.data}/amcp/audit")
    String jdbcUrl() default "";

    @AttributeDefinition(description = "Database user")
    String user() default "amcp";

    @AttributeDefinition(description = "Name of the credential (vault or environment) holding the database password; "
            + "no password when it is not set")
    String passwordCredential() default "audit.jdbc-password";
}
