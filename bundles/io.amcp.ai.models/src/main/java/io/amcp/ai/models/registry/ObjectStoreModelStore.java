package io.amcp.ai.models.registry;

import io.amcp.api.spi.CredentialStore;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Model versions kept in an S3-compatible bucket (MinIO, AWS S3) through the MinIO Java SDK, with a
 * local {@link ModelRegistry} as the cache. Layout under the prefix: {@code <name>/<version>/model.bin}
 * and {@code <name>/<version>/metadata.json} (the registry's files), each object carrying its
 * SHA-256 as user metadata {@code sha256}. A push writes the model bytes first and the metadata last:
 * the metadata is the commit point, so a reader never sees a version whose bytes are missing. A pull
 * hashes the model bytes as they stream in and checks them against the metadata's SHA-256 before the
 * version enters the cache.
 *
 * <p>Thread-safe; version numbers are assigned by the cache's registry, so one writer per model name.
 */
public final class ObjectStoreModelStore {

    private static final String SHA_META = "sha256";

    private final Location location;
    private final MinioClient client;
    private final ModelRegistry cache;

    /**
     * Where the models are: an S3 endpoint, a bucket and a key prefix, and the credential names of the
     * access and secret key in the {@link CredentialStore} (never the secrets themselves).
     *
     * @param endpoint      e.g. {@code http://127.0.0.1:9000}
     * @param region        SigV4 signing region, e.g. {@code us-east-1}
     * @param bucket        bucket name (3-63 lower-case letters, digits, dots and hyphens)
     * @param prefix        key prefix, empty or without leading or trailing '/'
     * @param accessKeyName credential name of the access key
     * @param secretKeyName credential name of the secret key
     */
    public record Location(URI endpoint, String region, String bucket, String prefix, String accessKeyName,
            String secretKeyName) {

        private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

        public Location {
            Objects.requireNonNull(endpoint, "endpoint");
            if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
                throw new IllegalArgumentException("endpoint: must be an http or https URL, was '" + endpoint + "'");
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

        /** A location with the credential names {@code minio.access-key} and {@code minio.secret-key}. */
        public static Location of(String endpoint, String region, String bucket, String prefix) {
            return new Location(URI.create(endpoint), region, bucket, prefix, "minio.access-key", "minio.secret-key");
        }

        String key(String relative) {
            return prefix.isEmpty() ? relative : prefix + "/" + relative;
        }
    }

    private ObjectStoreModelStore(Location location, MinioClient client, ModelRegistry cache) {
        this.location = location;
        this.client = client;
        this.cache = cache;
    }

    /**
     * Connects, creating the bucket when it does not exist (which also checks the credentials).
     *
     * @throws IllegalStateException when a credential is missing or the server refuses or cannot be reached
     */
    public static ObjectStoreModelStore connect(Location location, CredentialStore credentials, ModelRegistry cache) {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(cache, "cache");
        MinioClient client = MinioClient.builder().endpoint(location.endpoint().toString()).region(location.region())
                .credentials(credentials.require(location.accessKeyName()), credentials.require(location.secretKeyName()))
                .build();
        ObjectStoreModelStore store = new ObjectStoreModelStore(location, client, cache);
        store.call("bucket " + location.bucket(), () -> {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(location.bucket()).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(location.bucket()).region(location.region()).build());
            }
            return null;
        });
        return store;
    }

    /** The local registry that caches pulled versions. */
    public ModelRegistry cache() {
        return cache;
    }

    /**
     * Registers a version in the cache (see {@link ModelRegistry#register}) and pushes it.
     *
     * @return the version's metadata
     */
    public ModelVersion register(String name, String kind, byte[] bytes, Map<String, String> parameters, DataRange data,
            Map<String, Double> metrics, List<String> features, String trainedAt) {
        ModelVersion v = cache.register(name, kind, bytes, parameters, data, metrics, features, trainedAt);
        push(name, v.version());
        return v;
    }

    /** Uploads a version of the cache: the model bytes, then the metadata. */
    public void push(String name, int version) {
        ModelVersion meta = cache.version(name, version);
        byte[] bytes = cache.bytes(name, version);
        byte[] json = MetadataJson.write(meta).getBytes(StandardCharsets.UTF_8);
        put(objectKey(name, version, ModelRegistry.MODEL_FILE), bytes, "application/octet-stream", meta.sha256());
        put(objectKey(name, version, ModelRegistry.METADATA_FILE), json, "application/json", ModelRegistry.sha256(json));
    }

    /** The version numbers of {@code name} in the bucket (those whose metadata is there), ascending. */
    public List<Integer> remoteVersions(String name) {
        ModelVersion.checkName(name);
        String prefix = location.key(name + "/");
        Pattern metadata = Pattern.compile(Pattern.quote(prefix) + "([1-9][0-9]*)/" + Pattern.quote(ModelRegistry.METADATA_FILE));
        List<Integer> out = new ArrayList<>();
        call("list " + prefix, () -> {
            for (Result<Item> r : client.listObjects(ListObjectsArgs.builder().bucket(location.bucket()).prefix(prefix)
                    .recursive(true).build())) {
                Matcher m = metadata.matcher(r.get().objectName());
                if (m.matches()) {
                    out.add(Integer.parseInt(m.group(1)));
                }
            }
            return null;
        });
        out.sort(Integer::compare);
        return out;
    }

    /**
     * Makes a version available in the cache, downloading it when the cache lacks it, and returns its
     * metadata; read its bytes with {@code cache().bytes(name, version)}.
     *
     * @param version the version, or 0 for the newest in the bucket
     * @throws IllegalArgumentException naming {@code version} when the bucket has no such version
     * @throws IllegalStateException    when the downloaded bytes do not match their SHA-256
     */
    public ModelVersion pull(String name, int version) {
        ModelVersion.checkName(name);
        int v = version;
        if (v == 0) {
            List<Integer> all = remoteVersions(name);
            if (all.isEmpty()) {
                throw new IllegalArgumentException("version: the bucket holds no version of " + name);
            }
            v = all.get(all.size() - 1);
        }
        int wanted = v;
        Optional<ModelVersion> cached = cache.versions(name).stream().filter(m -> m.version() == wanted).findFirst();
        if (cached.isPresent()) {
            return cached.get();
        }
        String metaKey = objectKey(name, v, ModelRegistry.METADATA_FILE);
        byte[] json = get(metaKey, InputStream::readAllBytes).orElseThrow(() -> new IllegalArgumentException("version: the bucket holds no "
                + name + " version " + wanted));
        ModelVersion meta = MetadataJson.read(new String(json, StandardCharsets.UTF_8), location.bucket() + "/" + metaKey);
        String modelKey = objectKey(name, v, ModelRegistry.MODEL_FILE);
        HashedBytes model = get(modelKey, HashedBytes::read).orElseThrow(() -> new IllegalStateException(
                location.bucket() + "/" + modelKey + ": missing though its metadata is there"));
        if (!model.sha256().equals(meta.sha256())) {
            throw new IllegalStateException(location.bucket() + "/" + modelKey + ": SHA-256 " + model.sha256()
                    + " differs from the metadata's " + meta.sha256() + "; the object is corrupt");
        }
        cache.install(meta, model);
        return meta;
    }

    private String objectKey(String name, int version, String file) {
        return location.key(name + "/" + version + "/" + file);
    }

    private void put(String key, byte[] bytes, String contentType, String sha256) {
        call(key, () -> client.putObject(PutObjectArgs.builder().bucket(location.bucket()).object(key)
                .stream(new ByteArrayInputStream(bytes), bytes.length, -1).contentType(contentType)
                .userMetadata(Map.of(SHA_META, sha256)).build()));
    }

    /** Reads an object as it streams in; empty when the bucket has no such key. */
    private <T> Optional<T> get(String key, Download<T> read) {
        return call(key, () -> {
            try (GetObjectResponse in = client.getObject(GetObjectArgs.builder().bucket(location.bucket()).object(key).build())) {
                return Optional.of(read.from(in));
            } catch (ErrorResponseException e) {
                if ("NoSuchKey".equals(e.errorResponse().code())) {
                    return Optional.<T>empty();
                }
                throw e;
            }
        });
    }

    @FunctionalInterface
    private interface Download<T> {
        T from(InputStream in) throws IOException;
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws MinioException, IOException, GeneralSecurityException;
    }

    private <T> T call(String what, Call<T> call) {
        try {
            return call.run();
        } catch (ErrorResponseException e) {
            throw new IllegalStateException(location.bucket() + "/" + what + ": " + e.errorResponse().code() + " "
                    + e.errorResponse().message(), e);
        } catch (MinioException | IOException | GeneralSecurityException e) {
            throw new IllegalStateException(location.bucket() + "/" + what + ": " + e.getMessage(), e);
        }
    }
}
