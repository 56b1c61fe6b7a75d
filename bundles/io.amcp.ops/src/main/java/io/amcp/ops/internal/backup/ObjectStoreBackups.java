package io.amcp.ops.internal.backup;

import io.amcp.api.spi.CredentialStore;
import io.amcp.ops.BackupService;
import io.amcp.ops.BackupService.BackupEntry;
import io.amcp.ops.BackupService.CorruptBackupException;
import io.amcp.ops.ObjectStoreBackupService;
import io.minio.BucketExistsArgs;
import io.minio.DownloadObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.UploadObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.Item;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@link ObjectStoreBackupService} over a local {@link BackupService}, through the MinIO Java SDK
 * (the approach of {@code io.amcp.data}'s object-store tier). A backup is first written locally by
 * the local service into a staging folder, then each file is uploaded under
 * {@code <prefix>/<name>/<path>} with its SHA-256 as user metadata {@code sha256}, and the manifest
 * last: the manifest is the commit point. A restore downloads the manifest and the files it lists into
 * a staging folder and hands it to the local service, which checks every checksum before writing
 * anything. Staging folders are removed afterwards.
 */
public final class ObjectStoreBackups implements ObjectStoreBackupService {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final String SHA_META = "sha256";
    private static final long PART_SIZE = 16L << 20;
    private static final Set<String> REFUSED = Set.of("AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch");

    private final BucketLocation location;
    private final MinioClient client;
    private final BackupService local;
    private final Path staging;

    private ObjectStoreBackups(BucketLocation location, MinioClient client, BackupService local, Path staging) {
        this.location = location;
        this.client = client;
        this.local = local;
        this.staging = staging;
    }

    /**
     * Connects to the bucket, creating it when it does not exist; that first request also checks the
     * credentials.
     *
     * @param credentials holds the access and secret key under the location's credential names
     * @param local       takes and restores the snapshots
     * @param staging     local folder for the snapshot being uploaded or downloaded
     * @throws IllegalStateException when a credential is missing (naming it)
     * @throws IOException           when the server refuses the credentials or cannot be reached
     */
    public static ObjectStoreBackups connect(BucketLocation location, CredentialStore credentials, BackupService local,
            Path staging) throws IOException {
        MinioClient client = MinioClient.builder().endpoint(location.endpoint().toString()).region(location.region())
                .credentials(credentials.require(location.accessKeyName()), credentials.require(location.secretKeyName()))
                .build();
        ObjectStoreBackups store = new ObjectStoreBackups(location, client, local, staging);
        store.call("bucket " + location.bucket(), () -> {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(location.bucket()).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(location.bucket()).region(location.region()).build());
            }
            return null;
        });
        return store;
    }

    @Override
    public String location() {
        return location.toString();
    }

    @Override
    public List<BackupEntry> backup(String name) throws IOException {
        requireName(name);
        String manifestKey = location.key(name, BackupService.MANIFEST);
        if (exists(manifestKey)) {
            throw new IllegalArgumentException("name: a backup '" + name + "' already exists in " + location);
        }
        Path work = Files.createDirectories(staging).resolve(".upload-" + name);
        deleteTree(work);
        try {
            List<BackupEntry> entries = local.backup(work);
            for (BackupEntry e : entries) {
                upload(location.key(name, e.path()), work.resolve(e.path()), Map.of(SHA_META, e.sha256()));
            }
            upload(manifestKey, work.resolve(BackupService.MANIFEST), Map.of());
            return entries;
        } finally {
            deleteTree(work);
        }
    }

    @Override
    public List<String> list() throws IOException {
        String folder = location.folder();
        String suffix = "/" + BackupService.MANIFEST;
        List<String> names = new ArrayList<>();
        for (Result<Item> r : client.listObjects(ListObjectsArgs.builder().bucket(location.bucket()).prefix(folder)
                .recursive(true).build())) {
            String key = call("list " + folder, r::get).objectName();
            String rest = key.substring(folder.length());
            if (rest.endsWith(suffix) && rest.indexOf('/') == rest.length() - suffix.length()) {
                names.add(rest.substring(0, rest.length() - suffix.length()));
            }
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    @Override
    public List<BackupEntry> restore(String name) throws IOException {
        requireName(name);
        Path work = Files.createDirectories(staging).resolve(".download-" + name);
        deleteTree(work);
        try {
            Files.createDirectories(work);
            Path manifest = work.resolve(BackupService.MANIFEST);
            if (!download(location.key(name, BackupService.MANIFEST), manifest)) {
                throw new CorruptBackupException(BackupService.MANIFEST, "no backup '" + name + "' in " + location);
            }
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                if (line.length() < 67) {
                    continue; // the local service names the malformed line
                }
                String path = line.substring(66);
                Path target = work.resolve(path).normalize();
                if (!target.startsWith(work)) {
                    throw new CorruptBackupException(path, "resolves outside the backup");
                }
                Files.createDirectories(target.getParent());
                download(location.key(name, path), target); // a missing object is named by the local check
            }
            return local.restore(work);
        } finally {
            deleteTree(work);
        }
    }

    private static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: expected letters, digits, '.', '_' or '-', was '" + name + "'");
        }
    }

    private boolean exists(String key) throws IOException {
        try {
            client.statObject(StatObjectArgs.builder().bucket(location.bucket()).object(key).build());
            return true;
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                return false;
            }
            throw failure(key, e);
        } catch (MinioException | GeneralSecurityException e) {
            throw failure(key, e);
        }
    }

    private void upload(String key, Path file, Map<String, String> metadata) throws IOException {
        call(key, () -> client.uploadObject(UploadObjectArgs.builder().bucket(location.bucket()).object(key)
                .filename(file.toString(), PART_SIZE).userMetadata(metadata).build()));
    }

    /** Downloads an object; false when there is no such object. */
    private boolean download(String key, Path target) throws IOException {
        try {
            Files.deleteIfExists(target);
            client.downloadObject(DownloadObjectArgs.builder().bucket(location.bucket()).object(key)
                    .filename(target.toString()).build());
            return true;
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                return false;
            }
            throw failure(key, e);
        } catch (MinioException | GeneralSecurityException e) {
            throw failure(key, e);
        }
    }

    @FunctionalInterface
    private interface StoreCall<T> {
        T run() throws MinioException, GeneralSecurityException, IOException;
    }

    private <T> T call(String what, StoreCall<T> call) throws IOException {
        try {
            return call.run();
        } catch (MinioException | GeneralSecurityException e) {
            throw failure(what, e);
        }
    }

    private IOException failure(String what, Exception e) {
        if (e instanceof ErrorResponseException r && REFUSED.contains(r.errorResponse().code())) {
            return new IOException(location.endpoint() + " refused the credentials " + location.accessKeyName() + "/"
                    + location.secretKeyName() + " (" + r.errorResponse().code() + ") for " + what, e);
        }
        return new IOException(location + ": " + what + " failed: " + e.getMessage(), e);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
