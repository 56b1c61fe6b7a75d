package io.amcp.security.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.spi.AuditLog.Entry;
import io.amcp.security.internal.EncryptedVault;
import io.amcp.security.internal.JdbcAuditLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.apache.karaf.shell.support.table.ShellTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {

    @TempDir
    Path dir;

    private EncryptedVault vault;
    private JdbcAuditLog audit;

    @BeforeEach
    void open() {
        vault = new EncryptedVault(dir.resolve("vault"), dir.resolve("vault/master.key"), null, 1, null);
        audit = new JdbcAuditLog("jdbc:h2:file:" + dir.resolve("audit").toAbsolutePath(), "amcp", "", Clock.systemUTC());
    }

    @AfterEach
    void close() {
        audit.close();
    }

    @Test
    void credentialChangesAreStoredAndAuditedWithoutTheValue() {
        assertThat(CredentialSetCommand.store(vault, audit, "shell:admin", "alpaca.key-id", "PK-first"))
                .isEqualTo("Stored credential alpaca.key-id (encrypted in the vault)");
        assertThat(CredentialSetCommand.store(vault, audit, "shell:admin", "alpaca.key-id", "PK-second"))
                .isEqualTo("Replaced credential alpaca.key-id (encrypted in the vault)");
        assertThat(vault.secret("alpaca.key-id")).contains("PK-second");
        assertThat(CredentialRemoveCommand.remove(vault, audit, "shell:admin", "alpaca.key-id")).isEqualTo("Removed credential alpaca.key-id");
        assertThat(CredentialRemoveCommand.remove(vault, audit, "shell:admin", "alpaca.key-id"))
                .isEqualTo("No credential alpaca.key-id in the vault");

        List<Entry> entries = audit.recent(10);
        assertThat(entries).extracting(Entry::action).containsExactly("credential.set", "credential.set", "credential.remove");
        assertThat(entries).extracting(Entry::detail).containsExactly("added", "replaced", "");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("shell:admin");
            assertThat(e.subject()).isEqualTo("alpaca.key-id");
            assertThat(e.detail()).doesNotContain("PK-");
        });
    }

    @Test
    void credentialListShowsNamesAndTheirEnvironmentVariablesOnly() {
        vault.store("fred.api-key", "fred-secret");
        vault.store("alpaca.key-id", "PK-secret");
        String rendered = render(CredentialListCommand.table(vault.names()));
        assertThat(cells(rendered)).containsExactly(
                List.of("Name", "Environment fallback"),
                List.of("alpaca.key-id", "ALPACA_KEY_ID"),
                List.of("fred.api-key", "FRED_API_KEY"));
        assertThat(rendered).doesNotContain("secret");
    }

    @Test
    void auditShowsTheNewestEntriesAndVerifies() {
        assertThat(AuditCommand.verify(audit)).isEqualTo("Audit log is empty");
        audit.append("risk:max-position", "order.denied", "c-1", "limit 500");
        Entry second = audit.append("shell:admin", "kill-switch.on", "node-1", "manual");

        List<List<String>> rows = cells(render(AuditCommand.table(audit.recent(1))));
        assertThat(rows.get(0)).containsExactly("Seq", "Time (UTC)", "Actor", "Action", "Subject", "Detail", "Hash");
        assertThat(rows.get(1)).containsExactly("2", second.time().toString(), "shell:admin", "kill-switch.on", "node-1",
                "manual", second.hash().substring(0, 12));
        assertThat(AuditCommand.verify(audit)).isEqualTo("Audit chain intact: entries 1..2, head hash " + second.hash());
    }

    private static String render(ShellTable table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        table.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<List<String>> cells(String rendered) {
        return rendered.lines().filter(line -> !line.matches("[-+]+"))
                .map(line -> Arrays.stream(line.split("\\|", -1)).map(String::trim).toList()).toList();
    }
}
