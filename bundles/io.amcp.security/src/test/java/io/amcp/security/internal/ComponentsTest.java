package io.amcp.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.spi.AuditLog.Entry;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DS components with their default configuration, under a temporary {@code karaf.data}. */
class ComponentsTest {

    @TempDir
    Path data;

    private String previousKarafData;

    @BeforeEach
    void useTemporaryDataDirectory() {
        previousKarafData = System.setProperty("karaf.data", data.toString());
    }

    @AfterEach
    void restoreDataDirectory() {
        if (previousKarafData == null) {
            System.clearProperty("karaf.data");
        } else {
            System.setProperty("karaf.data", previousKarafData);
        }
    }

    @Test
    void vaultDefaultsToTheDataDirectoryWithAKeyFileAndTheEnvironment() {
        CredentialVaultComponent vault = new CredentialVaultComponent(vaultConfig(""));
        vault.store("fred.api-key", "fred-secret");
        assertThat(data.resolve("amcp/vault/vault.dat")).exists();
        assertThat(data.resolve("amcp/vault/master.key")).exists();
        assertThat(new CredentialVaultComponent(vaultConfig("")).secret("fred.api-key")).contains("fred-secret");
        assertThat(vault.secret("path")).contains(System.getenv("PATH"));
        assertThat(vault.toString()).doesNotContain("fred-secret");
        assertThatThrownBy(() -> vault.require("nowhere.key"))
                .hasMessageContaining("amcp:credential-set nowhere.key").hasMessageContaining("NOWHERE_KEY");
    }

    /** The database password comes from the credential store: the H2 database is created with it. */
    @Test
    void auditLogDefaultsToH2InTheDataDirectoryWithThePasswordFromTheVault() throws SQLException {
        CredentialVaultComponent vault = new CredentialVaultComponent(vaultConfig(""));
        vault.store("audit.jdbc-password", "h2-audit-pw");
        AuditLogComponent audit = new AuditLogComponent(vault, auditConfig(""));
        Entry entry = audit.append("shell:admin", "kill-switch.on", "node-1", "manual");
        audit.deactivate();

        assertThat(entry.sequence()).isEqualTo(1);
        assertThat(Files.exists(data.resolve("amcp/audit/audit.mv.db"))).isTrue();
        String url = AuditLogComponent.defaultUrl();
        assertThatThrownBy(() -> DriverManager.getConnection(url, "amcp", "wrong").close()).isInstanceOf(SQLException.class);
        DriverManager.getConnection(url, "amcp", "h2-audit-pw").close();

        AuditLogComponent reopened = new AuditLogComponent(vault, auditConfig(""));
        assertThat(reopened.recent(5)).containsExactly(entry);
        assertThat(reopened.verify()).isEqualTo(-1);
        reopened.deactivate();
    }

    @Test
    void anUnknownDatabaseNamesTheProperty() {
        CredentialVaultComponent vault = new CredentialVaultComponent(vaultConfig(""));
        assertThatThrownBy(() -> new AuditLogComponent(vault, auditConfig("jdbc:mysql://127.0.0.1/audit")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("jdbcUrl:");
    }

    @Test
    void passwordsInTheUrlAreMaskedInMessages() {
        assertThatThrownBy(() -> new JdbcAuditLog("jdbc:postgresql://127.0.0.1:1/audit?user=amcp&password=topsecret", "amcp",
                "", java.time.Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("password=***")
                .hasMessageNotContaining("topsecret");
    }

    private static VaultConfig vaultConfig(String directory) {
        return new VaultConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return VaultConfig.class;
            }

            @Override
            public String directory() {
                return directory;
            }

            @Override
            public String masterKeyFile() {
                return "";
            }

            @Override
            public String passphraseVariable() {
                return "";
            }

            @Override
            public int pbkdf2Iterations() {
                return 1;
            }

            @Override
            public boolean environmentFallback() {
                return true;
            }
        };
    }

    private static AuditConfig auditConfig(String jdbcUrl) {
        return new AuditConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return AuditConfig.class;
            }

            @Override
            public String jdbcUrl() {
                return jdbcUrl;
            }

            @Override
            public String user() {
                return "amcp";
            }

            @Override
            public String passwordCredential() {
                return "audit.jdbc-password";
            }
        };
    }
}
