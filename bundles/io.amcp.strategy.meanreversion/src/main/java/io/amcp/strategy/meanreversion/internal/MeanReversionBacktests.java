package io.amcp.strategy.meanreversion.internal;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.StrategyId;
import io.amcp.api.spi.BacktestStrategies;
import io.amcp.api.spi.Strategy;
import io.amcp.strategy.meanreversion.MeanReversionConfig;
import io.amcp.strategy.meanreversion.MeanReversionStrategy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * Offers {@code mean-reversion} to backtests (platform API, MCP {@code run_backtest}): parameters
 * {@code bandPeriod}, {@code bandWidth}, {@code rsiPeriod}, {@code oversold}, {@code overbought},
 * {@code allowShort} and {@code quantity}, defaulting to {@link MeanReversionConfig}'s defaults
 * (20, 2.0, 14, 30, 70, true, 10).
 */
@Component(service = BacktestStrategies.class, configurationPolicy = ConfigurationPolicy.IGNORE)
public final class MeanReversionBacktests implements BacktestStrategies {

    /** The name backtests ask for. */
    public static final String NAME = "mean-reversion";

    private static final List<String> PARAMETERS = List.of("bandPeriod", "bandWidth", "rsiPeriod", "oversold",
            "overbought", "allowShort", "quantity");
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
        return new MeanReversionStrategy(id, InstrumentId.of(symbol), integer(parameters, "bandPeriod", 20),
                number(parameters, "bandWidth", 2.0), integer(parameters, "rsiPeriod", 14),
                number(parameters, "oversold", 30), number(parameters, "overbought", 70),
                bool(parameters, "allowShort", true), quantity(parameters, "quantity", "10"));
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

    private static Quantity quantity(Map<String, String> parameters, String name, String fallback) {
        String text = parameters.getOrDefault(name, fallback);
        try {
            return Quantity.of(text.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + ": not a number: '" + text + "'", e);
        }
    }
}
