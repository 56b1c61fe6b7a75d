package io.amcp.ai.models.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.ai.models.Classifier;
import io.amcp.ai.models.LogisticRegressionTrainer;
import io.amcp.ai.models.ModelCodec;
import io.amcp.ai.models.TrainingListener;
import io.amcp.ai.models.TrainingSet;
import io.amcp.api.spi.CredentialStore;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The object-store model store against a real S3 server: s3proxy 4.1.0 on a filesystem blob store,
 * bound to 127.0.0.1 on a free port, checking AWS Signature V4.
 */
@Timeout(60)
class ObjectStoreModelStoreTest {

    private static final String KEY = "AKIAAMCPMODELS";
    private static final String SECRET = "amcp-models-secret-0123456789";
    private static final CredentialStore CREDENTIALS = name -> Optional.ofNullable(
            Map.of("minio.access-key", KEY, "minio.secret-key", SECRET).get(name));

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

    private static Classifier model(int seed) {
        double[][] x = {{1}, {2}, {3}, {4}, {5}, {6}};
        int[] y = {0, 0, seed % 2, 1, 1, 1};
        int[] t = {0, 1, 2, 3, 4, 5};
        return LogisticRegressionTrainer.defaults().fit(TrainingSet.of(x, y, t, t, new long[6], List.of("x"), 2),
                TrainingListener.NONE);
    }

    private static ModelVersion register(ObjectStoreModelStore store, Classifier m, String at) {
        return store.register("btc-lr", m.kind(), ModelCodec.write(m), Map.of("c", "1"),
                DataRange.of("btc-bitstamp", "BTC/USD", 1, 2, 6), Map.of("accuracy", 0.5), List.of("x"), at);
    }

    @Test
    void versionsPushedFromOneNodeArePulledIntoAnotherCache() throws Exception {
        ObjectStoreModelStore trainer = ObjectStoreModelStore.connect(
                ObjectStoreModelStore.Location.of(endpoint, "us-east-1", "amcp-models", "prod"), CREDENTIALS,
                new ModelRegistry(dir.resolve("trainer")));
        Classifier first = model(0);
        Classifier second = model(1);
        register(trainer, first, "2026-01-01T00:00:00Z");
        ModelVersion v2 = register(trainer, second, "2026-01-02T00:00:00Z");
        assertThat(trainer.remoteVersions("btc-lr")).containsExactly(1, 2);

        ObjectStoreModelStore server = ObjectStoreModelStore.connect(
                ObjectStoreModelStore.Location.of(endpoint, "us-east-1", "amcp-models", "prod"), CREDENTIALS,
                new ModelRegistry(dir.resolve("inference")));
        assertThat(server.cache().versions("btc-lr")).isEmpty();
        ModelVersion pulled = server.pull("btc-lr", 0);
        assertThat(pulled).isEqualTo(v2);
        Classifier loaded = ModelCodec.read(server.cache().bytes("btc-lr", 2));
        assertThat(loaded.probabilities(new double[] {3})).containsExactly(second.probabilities(new double[] {3}));
        assertThat(server.cache().versions("btc-lr")).extracting(ModelVersion::version).containsExactly(2);
        // a second pull is served by the cache, even once the bucket is gone from reach
        assertThat(server.pull("btc-lr", 2)).isEqualTo(v2);
        assertThat(server.pull("btc-lr", 1).version()).isEqualTo(1);
        assertThatThrownBy(() -> server.pull("btc-lr", 7)).hasMessageStartingWith("version:");
    }

    /** A store on {@code bucket} (no prefix) whose cache is the folder {@code cache}. */
    private static ObjectStoreModelStore connect(String bucket, String cache) {
        return ObjectStoreModelStore.connect(ObjectStoreModelStore.Location.of(endpoint, "us-east-1", bucket, ""),
                CREDENTIALS, new ModelRegistry(dir.resolve(cache)));
    }

    /**
     * Pushes version 1 to {@code bucket}, overwrites its model object with what {@code corrupt} makes of
     * its bytes, and checks that another node's pull refuses it and leaves its cache empty.
     */
    private static void assertCorruptedModelIsRefused(String bucket, UnaryOperator<byte[]> corrupt) throws Exception {
        ObjectStoreModelStore trainer = connect(bucket, bucket + "-trainer");
        register(trainer, model(0), "2026-01-01T00:00:00Z");
        byte[] bad = corrupt.apply(trainer.cache().bytes("btc-lr", 1));
        MinioClient raw = MinioClient.builder().endpoint(endpoint).region("us-east-1").credentials(KEY, SECRET).build();
        raw.putObject(PutObjectArgs.builder().bucket(bucket).object("btc-lr/1/model.bin")
                .stream(new ByteArrayInputStream(bad), bad.length, -1).build());
        ObjectStoreModelStore reader = connect(bucket, bucket + "-reader");
        assertThatThrownBy(() -> reader.pull("btc-lr", 1)).hasMessageContaining("SHA-256").hasMessageContaining("corrupt");
        assertThat(reader.cache().versions("btc-lr")).isEmpty();
    }

    @Test
    void corruptObjectIsRefusedBeforeItReachesTheCache() throws Exception {
        assertCorruptedModelIsRefused("amcp-corrupt", bytes -> new byte[] {1, 2, 3});
    }

    @Test
    void aModelWithOneFlippedBitIsRefused() throws Exception {
        assertCorruptedModelIsRefused("amcp-flipped", bytes -> {
            bytes[bytes.length / 2] ^= 0x10;
            return bytes;
        });
    }

    @Test
    void aPullHashesTheDownloadedModelOnce() {
        ObjectStoreModelStore trainer = connect("amcp-once", "once-trainer");
        ModelVersion v1 = register(trainer, model(0), "2026-01-01T00:00:00Z");
        ObjectStoreModelStore reader = connect("amcp-once", "once-reader");
        CountingSha256.install();
        try {
            assertThat(reader.pull("btc-lr", 1)).isEqualTo(v1);
            assertThat(CountingSha256.count(v1.sha256())).isEqualTo(1);
        } finally {
            CountingSha256.uninstall();
        }
        assertThat(reader.cache().bytes("btc-lr", 1)).isEqualTo(trainer.cache().bytes("btc-lr", 1));
    }

    @Test
    void wrongSecretIsRefusedAtConnect() {
        CredentialStore wrong = name -> Optional.of(name.endsWith("secret-key") ? "not-the-secret" : KEY);
        assertThatThrownBy(() -> ObjectStoreModelStore.connect(
                ObjectStoreModelStore.Location.of(endpoint, "us-east-1", "amcp-models", ""), wrong,
                new ModelRegistry(dir.resolve("wrong")))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AccessDenied");
        assertThatThrownBy(() -> ObjectStoreModelStore.Location.of(endpoint, "us-east-1", "Bad_Bucket", ""))
                .hasMessageStartingWith("bucket:");
    }
}
