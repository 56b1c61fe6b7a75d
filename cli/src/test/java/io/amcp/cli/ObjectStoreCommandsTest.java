package io.amcp.cli;

import static io.amcp.cli.CliRun.amcp;
import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.InstrumentId;
import io.amcp.data.BarQuery;
import io.amcp.data.BarStore;
import io.amcp.datasource.file.BarSize;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code amcp data push} and {@code pull} against a real S3 server: s3proxy 4.1.0 on a filesystem blob
 * store, bound to 127.0.0.1 on a free port, checking AWS Signature V4 with a key pair of its own.
 */
// a guard against a wedged server, not a speed bound: s3proxy starts slowly on a loaded machine
@Timeout(300)
class ObjectStoreCommandsTest {

    private static final String KEY = "AKIAAMCPCLITEST";
    private static final String SECRET = "amcp-cli-test-secret-0123456789";
    private static final Map<String, String> KEYS = Map.of(ObjectStoreCommands.ACCESS_KEY, KEY, ObjectStoreCommands.SECRET_KEY, SECRET);
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

    @Test
    void aPushedStoreIsPulledIntoAnEmptyDirectoryWithIdenticalBars() {
        String store = dir.resolve("store").toString();
        // 2 symbols from 2020-12-15 over 0.06 years: each spans 2020 and 2021, so 2 x 2 = 4 partition files
        CliRun ingest = amcp("data", "ingest", "--dataset", "synthetic:symbols=2,start=2020-12-15,years=0.06,bar=1m,seed=5",
                "--as", "syn", "--store", store);
        assertThat(ingest.code()).as(ingest.err()).isZero();

        String[] bucket = {"--endpoint", endpoint, "--bucket", "amcp-cli", "--prefix", "research"};
        CliRun refused = amcp(KEYS, concat(new String[] {"data", "push", "--store", store}, bucket));
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).startsWith("amcp: --bucket: the server at " + endpoint + " has no bucket 'amcp-cli'")
                .contains("--create-bucket");

        CliRun push = amcp(KEYS, concat(new String[] {"data", "push", "--store", store, "--create-bucket"}, bucket));
        assertThat(push.code()).as(push.err()).isZero();
        assertThat(push.err()).contains("pushing syn: 4 partition files").contains(endpoint + "/amcp-cli/research");
        assertThat(push.out()).startsWith("syn: uploaded 4 of 4 partition files");
        CliRun again = amcp(KEYS, concat(new String[] {"data", "push", "--store", store}, bucket));
        assertThat(again.out()).as(again.err()).startsWith("syn: uploaded 0 of 4 partition files (0 bytes), 4 unchanged");

        Path pulled = dir.resolve("pulled");
        CliRun pull = amcp(KEYS, concat(new String[] {"data", "pull", "--store", pulled.toString(), "--dataset", "syn"}, bucket));
        assertThat(pull.code()).as(pull.err()).isZero();
        assertThat(pull.err()).contains("pulling syn from " + endpoint + "/amcp-cli/research");
        assertThat(pull.out()).contains("syn: 4 partition files").contains("4 downloaded");
        assertThat(amcp("data", "verify", "--store", pulled.toString()).out()).contains("4 files checked, 0 problems");

        try (BarStore original = BarStore.open(Path.of(store)); BarStore copy = BarStore.open(pulled)) {
            List<InstrumentId> symbols = original.datasets().get(0).symbols();
            assertThat(symbols).hasSize(2);
            List<BarSeries> expected = original.query(BarQuery.of("syn", symbols, BarSize.ONE_MINUTE, FROM, TO));
            List<BarSeries> actual = copy.query(BarQuery.of("syn", symbols, BarSize.ONE_MINUTE, FROM, TO));
            for (int s = 0; s < 2; s++) {
                assertThat(actual.get(s).size()).isPositive().isEqualTo(expected.get(s).size());
                assertThat(actual.get(s).time()).isEqualTo(expected.get(s).time());
                assertThat(actual.get(s).open()).isEqualTo(expected.get(s).open());
                assertThat(actual.get(s).high()).isEqualTo(expected.get(s).high());
                assertThat(actual.get(s).low()).isEqualTo(expected.get(s).low());
                assertThat(actual.get(s).close()).isEqualTo(expected.get(s).close());
                assertThat(actual.get(s).volume()).isEqualTo(expected.get(s).volume());
            }

            // one symbol only: its two yearly partitions
            Path one = dir.resolve("one");
            CliRun single = amcp(KEYS, concat(new String[] {"data", "pull", "--store", one.toString(), "--dataset", "syn",
                "--symbols", symbols.get(1).value()}, bucket));
            assertThat(single.out()).as(single.err()).contains("syn: 2 partition files");
        }
        for (CliRun run : List.of(push, again, pull)) {
            assertThat(run.out() + run.err()).doesNotContain(SECRET);
        }
    }

    @Test
    void aWrongSecretAMissingKeyAndAMissingBucketAreNamed() {
        String store = dir.resolve("errors").toString();
        String[] pull = {"data", "pull", "--store", store, "--dataset", "syn", "--endpoint", endpoint, "--bucket", "amcp-cli-errors"};

        String wrongSecret = "not-the-secret-of-this-key";
        CliRun wrong = amcp(Map.of(ObjectStoreCommands.ACCESS_KEY, KEY, ObjectStoreCommands.SECRET_KEY, wrongSecret), pull);
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).startsWith("amcp: AMCP_S3_SECRET_KEY: the server at " + endpoint + " refused the request signature")
                .contains("SignatureDoesNotMatch").doesNotContain(wrongSecret).doesNotContain(SECRET);

        CliRun unknownKey = amcp(Map.of(ObjectStoreCommands.ACCESS_KEY, "AKIANOBODY", ObjectStoreCommands.SECRET_KEY, SECRET), pull);
        assertThat(unknownKey.err()).startsWith("amcp: AMCP_S3_ACCESS_KEY: the server at " + endpoint + " knows no such access key");

        CliRun unset = amcp(Map.of(ObjectStoreCommands.ACCESS_KEY, KEY), pull);
        assertThat(unset.code()).isEqualTo(2);
        assertThat(unset.err()).startsWith("amcp: AMCP_S3_SECRET_KEY: not set");

        CliRun missing = amcp(KEYS, pull);
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).startsWith("amcp: --bucket: the server at " + endpoint + " has no bucket 'amcp-cli-errors'")
                .doesNotContain("--create-bucket");
        assertThat(Files.exists(dir.resolve("blobs").resolve("amcp-cli-errors"))).as("pull creates no bucket").isFalse();

        CliRun badName = amcp(KEYS, "data", "pull", "--store", store, "--dataset", "syn", "--endpoint", endpoint, "--bucket", "Bad_Name");
        assertThat(badName.err()).startsWith("amcp: --bucket: 'Bad_Name' is not a valid S3 bucket name");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
