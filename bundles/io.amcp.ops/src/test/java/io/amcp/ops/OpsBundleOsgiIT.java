package io.amcp.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The built bundle as Karaf runs it: Felix with SCR and Config Admin, boot delegation of
 * {@code com.sun.*} as in Karaf's config.properties, the bundle's PIDs configured through Config
 * Admin, and a TradingNode and Clock registered as services. Checks that the bundle resolves with
 * Micrometer embedded, that its components activate and register their services, and that the
 * endpoints and the backup service work inside the framework.
 */
class OpsBundleOsgiIT {

    private static final List<String> DEPENDENCIES = List.of("org.osgi.util.function-", "org.osgi.util.promise-",
            "org.osgi.service.component-1", "org.apache.felix.scr-", "org.apache.felix.configadmin-", "io.amcp.api-",
            "io.amcp.core-", "io.amcp.marketdata-");
    /** Installed for its packages (the risk alerts listen to the kernel) but not started: the test registers its own node. */
    private static final String PACKAGES_ONLY = "io.amcp.core-";

    @Test
    void bundleResolvesActivatesAndServesMetricsHealthAndBackups(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.createDirectories(dir.resolve("data/journal"));
        Files.writeString(dir.resolve("data/journal/kernel.journal"), "journal bytes");
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/io.amcp.core.cfg"), "initialCash = 100000\n");

        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, dir.resolve("felix").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_BOOTDELEGATION, "com.sun.*");
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
                "org.slf4j;version=2.0.20,org.slf4j.helpers;version=2.0.20,org.slf4j.spi;version=2.0.20,org.slf4j.event;version=2.0.20");
        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.start();
        try {
            BundleContext ctx = framework.getBundleContext();
            List<Bundle> bundles = new ArrayList<>();
            for (String prefix : DEPENDENCIES) {
                bundles.add(ctx.installBundle(Path.of(jarOnClassPath(prefix)).toUri().toString()));
            }
            Bundle ops = ctx.installBundle(Path.of(System.getProperty("amcp.ops.bundle")).toUri().toString());
            Bundle api = bundles.get(DEPENDENCIES.indexOf("io.amcp.api-"));
            Bundle configAdminBundle = bundles.get(DEPENDENCIES.indexOf("org.apache.felix.configadmin-"));
            for (int i = 0; i < bundles.size(); i++) {
                if (!DEPENDENCIES.get(i).equals(PACKAGES_ONLY)) {
                    bundles.get(i).start();
                }
            }

            Class<?> caType = configAdminBundle.loadClass("org.osgi.service.cm.ConfigurationAdmin");
            Class<?> configurationType = configAdminBundle.loadClass("org.osgi.service.cm.Configuration");
            BundleContext caContext = configAdminBundle.getBundleContext();
            ServiceReference<?> caRef = caContext.getServiceReference(caType.getName());
            Object ca = caContext.getService(caRef);
            Method getConfiguration = caType.getMethod("getConfiguration", String.class, String.class);
            Method update = configurationType.getMethod("update", Dictionary.class);
            Dictionary<String, Object> metrics = new Hashtable<>();
            metrics.put("host", "127.0.0.1");
            metrics.put("port", port);
            update.invoke(getConfiguration.invoke(ca, "io.amcp.ops.metrics", null), metrics);
            Dictionary<String, Object> backup = new Hashtable<>();
            backup.put("dataDirectory", dir.resolve("data").toString());
            backup.put("etcDirectory", dir.resolve("etc").toString());
            update.invoke(getConfiguration.invoke(ca, "io.amcp.ops.backup", null), backup);
            Dictionary<String, Object> daily = new Hashtable<>();
            daily.put("reportDirectory", dir.resolve("reports").toString());
            update.invoke(getConfiguration.invoke(ca, "io.amcp.ops.daily", null), daily);

            Class<?> nodeType = api.loadClass("io.amcp.api.spi.TradingNode");
            Class<?> clockType = api.loadClass("io.amcp.api.spi.Clock");
            Object node = Proxy.newProxyInstance(nodeType.getClassLoader(), new Class<?>[] {nodeType}, (p, m, a) -> {
                throw new IllegalStateException("kernel not started");
            });
            Object clock = Proxy.newProxyInstance(clockType.getClassLoader(), new Class<?>[] {clockType}, (p, m, a) -> {
                if (m.getName().equals("nanos")) {
                    return 1_709_564_400_000_000_000L; // 2024-03-04T15:00:00Z
                }
                return InvocationHandler.invokeDefault(p, m, a);
            });
            api.getBundleContext().registerService(nodeType.getName(), node, null);
            api.getBundleContext().registerService(clockType.getName(), clock, null);
            ops.start();
            assertThat(ops.getState()).isEqualTo(Bundle.ACTIVE);

            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> scrape = await(base + "/metrics");
            assertThat(scrape.statusCode()).isEqualTo(200);
            PrometheusText m = PrometheusText.parse(scrape.body());
            assertThat(m.value("amcp_kernel_up")).isEqualTo(0);
            assertThat(m.has("jvm_threads_live_threads")).isTrue();

            HttpResponse<String> bundleList = await(base + "/health/bundles");
            assertThat(bundleList.body()).contains("\"symbolicName\":\"io.amcp.ops\",\"version\":")
                    .contains("\"symbolicName\":\"org.apache.felix.scr\"");
            HttpResponse<String> ready = await(base + "/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("kernel not started").contains("no broker connector registered");

            // looked up through the ops bundle: the test class path holds its own copy of io.amcp.ops
            assertThat(service(ops.getBundleContext(), "io.amcp.ops.AlertService")).isNotNull();
            assertThat(service(ops.getBundleContext(), "io.amcp.ops.internal.metrics.DataFreshness"))
                    .as("the metrics component is active although the node cannot give its kill switch yet")
                    .isNotNull();
            Object backups = service(ops.getBundleContext(), "io.amcp.ops.BackupService");
            List<?> written = (List<?>) backups.getClass().getMethod("backup", Path.class)
                    .invoke(backups, dir.resolve("backup"));
            assertThat(written).hasSize(2);
            assertThat(Files.readString(dir.resolve("backup/journal/kernel.journal"))).isEqualTo("journal bytes");
            assertThat(Files.readString(dir.resolve("backup/SHA256SUMS")))
                    .contains("  etc/io.amcp.core.cfg\n").contains("  journal/kernel.journal\n");
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    private static Object service(BundleContext ctx, String type) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            ServiceReference<?> ref = ctx.getServiceReference(type);
            if (ref != null) {
                return ctx.getService(ref);
            }
            Thread.sleep(50);
        }
        return null;
    }

    /** GETs a URL, retrying while the component is still starting (connection refused). */
    private static HttpResponse<String> await(String url) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
        for (int i = 0; ; i++) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.net.ConnectException e) {
                if (i >= 100) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static String jarOnClassPath(String prefix) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith(prefix) && name.endsWith(".jar")) {
                return entry;
            }
        }
        throw new IllegalStateException("no " + prefix + "*.jar on the test class path");
    }
}
