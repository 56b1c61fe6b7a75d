package io.amcp.web;

import java.util.List;

/** The plugin bundles installed in the platform ({@code GET /api/v1/bundles}). */
public interface BundleInventory {

    /** Every bundle, ordered by id. */
    List<BundleRow> bundles();

    /**
     * One bundle.
     *
     * @param id           the framework's bundle id
     * @param symbolicName its Bundle-SymbolicName
     * @param version      its version
     * @param state        INSTALLED, RESOLVED, STARTING, ACTIVE, STOPPING or UNINSTALLED
     */
    record BundleRow(long id, String symbolicName, String version, String state) {
    }
}
