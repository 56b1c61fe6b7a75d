/**
 * A frozen copy of the feature computer as it was before the per-bar cost was cut (issue 8): the
 * reference that {@code OptimisedEngineEquivalenceTest} compares the optimised engine against.
 * Test code only, never shipped.
 */
package io.amcp.ai.features.legacy;
