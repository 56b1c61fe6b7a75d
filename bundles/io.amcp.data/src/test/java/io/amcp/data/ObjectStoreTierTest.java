package io.amcp.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.CredentialStore;
import io.amcp.datasource.file.BarSize;
import io.amcp.datasource.file.SyntheticBarGenerator;
import io.amcp.datasource.file.SyntheticSpec;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The object-store tier against a real S3 server: s3proxy 4.1.0 on a filesystem blob store, bound
 * to 127.0.0.1 on a free port, checking AWS Signature V4 with a key and secret of its own.
 */
@Timeout(60)
class ObjectStoreTierTest {

    private static final String KEY = "AKIAAMCPTEST";
    private static final String SECRET = "amcp-test-secret-0123456789";
    private static final Instant FROM = Instant.parse("1990-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2100-01-01T00:00:00Z");

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

    @Test
    void pushedPartitionsComeBackThroughTheCacheAndVerify() throws Exception {
        SyntheticSpec spec = SyntheticSpec.parse("symbols=2,start=2020-12-15,years=0.06,bar=1m,seed=11");
        List<BarSeries> original = new SyntheticBarGenerator(spec).generate();
        List<InstrumentId> symbols = original.stream().map(s -> s.instrument().id()).toList();
        ObjectStoreLocation location = ObjectStoreLocation.of(endpoint, "us-east-1", "amcp-history", "tier");
        Path cache = dir.resolve("cache");
        try (BarStore store = BarStore.open(dir.resolve("store"))) {
            store.ingestSeries("syn", BarSize.ONE_MINUTE, original, null);
            List<PartitionInfo> local = store.partitions("syn");
            assertThat(local).hasSize(4); // 2 symbols x {2020, 2021}

            ObjectStoreTier tier = ObjectStoreTier.connect(location, credentials(KEY, SECRET), cache);
            assertThat(tier.push(store, "syn")).hasSize(4);
            assertThat(tier.push(store, "syn")).as("unchanged partitions are not uploaded again").isEmpty();
            assertThat(tier.list("syn")).containsExactlyInAnyOrderElementsOf(local);

            // the object holds exactly the bytes of the local file
            PartitionInfo first = local.get(0);
            try (InputStream in = rawClient().getObject(GetObjectArgs.builder().bucket("amcp-history")
                    .object("tier/" + first.file()).build())) {
                assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(store.root().resolve(first.file())));
            }
            assertThat(tier.verify("syn").ok()).isTrue();

            ObjectStoreTier.CacheFill fill = tier.fetch("syn", Set.of());
            assertThat(fill.downloaded()).isEqualTo(4);
            assertThat(fill.bytesDownloaded()).isEqualTo(local.stream().mapToLong(PartitionInfo::bytes).sum());
            try (BarStore cached = BarStore.open(cache)) {
                List<BarSeries> back = cached.query(BarQuery.of("syn", symbols, BarSize.ONE_MINUTE, FROM, TO));
                for (int s = 0; s < 2; s++) {
                    assertThat(back.get(s).time()).isEqualTo(original.get(s).time());
                    assertThat(back.get(s).close()).isEqualTo(original.get(s).close());
                    assertThat(back.get(s).volume()).isEqualTo(original.get(s).volume());
                }
                assertThat(cached.verify().ok()).isTrue();
            }
            ObjectStoreTier.CacheFill again = tier.fetch("syn", Set.of(symbols.get(0)));
            assertThat(again.downloaded()).isZero();
            assertThat(again.fromCache()).isEqualTo(2);

            // a cached file damaged on disk is detected by its checksum and downloaded again
            Path damaged = cache.resolve(first.file());
            byte[] bytes = Files.readAllBytes(damaged);
            bytes[bytes.length / 2] ^= 0x5a;
            Files.write(damaged, bytes);
            ObjectStoreTier fresh = ObjectStoreTier.connect(location, credentials(KEY, SECRET), cache);
            ObjectStoreTier.CacheFill repaired = fresh.fetch("syn", Set.of());
            assertThat(repaired.downloaded()).isEqualTo(1);
            assertThat(Files.readAllBytes(damaged)).isEqualTo(Files.readAllBytes(store.root().resolve(first.file())));
        }
    }

    @Test
    void aQueryReadsThroughTheCacheFetchingOnlyThePartitionsItNeeds() throws Exception {
        SyntheticSpec spec = SyntheticSpec.parse("symbols=2,start=2020-12-15,years=0.06,bar=1m,seed=4");
        List<BarSeries> original = new SyntheticBarGenerator(spec).generate();
        ObjectStoreLocation location = ObjectStoreLocation.of(endpoint, "us-east-1", "amcp-query", "");
        Path cache = dir.resolve("cache-query");
        try (BarStore store = BarStore.open(dir.resolve("store-query"))) {
            store.ingestSeries("syn", BarSize.ONE_MINUTE, original, null);
            ObjectStoreTier tier = ObjectStoreTier.connect(location, credentials(KEY, SECRET), cache);
            tier.push(store, "syn");
        }
        Instant from = Instant.parse("2021-01-01T00:00:00Z");
        BarSeries first = original.get(0);
        ObjectStoreTier tier = ObjectStoreTier.connect(location, credentials(KEY, SECRET), cache);
        List<BarSeries> back = tier.query(BarQuery.of("syn", List.of(first.instrument().id()), BarSize.ONE_MINUTE, from, TO));

        int start = 0;
        while (first.time()[start] < io.amcp.api.spi.Clock.toNanos(from)) {
            start++;
        }
        assertThat(back.get(0).time()).isEqualTo(java.util.Arrays.copyOfRange(first.time(), start, first.size()));
        assertThat(back.get(0).close()).isEqualTo(java.util.Arrays.copyOfRange(first.close(), start, first.size()));
        try (java.util.stream.Stream<Path> files = Files.walk(cache)) {
            assertThat(files.filter(f -> f.toString().endsWith(".parquet")).toList())
                    .as("only the 2021 partition of the first symbol").singleElement()
                    .satisfies(f -> assertThat(f.toString()).contains("SYN001").contains("2021"));
        }
    }

    @Test
    void verifyNamesAChangedObjectAndAStrayOne() throws Exception {
        SyntheticSpec spec = SyntheticSpec.parse("symbols=1,start=2021-03-01,years=0.01,bar=1m,seed=5");
        ObjectStoreLocation location = ObjectStoreLocation.of(endpoint, "us-east-1", "amcp-verify", "");
        try (BarStore store = BarStore.open(dir.resolve("store-verify"))) {
            store.ingestSeries("one", BarSize.ONE_MINUTE, new SyntheticBarGenerator(spec).generate(), null);
            ObjectStoreTier tier = ObjectStoreTier.connect(location, credentials(KEY, SECRET), dir.resolve("cache-verify"));
            tier.push(store, "one");
            PartitionInfo p = store.partitions("one").get(0);
            byte[] other = "not a parquet file".getBytes();
            MinioClient raw = rawClient();
            raw.putObject(PutObjectArgs.builder().bucket("amcp-verify").object(p.file())
                    .stream(new ByteArrayInputStream(other), other.length, -1).build());
            raw.putObject(PutObjectArgs.builder().bucket("amcp-verify").object("one/bars/stray.parquet")
                    .stream(new ByteArrayInputStream(other), other.length, -1).build());

            VerifyResult result = tier.verify("one");
            assertThat(result.filesChecked()).isEqualTo(1);
            assertThat(result.problems()).containsExactlyInAnyOrder(
                    p.file() + ": size 18 bytes, manifest says " + p.bytes(),
                    "one/bars/stray.parquet: not in the manifest");
            assertThatThrownBy(() -> tier.fetch("one", Set.of()))
                    .isInstanceOf(ObjectStoreException.class)
                    .hasMessageContaining(p.file()).hasMessageContaining("differs from the manifest");
        }
    }

    @Test
    void wrongCredentialsAreRefusedWithAClearError() {
        ObjectStoreLocation location = ObjectStoreLocation.of(endpoint, "us-east-1", "amcp-auth", "");
        Path cache = dir.resolve("cache-auth");
        assertThatThrownBy(() -> ObjectStoreTier.connect(location, credentials(KEY, "wrong-secret"), cache))
                .isInstanceOfSatisfying(ObjectStoreException.class, e -> {
                    assertThat(e.isAuthenticationFailure()).isTrue();
                    // AWS answers SignatureDoesNotMatch, s3proxy AccessDenied
                    assertThat(e.code()).isIn("SignatureDoesNotMatch", "AccessDenied");
                })
                .hasMessageContaining("refused the credentials 'minio.access-key'/'minio.secret-key'");
        assertThatThrownBy(() -> ObjectStoreTier.connect(location, credentials("AKIAUNKNOWN", SECRET), cache))
                .isInstanceOfSatisfying(ObjectStoreException.class, e -> {
                    assertThat(e.isAuthenticationFailure()).isTrue();
                    // AWS answers InvalidAccessKeyId, s3proxy AccessDenied
                    assertThat(e.code()).isIn("InvalidAccessKeyId", "AccessDenied");
                })
                .hasMessageContaining("refused the credentials");
        assertThatThrownBy(() -> ObjectStoreTier.connect(location, name -> Optional.empty(), cache))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing credential 'minio.access-key'");
    }

    @Test
    void aDatasetNeverPushedIsNamed() {
        ObjectStoreLocation location = ObjectStoreLocation.of(endpoint, "us-east-1", "amcp-empty", "p");
        ObjectStoreTier tier = ObjectStoreTier.connect(location, credentials(KEY, SECRET), dir.resolve("cache-empty"));
        assertThatThrownBy(() -> tier.list("nothing")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nothing' has no manifest in bucket amcp-empty (p/nothing/manifest.json)");
    }

    @Test
    void locationFieldsAreChecked() {
        assertThatThrownBy(() -> ObjectStoreLocation.of("ftp://host", "us-east-1", "bucket", ""))
                .hasMessageStartingWith("endpoint:");
        assertThatThrownBy(() -> ObjectStoreLocation.of("http://host:9000", "us-east-1", "Bad_Bucket", ""))
                .hasMessageStartingWith("bucket:");
        assertThatThrownBy(() -> ObjectStoreLocation.of("http://host:9000", "us-east-1", "bucket", "/x"))
                .hasMessageStartingWith("prefix:");
    }
}
