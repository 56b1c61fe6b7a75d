package io.amcp.strategy.meanreversion.internal;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.StrategyId;
import io.amcp.api.spi.BacktestStrategies;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyParameters;
import io.amcp.strategy.meanreversion.MeanReversionConfig;
import io.amcp.strategy.meanreversion.MeanReversionStrategy;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * Offers {@code mean-reversion} to backtests (platform API, MCP {@code run_backtest}): parameters
 * {@code bandPeriod}, {@code bandWidth}, {@code rsiPeriod}, {@code oversold}, {@code overbought},
 * {@code allowShort} and {@code quantity}, defaulting to {@link MeanReversionConfig}'s defaults.
 */
@Component(service = BacktestStrategies.class, configurationPolicy = ConfigurationPolicy.IGNORE)
public final class MeanReversionBacktests implements BacktestStrategies {

    /** The name backtests ask for. */
    public static final String NAME = "mean-reversion";

    @Override
    public List<String> names() {
        return List.of(NAME);
    }

    @Override
    public Map<String, String> parameters(String name) {
        return StrategyParameters.defaults(NAME, name, MeanReversionConfig.class);
    }

    @Override
    public Strategy create(String name, StrategyId id, String symbol, Map<String, String> parameters) {
        StrategyParameters.requireName(NAME, name);
        StrategyParameters p = StrategyParameters.of(NAME, MeanReversionConfig.class, parameters);
        return new MeanReversionStrategy(id, InstrumentId.of(symbol), p.integer("bandPeriod"), p.number("bandWidth"),
                p.integer("rsiPeriod"), p.number("oversold"), p.number("overbought"), p.bool("allowShort"),
                p.decimal("quantity", Quantity::of));
    }
}
