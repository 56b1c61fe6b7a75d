package io.amcp.ops.internal.daily;

import static io.amcp.ops.internal.daily.TradingDay.AAPL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.portfolio.PositionView;
import io.amcp.ops.BackupService.BackupEntry;
import io.amcp.ops.BackupService;
import io.amcp.ops.internal.backup.BackupManager;
import io.amcp.ops.internal.backup.BackupSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disaster recovery: a real run of the kernel with a durable paper exchange writes its journals,
 * the state is backed up, restored into a fresh directory, and a kernel and exchange rebuilt from
 * the restored journals hold exactly the same orders, positions, cash and venue book.
 */
class BackupRestoreTest {

    static final StrategyId ALPHA = StrategyId.of("alpha");

    @TempDir
    Path tmp;

    record State(List<OrderView> orders, List<PositionView> positions, AccountView account, List<OrderEvent> venue) {
    }

    static State state(TradingDay day) {
        return new State(day.kernel.orders(), day.kernel.positions(), day.kernel.account(), day.exchange.history());
    }

    static BackupManager manager(Path root) {
        return new BackupManager(BackupSource.platform(root.resolve("data"), root.resolve("etc"), root.resolve("store")));
    }

    static State tradeAndStop(Path root) throws IOException {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/io.amcp.core.cfg"), "initialCash = 100000\nclock = system\n");
        Files.writeString(root.resolve("etc/io.amcp.broker.paper.cfg"), "commissionModel = none\n");
        Files.writeString(root.resolve("etc/notes.txt"), "not configuration");
        Files.createDirectories(root.resolve("store"));
        Files.writeString(root.resolve("store/catalog.json"), "{\"datasets\":{}}");
        try (TradingDay day = new TradingDay(root.resolve("data"), LocalDateTime.of(2024, 3, 4, 9, 59))) {
            day.bar(LocalDateTime.of(2024, 3, 4, 10, 0), 179, 180, 178, 179);
            day.kernel.submit(ALPHA, SubmitOrder.market(AAPL, Side.BUY, Quantity.of(10)));
            ClientOrderId resting = day.kernel.submit(ALPHA, SubmitOrder.limit(AAPL, Side.BUY, Quantity.of(2),
                    Price.of("150"))).clientOrderId();
            ClientOrderId canceled = day.kernel.submit(ALPHA, SubmitOrder.limit(AAPL, Side.BUY, Quantity.of(1),
                    Price.of("140"))).clientOrderId();
            day.bar(LocalDateTime.of(2024, 3, 4, 10, 1), 180, 181, 179, 181);
            day.kernel.cancel(canceled);
            day.kernel.submit(ALPHA, SubmitOrder.market(AAPL, Side.SELL, Quantity.of(3)));
            day.bar(LocalDateTime.of(2024, 3, 4, 10, 2), 182, 183, 181, 182);
            State s = state(day);
            assertThat(day.kernel.order(resting).status()).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(day.kernel.order(canceled).status()).isEqualTo(OrderStatus.CANCELED);
            assertThat(s.positions()).hasSize(1);
            assertThat(s.positions().get(0).quantity()).isEqualTo(Quantity.of(7));
            return s;
        }
    }

    @Test
    void aBackupRestoresIntoAFreshInstanceWithIdenticalState() throws Exception {
        Path live = tmp.resolve("live");
        State before = tradeAndStop(live);

        List<BackupEntry> written = manager(live).backup(tmp.resolve("backup"));
        assertThat(written).extracting(BackupEntry::path).containsExactlyInAnyOrder("journal/kernel.journal",
                "paper/exchange.journal", "etc/io.amcp.core.cfg", "etc/io.amcp.broker.paper.cfg", "catalog/catalog.json");
        for (BackupEntry e : written) {
            Path original = switch (e.path().substring(0, e.path().indexOf('/'))) {
                case "journal", "paper" -> live.resolve("data").resolve(e.path());
                case "etc" -> live.resolve(e.path());
                default -> live.resolve("store/catalog.json");
            };
            assertThat(e.sha256()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(original))));
            assertThat(e.size()).isEqualTo(Files.size(original));
        }

        Path fresh = tmp.resolve("fresh");
        manager(fresh).restore(tmp.resolve("backup"));
        assertThat(fresh.resolve("etc/notes.txt")).doesNotExist();
        assertThat(Files.readString(fresh.resolve("etc/io.amcp.core.cfg"))).isEqualTo("initialCash = 100000\nclock = system\n");
        assertThat(Files.readString(fresh.resolve("store/catalog.json"))).isEqualTo("{\"datasets\":{}}");

        try (TradingDay rebuilt = new TradingDay(fresh.resolve("data"), LocalDateTime.of(2024, 3, 4, 9, 59))) {
            State after = state(rebuilt);
            assertThat(after.orders()).isEqualTo(before.orders());
            assertThat(after.positions()).isEqualTo(before.positions());
            assertThat(after.account()).isEqualTo(before.account());
            assertThat(after.venue()).isEqualTo(before.venue());
            // cash by hand: 100000 - 10 x 180 + 3 x 182 = 98746
            assertThat(after.account().cash().toString()).isEqualTo("98746");
        }
    }

    @Test
    void theManifestIsReadBySha256sum() throws Exception {
        tradeAndStop(tmp.resolve("live"));
        Path backup = tmp.resolve("backup");
        manager(tmp.resolve("live")).backup(backup);
        assumeTrue(Stream.of("/usr/bin/sha256sum", "/bin/sha256sum").anyMatch(p -> Files.isExecutable(Path.of(p))),
                "coreutils sha256sum not installed");
        Process p = new ProcessBuilder("sha256sum", "--check", "--strict", BackupService.MANIFEST)
                .directory(backup.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("journal/kernel.journal: OK").contains("paper/exchange.journal: OK");
    }

    @Test
    void aCorruptOrIncompleteBackupIsRefusedNamingTheFileAndNothingIsWritten() throws Exception {
        tradeAndStop(tmp.resolve("live"));
        Path backup = tmp.resolve("backup");
        manager(tmp.resolve("live")).backup(backup);
        Path journal = backup.resolve("paper/exchange.journal");
        byte[] bytes = Files.readAllBytes(journal);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(journal, bytes);

        Path fresh = tmp.resolve("fresh");
        assertThatThrownBy(() -> manager(fresh).restore(backup))
                .isInstanceOfSatisfying(BackupService.CorruptBackupException.class,
                        e -> assertThat(e.file()).isEqualTo("paper/exchange.journal"))
                .hasMessageContaining("checksum mismatch");
        assertThat(fresh).doesNotExist();

        bytes[bytes.length / 2] ^= 0x01;
        Files.write(journal, bytes);
        Files.delete(backup.resolve("etc/io.amcp.core.cfg"));
        assertThatThrownBy(() -> manager(fresh).restore(backup))
                .isInstanceOfSatisfying(BackupService.CorruptBackupException.class,
                        e -> assertThat(e.file()).isEqualTo("etc/io.amcp.core.cfg"))
                .hasMessageContaining("missing");
        assertThat(fresh).doesNotExist();

        assertThatThrownBy(() -> manager(tmp.resolve("live")).backup(backup))
                .hasMessageContaining("must be new or empty");
    }
}
