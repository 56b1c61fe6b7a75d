package io.amcp.cluster;

import java.io.Serializable;
import java.util.List;

/**
 * Spreads independent research runs (one backtest per parameter point) over the cluster's members
 * through Hazelcast's executor service, round-robin, and returns the results in the order of the
 * points. Task classes must be on every member's class path.
 */
public interface ParameterSweep {

    /** One unit of research work; it runs on some member and must be serializable. */
    @FunctionalInterface
    interface Task<P extends Serializable, R extends Serializable> extends Serializable {
        R run(P point);
    }

    <P extends Serializable, R extends Serializable> List<R> run(List<P> points, Task<P, R> task);
}
