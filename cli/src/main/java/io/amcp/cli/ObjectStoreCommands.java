package io.amcp.cli;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.CredentialStore;
import io.amcp.data.BarStore;
import io.amcp.data.DatasetSummary;
import io.amcp.data.ObjectStoreException;
import io.amcp.data.ObjectStoreLocation;
import io.amcp.data.ObjectStoreTier;
import io.amcp.data.PartitionInfo;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.Item;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code amcp data push} and {@code amcp data pull}: datasets of a local history store to and from an
 * S3-compatible bucket (MinIO, AWS S3) through the store's object-store tier ({@link ObjectStoreTier}).
 * The key pair comes from the environment variables {@value #ACCESS_KEY} and {@value #SECRET_KEY}, never
 * from the command line (which other users of the machine can read), and is never printed.
 */
final class ObjectStoreCommands {

    /** Environment variable holding the S3 access key. */
    static final String ACCESS_KEY = "AMCP_S3_ACCESS_KEY";
    /** Environment variable holding the S3 secret key. */
    static final String SECRET_KEY = "AMCP_S3_SECRET_KEY";

    private ObjectStoreCommands() {
    }

    /** The bucket both verbs talk to, the key pair from the environment, and the checks before a transfer. */
    abstract static class BucketCommand extends DataCommand.StoreOption implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @ParentCommand
        DataCommand data;

        @Option(names = "--endpoint", required = true, description = "S3 endpoint URL, e.g. http://127.0.0.1:9000") String endpoint;
        @Option(names = "--bucket", required = true, description = "Bucket name") String bucket;
        @Option(names = "--prefix", defaultValue = "", description = "Key prefix inside the bucket (default: none)") String prefix;
        @Option(names = "--region", defaultValue = "us-east-1", description = "Region (default ${DEFAULT-VALUE})") String region;

        ObjectStoreLocation location() {
            URI uri;
            try {
                uri = new URI(endpoint);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("--endpoint: not a URL: '" + endpoint + "'", e);
            }
            try {
                return new ObjectStoreLocation(uri, region, bucket, prefix, ACCESS_KEY, SECRET_KEY);
            } catch (IllegalArgumentException e) {
                // the record names its field (endpoint, region, bucket, prefix): name the option instead
                throw new IllegalArgumentException("--" + e.getMessage(), e);
            }
        }

        CredentialStore credentials() {
            Map<String, String> environment = data.environment();
            for (String name : List.of(ACCESS_KEY, SECRET_KEY)) {
                String value = environment.get(name);
                if (value == null || value.isBlank()) {
                    throw new IllegalArgumentException(name + ": not set; export the S3 "
                            + (name.equals(ACCESS_KEY) ? "access" : "secret") + " key in this environment variable");
                }
            }
            return name -> Optional.ofNullable(environment.get(name));
        }

        /**
         * Checks the key pair and the bucket with one listing request: unlike a HEAD request its error
         * response has a body, whose code says which of the two is wrong.
         *
         * @param mayBeMissing whether a missing bucket is acceptable (the tier then creates it)
         */
        void checkBucket(ObjectStoreLocation location, CredentialStore credentials, boolean mayBeMissing) {
            MinioClient client = MinioClient.builder().endpoint(location.endpoint().toString()).region(location.region())
                    .credentials(credentials.require(ACCESS_KEY), credentials.require(SECRET_KEY)).build();
            String where = "the server at " + location.endpoint();
            try {
                for (Result<Item> first : client.listObjects(ListObjectsArgs.builder().bucket(location.bucket()).maxKeys(1).build())) {
                    first.get();
                    break;
                }
            } catch (ErrorResponseException e) {
                String code = e.errorResponse().code();
                switch (code) {
                    case "NoSuchBucket" -> {
                        if (!mayBeMissing) {
                            throw new IllegalArgumentException("--bucket: " + where + " has no bucket '" + location.bucket() + "'"
                                    + (this instanceof Push ? " (pass --create-bucket to create it)" : ""));
                        }
                    }
                    case "InvalidAccessKeyId" -> throw new IllegalArgumentException(ACCESS_KEY + ": " + where
                            + " knows no such access key (InvalidAccessKeyId)");
                    case "SignatureDoesNotMatch" -> throw new IllegalArgumentException(SECRET_KEY + ": " + where
                            + " refused the request signature: the secret key is not the one of the access key in " + ACCESS_KEY
                            + " (SignatureDoesNotMatch)");
                    case "AccessDenied" -> throw new IllegalArgumentException(ACCESS_KEY + ": " + where
                            + " denies this access key the bucket '" + location.bucket() + "' (AccessDenied)");
                    default -> throw new ObjectStoreException(code, where + ", bucket " + location.bucket() + ": " + code
                            + " (" + e.errorResponse().message() + ")", e);
                }
            } catch (MinioException | IOException | GeneralSecurityException e) {
                throw new ObjectStoreException("IO", where + ": cannot list bucket " + location.bucket() + ": " + e.getMessage(), e);
            }
        }

        String describe(ObjectStoreLocation location) {
            return location.endpoint() + "/" + location.bucket() + (location.prefix().isEmpty() ? "" : "/" + location.prefix());
        }
    }

    @Command(name = "push", description = "Uploads datasets of the store to an S3 bucket: partition files the bucket already holds "
            + "with the same SHA-256 are skipped, the manifest goes last, objects it no longer lists are removed. "
            + "Keys from the environment: " + ACCESS_KEY + ", " + SECRET_KEY + ".")
    static final class Push extends BucketCommand {

        @Option(names = "--dataset", split = ",", description = "Datasets to push (default: every dataset of the store)")
        List<String> datasets;

        @Option(names = "--create-bucket", description = "Create the bucket when it does not exist")
        boolean createBucket;

        @Override
        public Integer call() {
            ObjectStoreLocation location = location();
            CredentialStore credentials = credentials();
            if (!Files.isDirectory(store)) {
                throw new IllegalArgumentException("--store: no such directory: " + store);
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (BarStore s = BarStore.open(store)) {
                List<String> known = s.datasets().stream().map(DatasetSummary::id).toList();
                List<String> chosen = datasets == null ? known : datasets;
                if (chosen.isEmpty()) {
                    throw new IllegalArgumentException("--store: " + store + " holds no datasets");
                }
                for (String d : chosen) {
                    if (!known.contains(d)) {
                        throw new IllegalArgumentException("--dataset: '" + d + "' is not in the store " + store + " (it holds: "
                                + String.join(", ", known) + ")");
                    }
                }
                checkBucket(location, credentials, createBucket);
                ObjectStoreTier tier = ObjectStoreTier.connect(location, credentials, store);
                for (String d : chosen) {
                    List<PartitionInfo> local = s.partitions(d);
                    err.printf("pushing %s: %d partition files, %,d bytes, to %s%n", d, local.size(),
                            local.stream().mapToLong(PartitionInfo::bytes).sum(), describe(location));
                    err.flush();
                    List<PartitionInfo> uploaded = tier.push(s, d);
                    out.printf("%s: uploaded %d of %d partition files (%,d bytes), %d unchanged%n", d, uploaded.size(), local.size(),
                            uploaded.stream().mapToLong(PartitionInfo::bytes).sum(), local.size() - uploaded.size());
                    out.flush();
                }
            }
            return 0;
        }
    }

    @Command(name = "pull", description = "Downloads datasets from an S3 bucket into the store, each file checked against the "
            + "SHA-256 of the bucket's manifest; files already present with that checksum are kept. "
            + "Keys from the environment: " + ACCESS_KEY + ", " + SECRET_KEY + ".")
    static final class Pull extends BucketCommand {

        @Option(names = "--dataset", required = true, split = ",", description = "Datasets to pull")
        List<String> datasets;

        @Option(names = "--symbols", split = ",", description = "Only these symbols (default: all)")
        List<String> symbols;

        @Override
        public Integer call() {
            ObjectStoreLocation location = location();
            CredentialStore credentials = credentials();
            Set<InstrumentId> wanted = new LinkedHashSet<>();
            for (String symbol : symbols == null ? List.<String>of() : symbols) {
                try {
                    wanted.add(InstrumentId.of(symbol));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--symbols: " + e.getMessage(), e);
                }
            }
            checkBucket(location, credentials, false);
            ObjectStoreTier tier = ObjectStoreTier.connect(location, credentials, store);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            for (String d : datasets) {
                err.printf("pulling %s from %s into %s%n", d, describe(location), tier.cacheRoot());
                err.flush();
                ObjectStoreTier.CacheFill fill = tier.fetch(d, wanted);
                long rows = fill.partitions().stream().mapToLong(PartitionInfo::rows).sum();
                out.printf("%s: %d partition files, %,d rows: %d downloaded (%,d bytes), %d already present%n", d,
                        fill.partitions().size(), rows, fill.downloaded(), fill.bytesDownloaded(), fill.fromCache());
                out.flush();
            }
            return 0;
        }
    }
}
