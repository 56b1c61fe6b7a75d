package io.amcp.data.etl.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.core.osgi.OsgiDefaultCamelContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * One ETL component's OSGi-aware Camel context: started, then given its routes (Camel in Karaf
 * wants routes added after the context runs), and registered as a {@link CamelContext} service
 * (property {@code camel.context.name}) for Camel's tooling.
 */
final class RunningCamel {

    private final CamelContext context;
    private final ServiceRegistration<CamelContext> registration;

    RunningCamel(BundleContext bundleContext, String name, RoutesBuilder routes) throws Exception {
        OsgiDefaultCamelContext camel = new OsgiDefaultCamelContext(bundleContext);
        camel.setName(name);
        try {
            camel.start();
            camel.addRoutes(routes);
        } catch (Exception e) {
            camel.stop();
            throw e;
        }
        context = camel;
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("camel.context.name", name);
        registration = bundleContext.registerService(CamelContext.class, camel, props);
    }

    CamelContext context() {
        return context;
    }

    void stop() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping and took the registration with it
        }
        context.stop();
    }
}
