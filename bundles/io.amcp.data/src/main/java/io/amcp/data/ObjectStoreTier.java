package io.amcp.data;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.CredentialStore;
import io.amcp.data.internal.Catalog;
import io.amcp.datasource.file.BarSize;
import io.minio.BucketExistsArgs;
import io.minio.DownloadObjectArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.UploadObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The object-store tier of the history store: partition files pushed to an S3-compatible bucket
 * (MinIO, AWS S3) through the MinIO Java SDK, read back through a local cache directory that is
 * itself a {@link BarStore} root.
 *
 * <p>Layout in the bucket, under the location's prefix: {@code <dataset>/manifest.json} (the
 * dataset's catalog entry: every partition with its rows, time range, size and SHA-256) and the
 * partition files at the same relative paths as in the store ({@code <dataset>/bars/...}). Each
 * object also carries its SHA-256 as user metadata {@code sha256}. The manifest is written after
 * the files it lists and is the commit point of a push: a reader never sees a partition the
 * manifest does not list, and objects it no longer lists are removed after it is replaced.
 *
 * <p>Thread-safe for concurrent use on different datasets; calls on one dataset are serialised.
 */
public final class ObjectStoreTier {

    /** Object key suffix of a dataset's manifest. */
    public static final String MANIFEST = "manifest.json";
    private static final String SHA_META = "sha256";
    private static final long PART_SIZE = 16L << 20;

    private final ObjectStoreLocation location;
    private final MinioClient client;
    private final Path cacheRoot;
    private final Set<String> verifiedCache = new HashSet<>();

    private ObjectStoreTier(ObjectStoreLocation location, MinioClient client, Path cacheRoot) {
        this.location = location;
        this.client = client;
        this.cacheRoot = cacheRoot;
    }

    /**
     * Connects to the bucket, creating it when it does not exist, which also checks the credentials.
     *
     * @param credentials holds the access and secret key under the location's credential names
     * @param cacheRoot   local directory for downloaded partitions; open it as a {@link BarStore}
     * @throws ObjectStoreException  when the server refuses the credentials or cannot be reached
     * @throws IllegalStateException when a credential is missing
     */
    public static ObjectStoreTier connect(ObjectStoreLocation location, CredentialStore credentials, Path cacheRoot) {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(cacheRoot, "cacheRoot");
        MinioClient client = MinioClient.builder()
                .endpoint(location.endpoint().toString())
                .region(location.region())
                .credentials(credentials.require(location.accessKeyName()), credentials.require(location.secretKeyName()))
                .build();
        ObjectStoreTier tier = new ObjectStoreTier(location, client, cacheRoot.toAbsolutePath().normalize());
        tier.call("bucket " + location.bucket(), () -> {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(location.bucket()).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(location.bucket()).region(location.region()).build());
            }
            return null;
        });
        return tier;
    }

    /** The bucket and prefix this tier writes to. */
    public ObjectStoreLocation location() {
        return location;
    }

    /** The local cache directory (a {@link BarStore} root). */
    public Path cacheRoot() {
        return cacheRoot;
    }

    /**
     * Uploads the partitions of {@code dataset} that the bucket does not already hold with the same
     * SHA-256, then replaces the manifest, then removes objects of the dataset that the new manifest
     * does not list.
     *
     * @return the partitions uploaded (those already present are skipped)
     */
    public synchronized List<PartitionInfo> push(BarStore store, String dataset) {
        BarSize barSize = store.datasets().stream().filter(d -> d.id().equals(dataset)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("dataset: '" + dataset + "' is not in the store " + store.root()))
                .barSize();
        List<PartitionInfo> partitions = store.partitions(dataset);
        List<PartitionInfo> uploaded = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        listed.add(location.key(dataset + "/" + MANIFEST));
        for (PartitionInfo p : partitions) {
            String key = location.key(p.file());
            listed.add(key);
            if (p.sha256().equals(remoteSha(key))) {
                continue;
            }
            Path file = store.root().resolve(p.file());
            call(key, () -> client.uploadObject(UploadObjectArgs.builder().bucket(location.bucket()).object(key)
                    .filename(file.toString(), PART_SIZE).contentType("application/vnd.apache.parquet")
                    .userMetadata(Map.of(SHA_META, p.sha256())).build()));
            uploaded.add(p);
        }
        Catalog manifest = new Catalog();
        Catalog.Dataset d = manifest.create(dataset, barSize);
        partitions.forEach(p -> d.partitions.put(Catalog.Dataset.key(p.symbol(), p.year()), p));
        byte[] json = bytes(manifest);
        String manifestKey = location.key(dataset + "/" + MANIFEST);
        call(manifestKey, () -> client.putObject(PutObjectArgs.builder().bucket(location.bucket()).object(manifestKey)
                .stream(new ByteArrayInputStream(json), json.length, -1).contentType("application/json").build()));
        for (String key : keys(dataset)) {
            if (!listed.contains(key)) {
                call(key, () -> {
                    client.removeObject(RemoveObjectArgs.builder().bucket(location.bucket()).object(key).build());
                    return null;
                });
            }
        }
        return uploaded;
    }

    /**
     * The partitions of {@code dataset} as its manifest in the bucket lists them.
     *
     * @throws IllegalArgumentException when the bucket holds no manifest for the dataset
     */
    public List<PartitionInfo> list(String dataset) {
        return List.copyOf(manifest(dataset).dataset(dataset).partitions.values());
    }

    /**
     * Downloads every object the manifest of {@code dataset} lists, recomputes its SHA-256 and size
     * and compares them with the manifest; also reports objects under the dataset that the manifest
     * does not list.
     */
    public VerifyResult verify(String dataset) {
        List<String> problems = new ArrayList<>();
        Set<String> known = new HashSet<>();
        known.add(location.key(dataset + "/" + MANIFEST));
        List<PartitionInfo> partitions = list(dataset);
        for (PartitionInfo p : partitions) {
            String key = location.key(p.file());
            known.add(key);
            try (GetObjectResponse in = client.getObject(GetObjectArgs.builder().bucket(location.bucket()).object(key).build())) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                long size = 0;
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                    size += n;
                }
                String sha = HexFormat.of().formatHex(digest.digest());
                if (size != p.bytes()) {
                    problems.add(key + ": size " + size + " bytes, manifest says " + p.bytes());
                } else if (!sha.equals(p.sha256())) {
                    problems.add(key + ": SHA-256 " + sha + " differs from the manifest's " + p.sha256());
                }
            } catch (ErrorResponseException e) {
                if (!"NoSuchKey".equals(e.errorResponse().code())) {
                    throw failure(key, e);
                }
                problems.add(key + ": missing");
            } catch (MinioException | IOException | GeneralSecurityException e) {
                throw failure(key, e);
            }
        }
        for (String key : keys(dataset)) {
            if (!known.contains(key)) {
                problems.add(key + ": not in the manifest");
            }
        }
        return new VerifyResult(partitions.size(), problems);
    }

    /**
     * Makes the partitions of {@code symbols} (all symbols when empty) of {@code dataset} available
     * in the cache directory and lists them in its catalog, so that a {@link BarStore} opened on
     * {@link #cacheRoot()} afterwards queries them. A cached file is used when its SHA-256 matches the
     * manifest; otherwise it is downloaded to a temporary file, checked, and moved into place.
     *
     * @throws ObjectStoreException when a downloaded object's SHA-256 differs from the manifest
     */
    public synchronized CacheFill fetch(String dataset, Set<InstrumentId> symbols) {
        return fetch(dataset, symbols, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * Reads through the cache: fetches only the partitions of the query's symbols whose bars overlap
     * its time range (downloading those not cached yet), then answers the query from the cache.
     */
    public synchronized List<BarSeries> query(BarQuery query) {
        fetch(query.dataset(), Set.copyOf(query.symbols()), Clock.toNanos(query.from()), Clock.toNanos(query.to()));
        try (BarStore cache = BarStore.open(cacheRoot)) {
            return cache.query(query);
        }
    }

    private CacheFill fetch(String dataset, Set<InstrumentId> symbols, long from, long to) {
        Catalog manifest = manifest(dataset);
        Catalog.Dataset remote = manifest.dataset(dataset);
        int downloaded = 0;
        int cached = 0;
        long bytes = 0;
        List<PartitionInfo> selected = new ArrayList<>();
        try {
            Files.createDirectories(cacheRoot);
            for (PartitionInfo p : remote.partitions.values()) {
                if ((!symbols.isEmpty() && !symbols.contains(p.symbol())) || p.lastTime() < from || p.firstTime() >= to) {
                    continue;
                }
                selected.add(p);
                Path target = cacheRoot.resolve(p.file()).normalize();
                if (!target.startsWith(cacheRoot)) {
                    throw new IllegalArgumentException("manifest of " + dataset + ": file '" + p.file() + "' lies outside the cache");
                }
                if (isCached(target, p)) {
                    cached++;
                    continue;
                }
                String key = location.key(p.file());
                Path tmp = target.resolveSibling(target.getFileName() + ".download");
                Files.createDirectories(target.getParent());
                Files.deleteIfExists(tmp);
                call(key, () -> {
                    client.downloadObject(DownloadObjectArgs.builder().bucket(location.bucket()).object(key)
                            .filename(tmp.toString()).build());
                    return null;
                });
                String sha = BarStore.sha256(tmp);
                if (!sha.equals(p.sha256())) {
                    Files.deleteIfExists(tmp);
                    throw new ObjectStoreException("ChecksumMismatch", location.bucket() + "/" + key + ": SHA-256 " + sha
                            + " differs from the manifest's " + p.sha256() + "; the object is corrupt", null);
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                verifiedCache.add(target + "\u0000" + p.sha256());
                downloaded++;
                bytes += p.bytes();
            }
            Catalog local = Catalog.load(cacheRoot);
            Catalog.Dataset d = local.dataset(dataset);
            if (d != null && d.barSize != remote.barSize) {
                throw new IllegalStateException("cache " + cacheRoot + ": dataset '" + dataset + "' holds " + d.barSize
                        + " bars, the bucket " + remote.barSize);
            }
            d = local.create(dataset, remote.barSize);
            for (PartitionInfo p : selected) {
                d.partitions.put(Catalog.Dataset.key(p.symbol(), p.year()), p);
            }
            local.save(cacheRoot);
        } catch (IOException e) {
            throw new UncheckedIOException("cache " + cacheRoot + ": " + e.getMessage(), e);
        }
        return new CacheFill(selected, downloaded, cached, bytes);
    }

    /**
     * The outcome of {@link #fetch}.
     *
     * @param partitions      the partitions now in the cache
     * @param downloaded      files downloaded
     * @param fromCache       files already cached with the right checksum
     * @param bytesDownloaded bytes downloaded
     */
    public record CacheFill(List<PartitionInfo> partitions, int downloaded, int fromCache, long bytesDownloaded) {

        public CacheFill {
            partitions = List.copyOf(partitions);
        }
    }

    private boolean isCached(Path target, PartitionInfo p) throws IOException {
        if (!Files.isRegularFile(target) || Files.size(target) != p.bytes()) {
            return false;
        }
        String mark = target + "\u0000" + p.sha256();
        if (verifiedCache.contains(mark)) {
            return true;
        }
        if (BarStore.sha256(target).equals(p.sha256())) {
            verifiedCache.add(mark);
            return true;
        }
        return false;
    }

    private Catalog manifest(String dataset) {
        String key = location.key(dataset + "/" + MANIFEST);
        try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(location.bucket()).object(key).build())) {
            Catalog c = Catalog.read(in, location.bucket() + "/" + key);
            if (c.dataset(dataset) == null) {
                throw new IllegalArgumentException(location.bucket() + "/" + key + ": does not describe dataset '" + dataset + "'");
            }
            return c;
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                throw new IllegalArgumentException("dataset: '" + dataset + "' has no manifest in bucket "
                        + location.bucket() + " (" + key + "); push it first", e);
            }
            throw failure(key, e);
        } catch (MinioException | IOException | GeneralSecurityException e) {
            throw failure(key, e);
        }
    }

    /** Every object key under the dataset's prefix. */
    private List<String> keys(String dataset) {
        String prefix = location.key(dataset + "/");
        List<String> keys = new ArrayList<>();
        for (Result<Item> r : client.listObjects(ListObjectsArgs.builder().bucket(location.bucket()).prefix(prefix)
                .recursive(true).build())) {
            keys.add(call(prefix, () -> r.get().objectName()));
        }
        return keys;
    }

    private String remoteSha(String key) {
        try {
            StatObjectResponse stat = client.statObject(StatObjectArgs.builder().bucket(location.bucket()).object(key).build());
            return stat.userMetadata().getOrDefault(SHA_META, "");
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                return "";
            }
            throw failure(key, e);
        } catch (MinioException | IOException | GeneralSecurityException e) {
            throw failure(key, e);
        }
    }

    private static byte[] bytes(Catalog catalog) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            catalog.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws MinioException, IOException, GeneralSecurityException;
    }

    private <T> T call(String what, Call<T> call) {
        try {
            return call.run();
        } catch (MinioException | IOException | GeneralSecurityException e) {
            throw failure(what, e);
        }
    }

    private ObjectStoreException failure(String what, Exception e) {
        String where = location.endpoint() + " bucket " + location.bucket();
        if (e instanceof ErrorResponseException r) {
            String code = r.errorResponse().code();
            String text = r.errorResponse().message();
            ObjectStoreException x = new ObjectStoreException(code, where + ", " + what + ": " + code
                    + (text == null ? "" : " (" + text + ")"), e);
            if (x.isAuthenticationFailure()) {
                return new ObjectStoreException(code, where + " refused the credentials '" + location.accessKeyName()
                        + "'/'" + location.secretKeyName() + "' (" + code + "): check the access key and secret key in the"
                        + " credential store", e);
            }
            return x;
        }
        return new ObjectStoreException("IO", where + ", " + what + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
}
