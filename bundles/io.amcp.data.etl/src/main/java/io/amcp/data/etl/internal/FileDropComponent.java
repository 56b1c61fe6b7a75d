package io.amcp.data.etl.internal;

import io.amcp.data.BarStore;
import io.amcp.data.etl.FileDropRoutes;
import io.amcp.data.etl.FileDropSettings;
import io.amcp.datasource.file.BarSize;
import java.nio.file.Path;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Runs the file-drop route into the shared history store ({@link HistoryStoreComponent}) in its own
 * Camel context {@code amcp-etl}. Needs its configuration (PID {@code io.amcp.data.etl.filedrop}) to start.
 */
@Component(service = {}, configurationPid = "io.amcp.data.etl.filedrop", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = FileDropConfig.class)
public final class FileDropComponent {

    private final RunningCamel camel;

    @Activate
    public FileDropComponent(BundleContext bundleContext, @Reference BarStore store, FileDropConfig config)
            throws Exception {
        camel = new RunningCamel(bundleContext, "amcp-etl", new FileDropRoutes(store, settings(config)));
    }

    static FileDropSettings settings(FileDropConfig config) {
        Path inbox = Path.of(config.inbox());
        return new FileDropSettings(inbox, config.dataset(),
                config.barSize().isBlank() ? null : BarSize.parse(config.barSize()),
                config.reports().isBlank() ? inbox.resolve(".reports") : Path.of(config.reports()), config.pollMillis());
    }

    @Deactivate
    void deactivate() {
        camel.stop();
    }
}
