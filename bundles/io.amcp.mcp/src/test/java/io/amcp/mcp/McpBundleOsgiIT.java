package io.amcp.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.amcp.web.ApiKeyStore;
import io.amcp.web.Role;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.File;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * The built bundle in a real OSGi framework (Apache Felix with Felix SCR, as Karaf's
 * scr feature; components on their default configuration) beside the kernel, the web bundle (for the API keys) and the MCP SDK's bundles: it
 * resolves, its DS component activates over the kernel's TradingNode, and an MCP client outside the
 * framework lists the tools and reads the account over Streamable HTTP. The JDK HTTP server is
 * reached through boot delegation of com.sun.*, as in Karaf's etc/custom.properties.
 */
class McpBundleOsgiIT {

    private static final List<String> DEPENDENCIES = List.of("org.osgi.util.function-1.2", "org.osgi.util.promise-1.3",
            "org.osgi.service.component-1", "org.apache.felix.scr-",
            "io.amcp.api-", "io.amcp.core-", "io.amcp.marketdata-", "io.amcp.analytics-", "io.amcp.codec-", "io.amcp.web-",
            "jackson-core-2", "netty-common-",
            "netty-buffer-", "netty-transport-4", "netty-transport-native-unix-common-", "netty-resolver-4",
            "netty-resolver-dns-", "netty-codec-base-", "netty-codec-compression-", "netty-codec-dns-",
            "netty-codec-socks-", "netty-codec-http-", "netty-codec-http2-", "netty-handler-4", "netty-handler-proxy-",
            "mcp-core-", "mcp-json-jackson3-", "reactor-core-", "reactive-streams-", "jackson-annotations-2",
            "jackson-core-3", "jackson-databind-3", "jackson-dataformat-yaml-3", "snakeyaml-engine-",
            "json-schema-validator-", "itu-", "io.amcp.risk-",
            "io.amcp.options-", "io.amcp.options.executor-", "io.amcp.portfolio-", "io.amcp.backtest-",
            "io.amcp.broker.paper-", "io.amcp.strategy.smacross-");

    @Test
    void bundleActivatesAndServesTheTools(@TempDir Path storage) throws Exception {
        String keyLine = new ApiKeyStore(1_000).add("PKOSGI", "osgi-secret-0123456789", Role.VIEWER);
        // no Config Admin: the components run with their defaults (MCP on port 8788), files resolved against
        // karaf.base and karaf.data, which point into the temporary directory
        Files.createDirectories(storage.resolve("etc"));
        Files.write(storage.resolve("etc").resolve("io.amcp.web.keys"), List.of(keyLine));
        String base = System.setProperty("karaf.base", storage.toString());
        String data = System.setProperty("karaf.data", storage.resolve("data").toString());
        int port = 8788;
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.resolve("felix").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_BOOTDELEGATION, "com.sun.*");
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
                "org.slf4j;version=2.0.20,org.slf4j.helpers;version=2.0.20,org.slf4j.spi;version=2.0.20,org.slf4j.event;version=2.0.20");
        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.start();
        try {
            List<Bundle> bundles = new ArrayList<>();
            for (String prefix : DEPENDENCIES) {
                bundles.add(framework.getBundleContext().installBundle(Path.of(jarOnClassPath(prefix)).toUri().toString()));
            }
            Bundle mcp = framework.getBundleContext().installBundle(
                    Path.of(System.getProperty("amcp.mcp.bundle")).toUri().toString());
            bundles.add(mcp);
            Bundle web = bundle(bundles, "io.amcp.web");
            for (Bundle b : bundles) {
                // the web bundle only lends its key store classes here: resolved, its own server not started
                if (b != web) {
                    b.start();
                }
            }
            assertTrue(web.adapt(org.osgi.framework.wiring.BundleWiring.class) != null, "io.amcp.web resolved");
            assertEquals(Bundle.ACTIVE, mcp.getState());

            HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                    .builder("http://127.0.0.1:" + port).endpoint("/mcp")
                    .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer PKOSGI:osgi-secret-0123456789"))
                    .build();
            try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build()) {
                initialize(client);
                assertEquals(37, client.listTools().tools().size());
                McpSchema.CallToolResult account = client.callTool(new McpSchema.CallToolRequest("get_account_info", Map.of()));
                assertFalse(account.isError());
                assertTrue(((McpSchema.TextContent) account.content().get(0)).text().contains("\"cash\":\"100000\""),
                        account.toString());
                // a platform tool: the options bundle is wired and prices in the framework
                McpSchema.CallToolResult put = client.callTool(new McpSchema.CallToolRequest("price_option",
                        Map.of("type", "put", "spot", 100, "strike", 100, "years", 1, "volatility", 0.2,
                                "model", "binomial_crr")));
                assertFalse(put.isError(), put.toString());
            }
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
            restore("karaf.base", base);
            restore("karaf.data", data);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    private static Bundle bundle(List<Bundle> bundles, String symbolicName) {
        return bundles.stream().filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst().orElseThrow();
    }

    /** Retries the handshake while SCR activates the component after the configuration arrived. */
    private static void initialize(McpSyncClient client) throws InterruptedException {
        RuntimeException last = null;
        for (int i = 0; i < 100; i++) {
            try {
                client.initialize();
                return;
            } catch (RuntimeException notYet) {
                last = notYet;
                Thread.sleep(100);
            }
        }
        throw last;
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
