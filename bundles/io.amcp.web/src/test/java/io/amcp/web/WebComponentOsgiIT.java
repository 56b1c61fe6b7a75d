package io.amcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.File;
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
 * The DS component as Karaf runs it: Felix with SCR and Config Admin, the component configured
 * through Config Admin (PID {@code io.amcp.web.alpaca}), a TradingNode and Clock registered as
 * services. The platform API lists the framework's real bundles and reads and changes a strategy's
 * factory configuration in Config Admin, as {@code amcp:strategy-params} does.
 */
class WebComponentOsgiIT {

    private static final List<String> DEPENDENCIES = List.of("org.osgi.util.function-", "org.osgi.util.promise-",
            "org.osgi.service.component-1", "org.apache.felix.scr-", "org.apache.felix.configadmin-", "io.amcp.api-",
            "io.amcp.marketdata-", "io.amcp.codec-", "jackson-core-", "netty-common-", "netty-buffer-", "netty-transport-4", "netty-transport-native-unix-common-",
            "netty-resolver-4", "netty-resolver-dns-", "netty-codec-base-", "netty-codec-compression-", "netty-codec-dns-",
            "netty-codec-socks-", "netty-codec-http-", "netty-codec-http2-", "netty-handler-4", "netty-handler-proxy-");

    @Test
    void componentServesBundlesAndStrategyParametersFromConfigAdmin(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys");
        Files.write(keys, List.of(new ApiKeyStore(1_000).add("PKADMIN", "admin-secret-0123456789", Role.ADMIN)));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, dir.resolve("felix").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
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
            Bundle web = ctx.installBundle(Path.of(System.getProperty("amcp.web.bundle")).toUri().toString());
            Bundle api = bundles.get(DEPENDENCIES.indexOf("io.amcp.api-"));
            Bundle configAdminBundle = bundles.get(DEPENDENCIES.indexOf("org.apache.felix.configadmin-"));
            for (Bundle b : bundles) {
                b.start();
            }

            Class<?> caType = configAdminBundle.loadClass("org.osgi.service.cm.ConfigurationAdmin");
            Class<?> configurationType = configAdminBundle.loadClass("org.osgi.service.cm.Configuration");
            // look services up and register them through bundles wired to their packages: the test's own
            // class path holds copies of the OSGi and AMCP API classes that the bundles must not see
            BundleContext caContext = configAdminBundle.getBundleContext();
            ServiceReference<?> caRef = caContext.getServiceReference(caType.getName());
            Object ca = caContext.getService(caRef);
            Method update = configurationType.getMethod("update", Dictionary.class);
            Object webConfig = caType.getMethod("getConfiguration", String.class, String.class).invoke(ca, "io.amcp.web.alpaca", null);
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("host", "127.0.0.1");
            props.put("port", port);
            props.put("keysFile", keys.toString());
            props.put("nodeId", "osgi-node");
            update.invoke(webConfig, props);
            Object strategyConfig = caType.getMethod("getFactoryConfiguration", String.class, String.class, String.class)
                    .invoke(ca, "io.amcp.strategy.smacross", "aapl", null);
            Dictionary<String, Object> params = new Hashtable<>();
            params.put("id", "sma-osgi");
            params.put("fast", 10);
            params.put("slow", 30);
            params.put("symbol", "AAPL");
            update.invoke(strategyConfig, params);

            Class<?> nodeType = api.loadClass("io.amcp.api.spi.TradingNode");
            Class<?> clockType = api.loadClass("io.amcp.api.spi.Clock");
            Object node = Proxy.newProxyInstance(nodeType.getClassLoader(), new Class<?>[] {nodeType}, (p, m, a) -> {
                if (m.getName().equals("strategies")) {
                    return List.of();
                }
                throw new UnsupportedOperationException(m.getName());
            });
            Object clock = Proxy.newProxyInstance(clockType.getClassLoader(), new Class<?>[] {clockType}, (p, m, a) -> {
                if (m.getName().equals("nanos")) {
                    return 1_700_000_000_000_000_000L;
                }
                return java.lang.reflect.InvocationHandler.invokeDefault(p, m, a);
            });
            api.getBundleContext().registerService(nodeType.getName(), node, null);
            api.getBundleContext().registerService(clockType.getName(), clock, null);
            web.start();
            assertThat(web.getState()).isEqualTo(Bundle.ACTIVE);

            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> list = await(base + "/api/v1/bundles", "GET", null);
            assertThat(list.statusCode()).isEqualTo(200);
            JsonArray rows = new JsonArray(list.body());
            assertThat(rows.stream().map(o -> ((JsonObject) o).getString("symbolic_name")))
                    .contains("io.amcp.web", "org.apache.felix.scr", "org.apache.felix.configadmin");
            assertThat(new JsonArray(await(base + "/api/v1/nodes", "GET", null).body()).getJsonObject(0).getString("id"))
                    .isEqualTo("osgi-node");

            JsonObject read = new JsonObject(await(base + "/api/v1/strategies/sma-osgi/params", "GET", null).body());
            assertThat(read.getJsonObject("params").getInteger("fast")).isEqualTo(10);
            JsonObject changed = new JsonObject(await(base + "/api/v1/strategies/sma-osgi/params", "PUT", "{\"fast\":\"12\"}").body());
            assertThat(changed.getJsonObject("params").getInteger("fast")).isEqualTo(12);
            @SuppressWarnings("unchecked")
            Dictionary<String, Object> stored = (Dictionary<String, Object>) configurationType.getMethod("getProperties")
                    .invoke(strategyConfig);
            assertThat(stored.get("fast")).isEqualTo(12);
            HttpResponse<String> unknown = await(base + "/api/v1/strategies/nope/params", "GET", null);
            assertThat(unknown.statusCode()).isEqualTo(422);
            assertThat(unknown.body()).contains("id: 0 strategy configurations have id=nope");

            // the component subscribes to the market data hub: a bar published there becomes the latest bar served
            Class<?> hubType = api.loadClass("io.amcp.api.spi.MarketDataHub");
            Class<?> marketDataType = api.loadClass("io.amcp.api.model.MarketData");
            Class<?> barType = api.loadClass("io.amcp.api.model.Bar");
            Class<?> idType = api.loadClass("io.amcp.api.model.InstrumentId");
            ServiceReference<?> hubRef = api.getBundleContext().getServiceReference(hubType.getName());
            Object hub = api.getBundleContext().getService(hubRef);
            Object bar = barType.getMethod("of", idType, long.class, double.class, double.class, double.class, double.class,
                    double.class).invoke(null, idType.getMethod("of", String.class).invoke(null, "AAPL"),
                    1_700_000_060_000_000_000L, 100.0, 101.0, 99.0, 100.5, 1_000.0);
            hubType.getMethod("publish", marketDataType).invoke(hub, bar);
            JsonObject latest = null;
            for (int i = 0; i < 100; i++) { // delivered on the subscriber's own thread
                HttpResponse<String> r = await(base + "/v2/stocks/AAPL/bars/latest", "GET", null);
                if (r.statusCode() == 200) {
                    latest = new JsonObject(r.body());
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(latest).as("the latest AAPL bar").isNotNull();
            // ends 1_700_000_060 s = 2023-11-14T22:14:20Z, within the minute starting 22:14:00
            assertThat(latest.getJsonObject("bar").getDouble("c")).isEqualTo(100.5);
            assertThat(latest.getJsonObject("bar").getString("t")).isEqualTo("2023-11-14T22:14:00Z");
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    /** Sends a request, retrying while the component is still starting (connection refused). */
    private static HttpResponse<String> await(String url, String method, String body) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("APCA-API-KEY-ID", "PKADMIN")
                .header("APCA-API-SECRET-KEY", "admin-secret-0123456789").header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
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
