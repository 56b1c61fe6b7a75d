package io.amcp.ops.internal.backup;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Where object-store backups live: an S3-compatible endpoint, a bucket and a key prefix, plus the
 * names under which the {@link io.amcp.api.spi.CredentialStore} holds the access and secret key (the
 * secrets never appear in configuration).
 *
 * @param endpoint      the server, e.g. {@code http://127.0.0.1:9000}
 * @param region        the SigV4 signing region, e.g. {@code us-east-1}
 * @param bucket        bucket name (S3 rules: 3-63 lower-case letters, digits, dots and hyphens)
 * @param prefix        key prefix of the backups, empty or without leading and trailing '/'
 * @param accessKeyName credential name of the access key, e.g. {@code minio.access-key}
 * @param secretKeyName credential name of the secret key, e.g. {@code minio.secret-key}
 */
public record BucketLocation(URI endpoint, String region, String bucket, String prefix, String accessKeyName,
        String secretKeyName) {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public BucketLocation {
        if (endpoint == null || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))
                || endpoint.getHost() == null) {
            throw new IllegalArgumentException("endpoint: must be an http or https URL with a host, was '" + endpoint + "'");
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("region: must not be blank");
        }
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("bucket: '" + bucket + "' is not a valid S3 bucket name");
        }
        if (prefix == null || prefix.startsWith("/") || prefix.endsWith("/")) {
            throw new IllegalArgumentException("prefix: must not start or end with '/', was '" + prefix + "'");
        }
        if (accessKeyName == null || accessKeyName.isBlank()) {
            throw new IllegalArgumentException("accessKeyName: must not be blank");
        }
        if (secretKeyName == null || secretKeyName.isBlank()) {
            throw new IllegalArgumentException("secretKeyName: must not be blank");
        }
    }

    /** A location with the credential names {@code minio.access-key} and {@code minio.secret-key}. */
    public static BucketLocation of(String endpoint, String region, String bucket, String prefix) {
        return new BucketLocation(URI.create(endpoint), region, bucket, prefix, "minio.access-key", "minio.secret-key");
    }

    /** The key of {@code path} inside backup {@code name}. */
    String key(String name, String path) {
        return folder() + name + "/" + path;
    }

    /** The key prefix every backup starts with: {@code prefix/}, or nothing. */
    String folder() {
        return prefix.isEmpty() ? "" : prefix + "/";
    }

    @Override
    public String toString() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix) + " at " + endpoint;
    }
}
