package io.amcp.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
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
 * The built bundle in a real OSGi framework (Apache Felix with Felix SCR and ConfigAdmin, as Karaf's
 * scr feature) beside the Hazelcast 5.7.0 bundle and the core's market data hub, as the features install them: both resolve, and a
 * configuration for the PID {@code io.amcp.cluster} starts a member bound to 127.0.0.1 that registers
 * the {@code ClusterNode} service and takes the strategy the configuration lists.
 */
class ClusterBundleOsgiIT {

    private static final List<String> DEPENDENCIES = List.of("org.osgi.util.function-", "org.osgi.util.promise-",
            "org.osgi.service.component-1", "org.apache.felix.scr-", "org.apache.felix.configadmin-", "io.amcp.api-",
            "io.amcp.marketdata-", "hazelcast-5");

    @Test
    void bundleResolvesAndTheConfiguredMemberOwnsItsStrategy(@TempDir Path storage) throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // the market data hub (whose cache subscriber the cluster component opens) logs through SLF4J
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
                "org.slf4j;version=2.0.20,org.slf4j.helpers;version=2.0.20,org.slf4j.spi;version=2.0.20,org.slf4j.event;version=2.0.20");
        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.start();
        try {
            BundleContext context = framework.getBundleContext();
            List<Bundle> bundles = new ArrayList<>();
            for (String prefix : DEPENDENCIES) {
                bundles.add(context.installBundle(Path.of(jarOnClassPath(prefix)).toUri().toString()));
            }
            Bundle cluster = context.installBundle(Path.of(System.getProperty("amcp.cluster.bundle")).toUri().toString());
            bundles.add(cluster);
            for (Bundle b : bundles) {
                b.start();
            }
            assertThat(cluster.getState()).isEqualTo(Bundle.ACTIVE);

            int port = freePort();
            // look services up through bundles wired to their packages: the test's class path holds copies
            // of the ConfigAdmin and AMCP classes that the framework's own context would be matched against
            Bundle configAdminBundle = bundles.get(DEPENDENCIES.indexOf("org.apache.felix.configadmin-"));
            Class<?> caType = configAdminBundle.loadClass("org.osgi.service.cm.ConfigurationAdmin");
            Class<?> configurationType = configAdminBundle.loadClass("org.osgi.service.cm.Configuration");
            Object configAdmin = awaitService(configAdminBundle.getBundleContext(), caType.getName());
            Object configuration = caType.getMethod("getConfiguration", String.class, String.class)
                    .invoke(configAdmin, "io.amcp.cluster", null);
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put("clusterName", "osgi-" + ProcessHandle.current().pid());
            properties.put("memberName", "karaf-1");
            properties.put("port", port);
            properties.put("members", "127.0.0.1:" + port);
            properties.put("strategies", "sma-aapl");
            configurationType.getMethod("update", java.util.Dictionary.class).invoke(configuration, properties);

            Class<?> nodeType = cluster.loadClass("io.amcp.cluster.ClusterNode");
            Object node = awaitService(cluster.getBundleContext(), nodeType.getName());
            try {
                assertThat(nodeType.getMethod("memberName").invoke(node)).isEqualTo("karaf-1");
                Object ownership = nodeType.getMethod("ownership").invoke(node);
                Class<?> strategyId = cluster.loadClass("io.amcp.api.model.StrategyId");
                Object sma = strategyId.getMethod("of", String.class).invoke(null, "sma-aapl");
                Class<?> ownershipType = cluster.loadClass("io.amcp.cluster.StrategyOwnership");
                long deadline = System.nanoTime() + 20_000_000_000L;
                OptionalLong epoch = OptionalLong.empty();
                while (epoch.isEmpty() && System.nanoTime() < deadline) {
                    epoch = (OptionalLong) ownershipType.getMethod("heldEpoch", strategyId).invoke(ownership, sma);
                    Thread.sleep(50);
                }
                assertThat(epoch).isPresent();
            } finally {
                configurationType.getMethod("delete").invoke(configuration);
            }
        } finally {
            framework.stop();
            framework.waitForStop(30_000);
        }
    }

    private static Object awaitService(BundleContext context, String type) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            ServiceReference<?> ref = context.getServiceReference(type);
            if (ref != null) {
                return context.getService(ref);
            }
            Thread.sleep(50);
        }
        StringBuilder states = new StringBuilder();
        for (Bundle b : context.getBundles()) {
            states.append(b.getSymbolicName()).append('=').append(b.getState()).append(' ');
        }
        throw new AssertionError("no " + type + " service within 30 s; bundle states: " + states);
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
