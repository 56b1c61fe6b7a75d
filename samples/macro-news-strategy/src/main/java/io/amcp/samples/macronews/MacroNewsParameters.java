package io.amcp.samples.macronews;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.StrategyId;
import java.time.Duration;
import java.util.Objects;

/**
 * Validated parameters of one macro/news/trend instance.
 *
 * @param id            strategy id
 * @param symbol        instrument traded
 * @param macroSeries   macro series id, e.g. {@code fred:UNRATE}
 * @param macroLookback periods back the latest macro value is compared with
 * @param smaWindow     bars in the moving average of closes
 * @param newsWindow    how far back news is averaged
 * @param minSentiment  enter only at or above this mean sentiment
 * @param exitSentiment exit below this mean sentiment
 * @param quantity      units bought per entry
 */
public record MacroNewsParameters(StrategyId id, InstrumentId symbol, String macroSeries, int macroLookback,
        int smaWindow, Duration newsWindow, double minSentiment, double exitSentiment, Quantity quantity) {

    public MacroNewsParameters {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(quantity, "quantity");
        if (macroSeries == null || macroSeries.isBlank()) {
            throw new IllegalArgumentException("macroSeries: must not be blank");
        }
        if (macroLookback < 1) {
            throw new IllegalArgumentException("macroLookback: must be at least 1, was " + macroLookback);
        }
        if (smaWindow < 2) {
            throw new IllegalArgumentException("smaWindow: must be at least 2, was " + smaWindow);
        }
        if (newsWindow == null || newsWindow.isNegative() || newsWindow.isZero()) {
            throw new IllegalArgumentException("newsWindowHours: must be positive, was " + newsWindow);
        }
        if (!(minSentiment >= -1 && minSentiment <= 1)) {
            throw new IllegalArgumentException("minSentiment: must be in [-1, 1], was " + minSentiment);
        }
        if (!(exitSentiment >= -1 && exitSentiment <= minSentiment)) {
            throw new IllegalArgumentException("exitSentiment: must be in [-1, minSentiment], was " + exitSentiment);
        }
        if (!quantity.isPositive()) {
            throw new IllegalArgumentException("quantity: must be positive, was " + quantity);
        }
    }

    /** Parameters from a configuration; errors name the configuration field. */
    public static MacroNewsParameters of(MacroNewsConfig config) {
        return new MacroNewsParameters(StrategyId.of(config.id()), InstrumentId.of(config.symbol()), config.macroSeries(),
                config.macroLookback(), config.smaWindow(), Duration.ofHours(config.newsWindowHours()),
                config.minSentiment(), config.exitSentiment(), Quantity.of(config.quantity()));
    }
}
