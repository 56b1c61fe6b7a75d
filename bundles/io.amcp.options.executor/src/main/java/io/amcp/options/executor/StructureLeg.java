package io.amcp.options.executor;

import io.amcp.api.model.Side;
import io.amcp.options.chain.OptionContract;
import java.util.Objects;

/**
 * One leg of a multi-leg structure.
 *
 * @param contract the series
 * @param side     buy or sell when the structure is opened
 * @param ratio    contracts of this leg per unit of the structure, positive
 */
public record StructureLeg(OptionContract contract, Side side, int ratio) {

    public StructureLeg {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(side, "side");
        if (ratio < 1) {
            throw new IllegalArgumentException("ratio: must be positive, was " + ratio);
        }
    }

    /** A leg of ratio 1. */
    public static StructureLeg of(OptionContract contract, Side side) {
        return new StructureLeg(contract, side, 1);
    }

    /** +1 when the leg is sold on opening (premium received), -1 when bought. */
    public int premiumSign() {
        return side == Side.SELL ? 1 : -1;
    }
}
