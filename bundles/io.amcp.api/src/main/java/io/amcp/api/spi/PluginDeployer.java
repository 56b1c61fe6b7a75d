package io.amcp.api.spi;

import java.io.IOException;
import java.io.InputStream;

/**
 * Deploys plugin bundles into the running platform without stopping it: a bundle whose symbolic
 * name is already installed is updated in place (its strategies are hot-swapped between two
 * events, their snapshots carried over), any other bundle is installed and started. Used by
 * {@code amcp:strategy-deploy}, the web console's upload and the API.
 */
public interface PluginDeployer {

    /**
     * Deploys the bundle at {@code location}: {@code mvn:group/artifact/version}, {@code file:...} or
     * any URL the platform can open.
     *
     * @throws IllegalArgumentException naming {@code location} if it is malformed or not a bundle
     * @throws IOException              if it cannot be read
     */
    Deployment deploy(String location) throws IOException;

    /**
     * Deploys a bundle read from {@code jar} (an upload); {@code name} is used in messages and as the
     * location of a newly installed bundle.
     */
    Deployment deploy(String name, InputStream jar) throws IOException;

    /**
     * What a deployment did.
     *
     * @param bundleId     the framework's id of the bundle
     * @param symbolicName its Bundle-SymbolicName
     * @param version      the version now installed
     * @param previous     the version it replaced, or null if it was newly installed
     */
    record Deployment(long bundleId, String symbolicName, String version, String previous) {

        /** Whether an installed bundle was updated (rather than a new one installed). */
        public boolean updated() {
            return previous != null;
        }
    }
}
