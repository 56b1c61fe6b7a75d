package io.amcp.samples.pairs;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.StrategyId;
import java.util.Objects;

/**
 * Validated parameters of one pairs-trading instance.
 *
 * @param id        strategy id
 * @param y         dependent leg
 * @param x         explanatory leg
 * @param olsWindow bars in the rolling regression of ln(y) on ln(x)
 * @param zWindow   bars in the spread's z-score window
 * @param entryZ    enter when |z| rises above it
 * @param exitZ     exit when |z| falls below it
 * @param stopZ     stop out when |z| rises above it
 * @param quantityY units of y per trade
 */
public record PairsParameters(StrategyId id, InstrumentId y, InstrumentId x, int olsWindow, int zWindow,
        double entryZ, double exitZ, double stopZ, Quantity quantityY) {

    public PairsParameters {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(y, "symbolY");
        Objects.requireNonNull(x, "symbolX");
        Objects.requireNonNull(quantityY, "quantityY");
        if (y.equals(x)) {
            throw new IllegalArgumentException("symbolX: must differ from symbolY, both are " + y);
        }
        if (olsWindow < 3) {
            throw new IllegalArgumentException("olsWindow: must be at least 3, was " + olsWindow);
        }
        if (zWindow < 2) {
            throw new IllegalArgumentException("zWindow: must be at least 2, was " + zWindow);
        }
        if (!(exitZ >= 0)) {
            throw new IllegalArgumentException("exitZ: must not be negative, was " + exitZ);
        }
        if (!(entryZ > exitZ)) {
            throw new IllegalArgumentException("entryZ: must be above exitZ (" + exitZ + "), was " + entryZ);
        }
        if (!(stopZ > entryZ) || Double.isInfinite(stopZ)) {
            throw new IllegalArgumentException("stopZ: must be above entryZ (" + entryZ + "), was " + stopZ);
        }
        if (!quantityY.isPositive()) {
            throw new IllegalArgumentException("quantityY: must be positive, was " + quantityY);
        }
    }

    /** Parameters from a configuration; errors name the configuration field. */
    public static PairsParameters of(PairsTradingConfig config) {
        return new PairsParameters(StrategyId.of(config.id()), InstrumentId.of(config.symbolY()),
                InstrumentId.of(config.symbolX()), config.olsWindow(), config.zWindow(), config.entryZ(),
                config.exitZ(), config.stopZ(), Quantity.of(config.quantityY()));
    }
}
