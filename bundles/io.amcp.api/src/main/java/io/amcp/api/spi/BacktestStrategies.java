package io.amcp.api.spi;

import io.amcp.api.model.StrategyId;
import java.util.List;
import java.util.Map;

/**
 * Strategies the platform API may backtest ({@code POST /api/v1/backtests}): a strategy bundle
 * registers one of these as a service so that the console can replay its strategy over a dataset
 * with fresh instances, never touching the running one.
 */
public interface BacktestStrategies {

    /** Names accepted by {@link #create}, e.g. {@code sma-cross}. */
    List<String> names();

    /**
     * A fresh strategy instance for one backtest.
     *
     * @param name       one of {@link #names()}
     * @param id         the id the instance trades under
     * @param symbol     the dataset's first instrument, for single-instrument strategies
     * @param parameters the strategy's parameters as text, e.g. {@code fast=10}
     * @throws IllegalArgumentException naming the parameter at fault
     */
    Strategy create(String name, StrategyId id, String symbol, Map<String, String> parameters);

    /**
     * The parameters {@link #create} accepts for {@code name}, each with the default it takes when
     * absent, as text, in a stable order (the console shows them on its backtest form); empty when the
     * strategy does not describe its parameters. Bundles whose strategy has a typed configuration
     * answer {@link StrategyParameters#defaults}.
     *
     * @param name one of {@link #names()}
     * @throws IllegalArgumentException naming {@code strategy} when {@code name} is not one of {@link #names()}
     */
    default Map<String, String> parameters(String name) {
        if (!names().contains(name)) {
            throw StrategyParameters.unknownStrategy("strategy", names(), name);
        }
        return Map.of();
    }
}
