package io.amcp.strategy.momentum.internal;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.StrategyId;
import io.amcp.api.spi.BacktestStrategies;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyParameters;
import io.amcp.strategy.momentum.MomentumConfig;
import io.amcp.strategy.momentum.MomentumStrategy;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * Offers {@code momentum} to backtests (platform API, MCP {@code run_backtest}): parameters
 * {@code lookback}, {@code volatilityWindow}, {@code targetVolatility}, {@code maxLeverage},
 * {@code rebalanceBars}, {@code periodsPerYear}, {@code allowShort}, {@code capital} and
 * {@code lotSize}, defaulting to {@link MomentumConfig}'s defaults.
 */
@Component(service = BacktestStrategies.class, configurationPolicy = ConfigurationPolicy.IGNORE)
public final class MomentumBacktests implements BacktestStrategies {

    /** The name backtests ask for. */
    public static final String NAME = "momentum";

    @Override
    public List<String> names() {
        return List.of(NAME);
    }

    @Override
    public Map<String, String> parameters(String name) {
        return StrategyParameters.defaults(NAME, name, MomentumConfig.class);
    }

    @Override
    public Strategy create(String name, StrategyId id, String symbol, Map<String, String> parameters) {
        StrategyParameters.requireName(NAME, name);
        StrategyParameters p = StrategyParameters.of(NAME, MomentumConfig.class, parameters);
        return new MomentumStrategy(id, InstrumentId.of(symbol), new MomentumStrategy.Parameters(
                p.integer("lookback"), p.integer("volatilityWindow"), p.number("targetVolatility"),
                p.number("maxLeverage"), p.integer("rebalanceBars"), p.number("periodsPerYear"), p.bool("allowShort"),
                p.decimal("capital", Money::of), p.decimal("lotSize", Quantity::of)));
    }
}
