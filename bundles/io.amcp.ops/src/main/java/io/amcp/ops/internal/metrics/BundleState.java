package io.amcp.ops.internal.metrics;

/**
 * One bundle's state for {@code /health/bundles}.
 *
 * @param id           bundle id
 * @param symbolicName symbolic name
 * @param version      bundle version
 * @param state        INSTALLED, RESOLVED, STARTING, STOPPING, ACTIVE or UNINSTALLED
 * @param fragment     whether it is a fragment (fragments are RESOLVED, never ACTIVE)
 */
public record BundleState(long id, String symbolicName, String version, String state, boolean fragment) {

    /** Whether the bundle is in the state a healthy platform keeps it in. */
    public boolean healthy() {
        return fragment ? "RESOLVED".equals(state) : "ACTIVE".equals(state);
    }
}
