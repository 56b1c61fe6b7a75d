package io.amcp.ops.internal.daily;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.spi.CredentialStore;
import io.amcp.ops.BackupService;
import io.amcp.ops.BackupService.BackupEntry;
import io.amcp.ops.internal.backup.BucketLocation;
import io.amcp.ops.internal.backup.ObjectStoreBackups;
import io.amcp.ops.internal.daily.BackupRestoreTest.State;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups through a real S3 server: s3proxy 4.1.0 on a filesystem blob store, bound to 127.0.0.1 on a
 * free port, checking AWS Signature V4 with a key and secret of its own. A real trading run is backed
 * up to the bucket and restored into a fresh instance that rebuilds the same kernel and venue state.
 */
@Timeout(120)
class ObjectStoreBackupTest {

    private static final String KEY = "AKIAAMCPBACKUP";
    private static final String SECRET = "amcp-backup-secret-0123456789";

    @TempDir
    static Path dir;
    static S3Proxy server;
    static String endpoint;

    @BeforeAll
    static void startServer() throws Exception {
        Path blobs = Files.createDirectories(dir.resolve("blobs"));
        server = S3Proxy.builder().blobStore(new FilesystemNio2BlobStore(blobs.toString()))
                .endpoint(URI.create("http://127.0.0.1:0")).awsAuthentication(AuthenticationType.AWS_V4, KEY, SECRET)
                .build();
        server.start();
        while (!"STARTED".equals(server.getState())) {
            Thread.onSpinWait();
        }
        endpoint = "http://127.0.0.1:" + server.getPort();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.stop();
    }

    private static CredentialStore credentials(String key, String secret) {
        Map<String, String> secrets = Map.of("minio.access-key", key, "minio.secret-key", secret);
        return name -> Optional.ofNullable(secrets.get(name));
    }

    private static MinioClient rawClient() {
        return MinioClient.builder().endpoint(endpoint).region("us-east-1").credentials(KEY, SECRET).build();
    }

    private static BucketLocation location() {
        return BucketLocation.of(endpoint, "us-east-1", "amcp-backups", "node-1");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aBucketBackupRestoresIntoAFreshInstanceWithIdenticalState() throws Exception {
        Path live = dir.resolve("dr/live");
        State before = BackupRestoreTest.tradeAndStop(live);
        ObjectStoreBackups store = ObjectStoreBackups.connect(location(), credentials(KEY, SECRET),
                BackupRestoreTest.manager(live), dir.resolve("dr/staging-live"));

        List<BackupEntry> pushed = store.backup("amcp-2024-03-04");
        assertThat(pushed).extracting(BackupEntry::path).containsExactlyInAnyOrder("journal/kernel.journal",
                "paper/exchange.journal", "etc/io.amcp.core.cfg", "etc/io.amcp.broker.paper.cfg", "catalog/catalog.json");
        assertThat(store.list()).containsExactly("amcp-2024-03-04");
        assertThatThrownBy(() -> store.backup("amcp-2024-03-04")).hasMessageStartingWith("name: a backup 'amcp-2024-03-04' already exists");
        assertThat(dir.resolve("dr/staging-live")).isEmptyDirectory();

        // the bucket holds the journal's exact bytes and a sha256sum manifest naming their digest
        byte[] journal = Files.readAllBytes(live.resolve("data/journal/kernel.journal"));
        try (InputStream in = rawClient().getObject(GetObjectArgs.builder().bucket("amcp-backups")
                .object("node-1/amcp-2024-03-04/journal/kernel.journal").build())) {
            assertThat(in.readAllBytes()).isEqualTo(journal);
        }
        try (InputStream in = rawClient().getObject(GetObjectArgs.builder().bucket("amcp-backups")
                .object("node-1/amcp-2024-03-04/" + BackupService.MANIFEST).build())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .contains(sha256(journal) + "  journal/kernel.journal\n");
        }

        Path fresh = dir.resolve("dr/fresh");
        ObjectStoreBackups freshStore = ObjectStoreBackups.connect(location(), credentials(KEY, SECRET),
                BackupRestoreTest.manager(fresh), dir.resolve("dr/staging-fresh"));
        assertThat(freshStore.restore("amcp-2024-03-04")).hasSize(5);
        try (TradingDay rebuilt = new TradingDay(fresh.resolve("data"), LocalDateTime.of(2024, 3, 4, 9, 59))) {
            State after = BackupRestoreTest.state(rebuilt);
            assertThat(after.orders()).isEqualTo(before.orders());
            assertThat(after.positions()).isEqualTo(before.positions());
            assertThat(after.account()).isEqualTo(before.account());
            assertThat(after.venue()).isEqualTo(before.venue());
            // cash by hand: 100000 - 10 x 180 + 3 x 182 = 98746
            assertThat(after.account().cash().toString()).isEqualTo("98746");
        }
    }

    @Test
    void wrongCredentialsAreRefusedAndMissingOnesNamed() throws Exception {
        Path live = dir.resolve("creds/live");
        BackupRestoreTest.tradeAndStop(live);
        assertThatThrownBy(() -> ObjectStoreBackups.connect(location(), credentials(KEY, "not-the-secret"),
                BackupRestoreTest.manager(live), dir.resolve("creds/staging")))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("refused the credentials minio.access-key/minio.secret-key")
                .hasMessageNotContaining("not-the-secret");
        assertThatThrownBy(() -> ObjectStoreBackups.connect(location(), name -> Optional.empty(),
                BackupRestoreTest.manager(live), dir.resolve("creds/staging")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("minio.access-key");
    }

    @Test
    void aCorruptedObjectIsDetectedByItsChecksumAndNothingIsRestored() throws Exception {
        Path live = dir.resolve("corrupt/live");
        BackupRestoreTest.tradeAndStop(live);
        ObjectStoreBackups store = ObjectStoreBackups.connect(location(), credentials(KEY, SECRET),
                BackupRestoreTest.manager(live), dir.resolve("corrupt/staging-live"));
        store.backup("damaged");

        // one bit flipped in the stored paper exchange journal, as bit rot or a bad copy would do
        String key = "node-1/damaged/paper/exchange.journal";
        byte[] bytes;
        try (InputStream in = rawClient().getObject(GetObjectArgs.builder().bucket("amcp-backups").object(key).build())) {
            bytes = in.readAllBytes();
        }
        bytes[bytes.length / 2] ^= 0x01;
        rawClient().putObject(PutObjectArgs.builder().bucket("amcp-backups").object(key)
                .stream(new ByteArrayInputStream(bytes), bytes.length, -1).build());

        Path fresh = dir.resolve("corrupt/fresh");
        ObjectStoreBackups freshStore = ObjectStoreBackups.connect(location(), credentials(KEY, SECRET),
                BackupRestoreTest.manager(fresh), dir.resolve("corrupt/staging-fresh"));
        assertThatThrownBy(() -> freshStore.restore("damaged"))
                .isInstanceOfSatisfying(BackupService.CorruptBackupException.class,
                        e -> assertThat(e.file()).isEqualTo("paper/exchange.journal"))
                .hasMessageContaining("checksum mismatch");
        assertThat(fresh).doesNotExist();
        assertThatThrownBy(() -> freshStore.restore("no-such-backup"))
                .isInstanceOfSatisfying(BackupService.CorruptBackupException.class,
                        e -> assertThat(e.file()).isEqualTo(BackupService.MANIFEST));

        List<String> keys = new ArrayList<>();
        for (Result<Item> r : rawClient().listObjects(ListObjectsArgs.builder().bucket("amcp-backups")
                .prefix("node-1/damaged/").recursive(true).build())) {
            keys.add(r.get().objectName());
        }
        assertThat(keys).hasSize(6); // five files and the manifest
    }
}
