package io.amcp.strategy.momentum.internal;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.StrategyId;
import io.amcp.api.spi.BacktestStrategies;
import io.amcp.api.spi.Strategy;
import io.amcp.strategy.momentum.MomentumConfig;
import io.amcp.strategy.momentum.MomentumStrategy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * Offers {@code momentum} to backtests (platform API, MCP {@code run_backtest}): parameters
 * {@code lookback}, {@code volatilityWindow}, {@code targetVolatility}, {@code maxLeverage},
 * {@code rebalanceBars}, {@code periodsPerYear}, {@code allowShort}, {@code capital} and
 * {@code lotSize}, defaulting to {@link MomentumConfig}'s defaults (120, 20, 0.15, 1.0, 5, 252, false,
 * 100000, 1).
 */
@Component(service = BacktestStrategies.class, configurationPolicy = ConfigurationPolicy.IGNORE)
public final class MomentumBacktests implements BacktestStrategies {

    /** The name backtests ask for. */
    public static final String NAME = "momentum";

    private static final List<String> PARAMETERS = List.of("lookback", "volatilityWindow", "targetVolatility",
            "maxLeverage", "rebalanceBars", "periodsPerYear", "allowShort", "capital", "lotSize");
    private static final Set<String> KNOWN = Set.copyOf(PARAMETERS);

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
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException(key + ": not a parameter of " + NAME + " " + PARAMETERS);
            }
        }
        return new MomentumStrategy(id, InstrumentId.of(symbol), new MomentumStrategy.Parameters(
                integer(parameters, "lookback", 120), integer(parameters, "volatilityWindow", 20),
                number(parameters, "targetVolatility", 0.15), number(parameters, "maxLeverage", 1.0),
                integer(parameters, "rebalanceBars", 5), number(parameters, "periodsPerYear", 252),
                bool(parameters, "allowShort", false), decimal(parameters, "capital", "100000", Money::of),
                decimal(parameters, "lotSize", "1", Quantity::of)));
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

    private static double number(Map<String, String> parameters, String name, double fallback) {
        String text = parameters.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a number: '" + text + "'", e);
        }
    }

    private static boolean bool(Map<String, String> parameters, String name, boolean fallback) {
        String text = parameters.get(name);
        if (text == null) {
            return fallback;
        }
        return switch (text.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + ": not true or false: '" + text + "'");
        };
    }

    private static <T> T decimal(Map<String, String> parameters, String name, String fallback,
            Function<String, T> parser) {
        String text = parameters.getOrDefault(name, fallback);
        try {
            return parser.apply(text.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + ": not a number: '" + text + "'", e);
        }
    }
}
