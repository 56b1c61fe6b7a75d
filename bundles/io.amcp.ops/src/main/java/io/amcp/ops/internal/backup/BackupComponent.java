package io.amcp.ops.internal.backup;

import io.amcp.ops.BackupService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/** Registers the {@link BackupService} over the platform's state locations. */
@Component(service = BackupService.class, configurationPid = "io.amcp.ops.backup")
@Designate(ocd = BackupConfig.class)
public final class BackupComponent implements BackupService {

    private final BackupManager manager;

    @Activate
    public BackupComponent(BackupConfig config) {
        Path data = Path.of(config.dataDirectory().isBlank() ? System.getProperty("karaf.data", "data")
                : config.dataDirectory().trim());
        Path etc = Path.of(config.etcDirectory().isBlank() ? System.getProperty("karaf.etc", "etc")
                : config.etcDirectory().trim());
        Path catalog = config.catalogDirectory().isBlank() ? null : Path.of(config.catalogDirectory().trim());
        this.manager = new BackupManager(BackupSource.platform(data, etc, catalog));
    }

    @Override
    public List<BackupEntry> backup(Path directory) throws IOException {
        return manager.backup(directory);
    }

    @Override
    public List<BackupEntry> restore(Path directory) throws IOException {
        return manager.restore(directory);
    }
}
