package io.amcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The built bundle in a real OSGi framework (Apache Felix with Felix SCR, as Karaf's scr feature) with
 * the netty 4.2 and jackson-core bundles beside it, as the feature installs them: it resolves, and the Vert.x embedded in it serves
 * {@code GET /v2/clock} on 127.0.0.1. slf4j comes from the system bundle (Karaf's pax-logging role).
 */
class WebBundleOsgiIT {

    private static final List<String> DEPENDENCIES = List.of("org.osgi.util.function-", "org.osgi.util.promise-",
            "org.osgi.service.component-1", "org.apache.felix.scr-", "io.amcp.api-", "io.amcp.codec-", "jackson-core-", "netty-common-",
            "netty-buffer-", "netty-transport-4", "netty-transport-native-unix-common-", "netty-resolver-4",
            "netty-resolver-dns-", "netty-codec-base-", "netty-codec-compression-", "netty-codec-dns-",
            "netty-codec-socks-", "netty-codec-http-", "netty-codec-http2-", "netty-handler-4", "netty-handler-proxy-");

    @Test
    void bundleResolvesAndServesTheClock(@TempDir Path storage) throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
                "org.slf4j;version=2.0.20,org.slf4j.helpers;version=2.0.20,org.slf4j.spi;version=2.0.20,org.slf4j.event;version=2.0.20");
        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.start();
        try {
            List<Bundle> bundles = new ArrayList<>();
            for (String prefix : DEPENDENCIES) {
                bundles.add(framework.getBundleContext().installBundle(Path.of(jarOnClassPath(prefix)).toUri().toString()));
            }
            Bundle web = framework.getBundleContext().installBundle(
                    Path.of(System.getProperty("amcp.web.bundle")).toUri().toString());
            bundles.add(web);
            for (Bundle b : bundles) {
                b.start();
            }
            assertThat(web.getState()).isEqualTo(Bundle.ACTIVE);

            Class<?> clockType = web.loadClass("io.amcp.api.spi.Clock");
            Class<?> nodeType = web.loadClass("io.amcp.api.spi.TradingNode");
            long now = java.time.Instant.parse("2024-03-04T15:00:00Z").getEpochSecond() * 1_000_000_000L;
            Object clock = Proxy.newProxyInstance(clockType.getClassLoader(), new Class<?>[] {clockType}, (p, m, a) -> {
                if (m.getName().equals("nanos")) {
                    return now;
                }
                return java.lang.reflect.InvocationHandler.invokeDefault(p, m, a);
            });
            Object node = Proxy.newProxyInstance(nodeType.getClassLoader(), new Class<?>[] {nodeType}, (p, m, a) -> {
                throw new UnsupportedOperationException(m.getName());
            });
            Class<?> storeType = web.loadClass("io.amcp.web.ApiKeyStore");
            Class<?> roleType = web.loadClass("io.amcp.web.Role");
            Class<?> settingsType = web.loadClass("io.amcp.web.AlpacaApiSettings");
            Object store = storeType.getConstructor(int.class).newInstance(1_000);
            @SuppressWarnings({"unchecked", "rawtypes"})
            Object viewer = Enum.valueOf((Class) roleType, "VIEWER");
            storeType.getMethod("add", String.class, String.class, roleType).invoke(store, "PKOSGI", "osgi-secret-0123456789", viewer);
            Object settings = settingsType.getMethod("defaults").invoke(null);
            // with the platform API and console, but without the optional backtest/options/model bundles
            Class<?> servicesType = web.loadClass("io.amcp.web.PlatformServices");
            Object builder = servicesType.getMethod("builder", String.class).invoke(null, "osgi-node");
            Object services = builder.getClass().getMethod("build").invoke(builder);
            Object server = web.loadClass("io.amcp.web.AlpacaApiServer")
                    .getConstructor(nodeType, storeType, clockType, settingsType, servicesType)
                    .newInstance(node, store, clock, settings, services);
            Method start = server.getClass().getMethod("start", String.class, int.class);
            int port = (int) start.invoke(server, "127.0.0.1", 0);
            try {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/v2/clock")).header("APCA-API-KEY-ID", "PKOSGI")
                        .header("APCA-API-SECRET-KEY", "osgi-secret-0123456789").build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("\"timestamp\":\"2024-03-04T10:00:00-05:00\"").contains("\"is_open\":true");
                // the console and its chart library come from the bundle's own class path
                assertThat(get(port, "/console/", null).body()).contains("<title>AMCP console</title>");
                assertThat(get(port, "/console/vendor/echarts.min.js", null).statusCode()).isEqualTo(200);
                assertThat(get(port, "/api/v1/openapi.json", null).body()).contains("\"openapi\"");
                assertThat(get(port, "/api/v1/datasets", "PKOSGI").body()).isEqualTo("[]");
                HttpResponse<String> chain = get(port, "/api/v1/options/chain?spot=100", "PKOSGI");
                assertThat(chain.statusCode()).isEqualTo(503);
                assertThat(chain.body()).contains("io/amcp/options");
            } finally {
                server.getClass().getMethod("stop").invoke(server);
            }
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    private static HttpResponse<String> get(int port, String path, String keyId) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (keyId != null) {
            b.header("APCA-API-KEY-ID", keyId).header("APCA-API-SECRET-KEY", "osgi-secret-0123456789");
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
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
