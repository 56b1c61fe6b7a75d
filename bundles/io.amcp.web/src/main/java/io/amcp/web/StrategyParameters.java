package io.amcp.web;

import java.util.Map;

/**
 * Reads and changes a running strategy's parameters ({@code /api/v1/strategies/{id}/params}). In
 * the platform the parameters live in the strategy's factory configuration in Config Admin; a change
 * restarts the strategy's component and the runner swaps the new instance in with its state.
 */
public interface StrategyParameters {

    /**
     * The strategy's parameters by name.
     *
     * @throws IllegalArgumentException naming the id when no strategy configuration has it
     */
    Map<String, Object> get(String strategyId);

    /**
     * Applies {@code changes} (values as text, converted to the type of the current value).
     *
     * @return the parameters after the change
     * @throws IllegalArgumentException naming the id or the parameter at fault
     */
    Map<String, Object> update(String strategyId, Map<String, String> changes);
}
