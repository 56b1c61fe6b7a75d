package io.amcp.api.execution;

/**
 * An execution algorithm, registered as an OSGi service (one per name). The kernel calls
 * {@link #start} on its thread when a parent order names it.
 */
public interface ExecutionAlgorithm {

    /** The name parent orders select it by, e.g. {@code vwap}. */
    String name();

    /**
     * Starts working {@code parent}; validates the parent's parameters first.
     *
     * @throws IllegalArgumentException naming the parameter at fault
     */
    AlgoWorker start(ParentOrder parent, AlgoContext context);
}
