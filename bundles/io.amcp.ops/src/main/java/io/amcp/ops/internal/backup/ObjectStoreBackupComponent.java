package io.amcp.ops.internal.backup;

import io.amcp.api.spi.CredentialStore;
import io.amcp.ops.BackupService;
import io.amcp.ops.BackupService.BackupEntry;
import io.amcp.ops.ObjectStoreBackupService;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Registers the {@link ObjectStoreBackupService} when PID {@code io.amcp.ops.backup.s3} is configured.
 * The bucket is contacted on first use (and again after a failure), so a store that is down at start
 * does not keep the component from starting.
 */
@Component(service = ObjectStoreBackupService.class, configurationPid = "io.amcp.ops.backup.s3",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ObjectStoreBackupConfig.class)
public final class ObjectStoreBackupComponent implements ObjectStoreBackupService {

    private final BucketLocation location;
    private final CredentialStore credentials;
    private final BackupService local;
    private final Path staging;
    private ObjectStoreBackups connected;

    @Activate
    public ObjectStoreBackupComponent(@Reference BackupService local, @Reference CredentialStore credentials,
            ObjectStoreBackupConfig config) {
        if (config.endpoint() == null || config.endpoint().isBlank()) {
            throw new IllegalArgumentException("endpoint: required, e.g. http://127.0.0.1:9000");
        }
        URI endpoint;
        try {
            endpoint = URI.create(config.endpoint().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("endpoint: not a URL: '" + config.endpoint() + "'", e);
        }
        this.location = new BucketLocation(endpoint, config.region().trim(), config.bucket().trim(), config.prefix().trim(),
                config.accessKeyName().trim(), config.secretKeyName().trim());
        this.credentials = credentials;
        this.local = local;
        this.staging = Path.of(config.stagingDirectory().isBlank()
                ? System.getProperty("karaf.data", "data") + "/backup-staging" : config.stagingDirectory().trim());
    }

    private synchronized ObjectStoreBackups store() throws IOException {
        if (connected == null) {
            connected = ObjectStoreBackups.connect(location, credentials, local, staging);
        }
        return connected;
    }

    private synchronized void forget() {
        connected = null;
    }

    @Override
    public String location() {
        return location.toString();
    }

    @Override
    public List<BackupEntry> backup(String name) throws IOException {
        try {
            return store().backup(name);
        } catch (IOException e) {
            forget();
            throw e;
        }
    }

    @Override
    public List<String> list() throws IOException {
        try {
            return store().list();
        } catch (IOException e) {
            forget();
            throw e;
        }
    }

    @Override
    public List<BackupEntry> restore(String name) throws IOException {
        try {
            return store().restore(name);
        } catch (IOException e) {
            forget();
            throw e;
        }
    }
}
