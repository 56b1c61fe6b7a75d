package io.amcp.strategy.smacross.internal;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.StrategyId;
import io.amcp.api.spi.BacktestStrategies;
import io.amcp.api.spi.Strategy;
import io.amcp.strategy.smacross.SmaCrossConfig;
import io.amcp.strategy.smacross.SmaCrossStrategy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * Offers {@code sma-cross} to backtests (platform API, MCP {@code run_backtest}): parameters
 * {@code fast}, {@code slow} (integers) and {@code quantity}, defaulting to {@link SmaCrossConfig}'s
 * defaults (10, 30, 10).
 */
@Component(service = BacktestStrategies.class, configurationPolicy = ConfigurationPolicy.IGNORE)
public final class SmaCrossBacktests implements BacktestStrategies {

    /** The name backtests ask for. */
    public static final String NAME = "sma-cross";

    static final int DEFAULT_FAST = 10;
    static final int DEFAULT_SLOW = 30;
    static final String DEFAULT_QUANTITY = "10";

    private static final Set<String> PARAMETERS = Set.of("fast", "slow", "quantity");

    @Override
    public List<String> names() {
        return List.of(NAME);
    }

    @Override
    public Strategy create(String name, StrategyId id, String symbol, Map<String, String> parameters) {
        if (!NAME.equals(name)) {
            throw new IllegalArgumentException("name: unknown strategy '" + name + "' (this bundle offers " + names()
                    + ")");
        }
        for (String key : parameters.keySet()) {
            if (!PARAMETERS.contains(key)) {
                throw new IllegalArgumentException(key + ": not a parameter of " + NAME + " (fast, slow, quantity)");
            }
        }
        int fast = integer(parameters, "fast", DEFAULT_FAST);
        int slow = integer(parameters, "slow", DEFAULT_SLOW);
        String quantityText = parameters.getOrDefault("quantity", DEFAULT_QUANTITY);
        Quantity quantity;
        try {
            quantity = Quantity.of(quantityText.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("quantity: not a number: '" + quantityText + "'", e);
        }
        return new SmaCrossStrategy(id, InstrumentId.of(symbol), fast, slow, quantity);
    }

    private static int integer(Map<String, String> parameters, String name, int fallback) {
        String text = parameters.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not an integer: '" + text + "'", e);
        }
    }
}
