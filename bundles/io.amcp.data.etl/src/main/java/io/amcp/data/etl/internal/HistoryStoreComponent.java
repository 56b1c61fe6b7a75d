package io.amcp.data.etl.internal;

import io.amcp.data.BarStore;
import java.nio.file.Path;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Opens the history store ({@link BarStore}) in the configured directory and registers it as a
 * service, so that the file-drop, Alpaca pull and live routes share one store (a {@code BarStore}
 * must be opened once per directory and process). PID {@code io.amcp.data.etl.store}.
 */
@Component(service = {}, immediate = true, configurationPid = "io.amcp.data.etl.store")
@Designate(ocd = HistoryStoreConfig.class)
public final class HistoryStoreComponent {

    private final BarStore store;
    private final ServiceRegistration<BarStore> registration;

    @Activate
    public HistoryStoreComponent(BundleContext bundleContext, HistoryStoreConfig config) {
        Path directory = config.storeDirectory().isBlank()
                ? Path.of(System.getProperty("karaf.data", "data"), "history") : Path.of(config.storeDirectory().trim());
        store = BarStore.open(directory);
        registration = bundleContext.registerService(BarStore.class, store, null);
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping and took the registration with it
        }
        store.close();
    }
}
