package io.amcp.data;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the object-store tier keeps partitions: an S3-compatible endpoint (MinIO, AWS S3), a bucket
 * and a key prefix, plus the names under which the {@link io.amcp.api.spi.CredentialStore} holds
 * the access key and secret key (the secrets themselves never appear in configuration).
 *
 * @param endpoint      the server, e.g. {@code http://127.0.0.1:9000}
 * @param region        the SigV4 signing region, e.g. {@code us-east-1}
 * @param bucket        bucket name (S3 rules: 3-63 lower-case letters, digits, dots and hyphens)
 * @param prefix        key prefix under which datasets are stored, empty or ending without '/'
 * @param accessKeyName credential name of the access key, e.g. {@code minio.access-key}
 * @param secretKeyName credential name of the secret key, e.g. {@code minio.secret-key}
 */
public record ObjectStoreLocation(URI endpoint, String region, String bucket, String prefix, String accessKeyName,
        String secretKeyName) {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public ObjectStoreLocation {
        Objects.requireNonNull(endpoint, "endpoint");
        if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("endpoint: must be an http or https URL, was '" + endpoint + "'");
        }
        if (endpoint.getHost() == null) {
            throw new IllegalArgumentException("endpoint: has no host: '" + endpoint + "'");
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("region: must not be blank");
        }
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("bucket: '" + bucket + "' is not a valid S3 bucket name");
        }
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.startsWith("/") || prefix.endsWith("/")) {
            throw new IllegalArgumentException("prefix: must not start or end with '/', was '" + prefix + "'");
        }
        if (accessKeyName == null || accessKeyName.isBlank()) {
            throw new IllegalArgumentException("accessKeyName: must not be blank");
        }
        if (secretKeyName == null || secretKeyName.isBlank()) {
            throw new IllegalArgumentException("secretKeyName: must not be blank");
        }
    }

    /** A location with the default credential names {@code minio.access-key} and {@code minio.secret-key}. */
    public static ObjectStoreLocation of(String endpoint, String region, String bucket, String prefix) {
        return new ObjectStoreLocation(URI.create(endpoint), region, bucket, prefix, "minio.access-key", "minio.secret-key");
    }

    /** The object key of a store-relative path such as {@code daily/bars/AAPL/2020.parquet}. */
    public String key(String relativePath) {
        return prefix.isEmpty() ? relativePath : prefix + "/" + relativePath;
    }
}
