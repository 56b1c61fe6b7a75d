package io.amcp.strategy.smacross.internal;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.StrategyId;
import io.amcp.api.spi.BacktestStrategies;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyParameters;
import io.amcp.strategy.smacross.SmaCrossConfig;
import io.amcp.strategy.smacross.SmaCrossStrategy;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * Offers {@code sma-cross} to backtests (platform API, MCP {@code run_backtest}): parameters
 * {@code fast}, {@code slow} (integers) and {@code quantity}, defaulting to {@link SmaCrossConfig}'s
 * defaults (see {@link SmaCrossStrategy#of}).
 */
@Component(service = BacktestStrategies.class, configurationPolicy = ConfigurationPolicy.IGNORE)
public final class SmaCrossBacktests implements BacktestStrategies {

    /** The name backtests ask for. */
    public static final String NAME = SmaCrossStrategy.NAME;

    @Override
    public List<String> names() {
        return List.of(NAME);
    }

    @Override
    public Map<String, String> parameters(String name) {
        return StrategyParameters.defaults(NAME, name, SmaCrossConfig.class);
    }

    @Override
    public Strategy create(String name, StrategyId id, String symbol, Map<String, String> parameters) {
        StrategyParameters.requireName(NAME, name);
        return SmaCrossStrategy.of(id, InstrumentId.of(symbol), parameters);
    }
}
