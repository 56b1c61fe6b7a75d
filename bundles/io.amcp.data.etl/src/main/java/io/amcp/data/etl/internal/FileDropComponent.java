package io.amcp.data.etl.internal;

import io.amcp.data.BarStore;
import io.amcp.data.etl.FileDropRoutes;
import io.amcp.data.etl.FileDropSettings;
import io.amcp.datasource.file.BarSize;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import org.apache.camel.CamelContext;
import org.apache.camel.core.osgi.OsgiDefaultCamelContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Runs the file-drop route in its own Camel context inside Karaf: opens the history store, starts an
 * OSGi-aware Camel context, adds the route once the context runs, and registers the context as a
 * {@link CamelContext} service (property {@code camel.context.name=amcp-etl}) for Camel's tooling.
 * Needs its configuration (PID {@code io.amcp.data.etl.filedrop}) to start.
 */
@Component(service = {}, configurationPid = "io.amcp.data.etl.filedrop", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = FileDropConfig.class)
public final class FileDropComponent {

    private final BarStore store;
    private final CamelContext camel;
    private final ServiceRegistration<CamelContext> registration;

    @Activate
    public FileDropComponent(BundleContext bundleContext, FileDropConfig config) throws Exception {
        Path inbox = Path.of(config.inbox());
        FileDropSettings settings = new FileDropSettings(inbox, config.dataset(),
                config.barSize().isBlank() ? null : BarSize.parse(config.barSize()),
                config.reports().isBlank() ? inbox.resolve(".reports") : Path.of(config.reports()), config.pollMillis());
        store = BarStore.open(Path.of(config.storeDirectory()));
        OsgiDefaultCamelContext context = new OsgiDefaultCamelContext(bundleContext);
        context.setName("amcp-etl");
        try {
            context.start();
            context.addRoutes(new FileDropRoutes(store, settings));
        } catch (Exception e) {
            context.stop();
            store.close();
            throw e;
        }
        camel = context;
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("camel.context.name", "amcp-etl");
        registration = bundleContext.registerService(CamelContext.class, context, props);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        camel.stop();
        store.close();
    }
}
