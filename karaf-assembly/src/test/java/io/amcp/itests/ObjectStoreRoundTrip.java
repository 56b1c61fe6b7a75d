package io.amcp.itests;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.CredentialStore;
import io.amcp.data.BarQuery;
import io.amcp.data.BarStore;
import io.amcp.data.ObjectStoreException;
import io.amcp.data.ObjectStoreLocation;
import io.amcp.data.ObjectStoreTier;
import io.amcp.data.PartitionInfo;
import io.amcp.datasource.file.BarSize;
import io.amcp.datasource.file.SyntheticBarGenerator;
import io.amcp.datasource.file.SyntheticSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pushes a stored dataset to an S3 bucket and reads it back through the object-store tier, inside the
 * container: the MinIO SDK and its dependencies as the {@code amcp-objectstore} feature installs them. Kept
 * apart from {@link PlatformIT} so the probe loads these classes only after {@code amcp-data} is installed.
 */
final class ObjectStoreRoundTrip {

    private static final Instant FROM = Instant.parse("1990-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2100-01-01T00:00:00Z");

    private ObjectStoreRoundTrip() {
    }

    /** What came back from the bucket next to what was stored. */
    record Outcome(int partitionsStored, int uploaded, int listed, int downloaded, boolean verified,
            List<BarSeries> generated, List<BarSeries> readBack) {
    }

    /**
     * Ingests 2 synthetic symbols of minute bars spanning two calendar years into a store under {@code work},
     * pushes the dataset to {@code bucket} at {@code endpoint}, fetches it into an empty cache directory and
     * queries every bar from there.
     */
    static Outcome run(Path work, String endpoint, String bucket, String accessKey, String secretKey) {
        List<BarSeries> generated = new SyntheticBarGenerator(
                SyntheticSpec.parse("symbols=2,start=2020-12-15,years=0.06,bar=1m,seed=17")).generate();
        List<InstrumentId> symbols = generated.stream().map(s -> s.instrument().id()).toList();
        Map<String, String> keys = Map.of("minio.access-key", accessKey, "minio.secret-key", secretKey);
        CredentialStore credentials = name -> Optional.ofNullable(keys.get(name));
        ObjectStoreLocation location = ObjectStoreLocation.of(endpoint, "us-east-1", bucket, "itest");
        try (BarStore store = BarStore.open(work.resolve("store"))) {
            store.ingestSeries("syn", BarSize.ONE_MINUTE, generated, null);
            List<PartitionInfo> stored = store.partitions("syn");
            ObjectStoreTier tier = ObjectStoreTier.connect(location, credentials, work.resolve("cache"));
            int uploaded = tier.push(store, "syn").size();
            int listed = tier.list("syn").size();
            boolean verified = tier.verify("syn").ok();
            int downloaded = tier.fetch("syn", Set.of()).downloaded();
            try (BarStore cache = BarStore.open(tier.cacheRoot())) {
                List<BarSeries> back = cache.query(BarQuery.of("syn", symbols, BarSize.ONE_MINUTE, FROM, TO));
                return new Outcome(stored.size(), uploaded, listed, downloaded, verified, generated, back);
            }
        }
    }

    /**
     * The refusal of {@code secretKey} as the tier reports it ({@code code: message}, from an exception that
     * {@link ObjectStoreException#isAuthenticationFailure()} classifies as one), or {@code null} when the server
     * accepts the key or fails otherwise.
     */
    static String refusal(Path work, String endpoint, String bucket, String accessKey, String secretKey) {
        Map<String, String> keys = Map.of("minio.access-key", accessKey, "minio.secret-key", secretKey);
        try {
            ObjectStoreTier.connect(ObjectStoreLocation.of(endpoint, "us-east-1", bucket, "itest"),
                    name -> Optional.ofNullable(keys.get(name)), work.resolve("refused-cache"));
            return null;
        } catch (ObjectStoreException e) {
            return e.isAuthenticationFailure() ? e.code() + ": " + e.getMessage() : null;
        }
    }
}
