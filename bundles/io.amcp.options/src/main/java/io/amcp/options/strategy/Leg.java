package io.amcp.options.strategy;

import io.amcp.options.OptionType;
import io.amcp.options.internal.Checks;

/**
 * One leg of a strategy.
 *
 * @param direction long or short
 * @param type      call, put or underlying
 * @param strike    strike of an option; for the underlying, its entry price (equal to {@code premium})
 * @param years     time to expiry of an option in years, positive; 0 for the underlying
 * @param quantity  units of underlying the leg covers, positive
 * @param premium   price paid (long) or received (short) per unit; for the underlying, its entry price
 */
public record Leg(LegDirection direction, LegType type, double strike, double years, double quantity, double premium) {

    public Leg {
        Checks.present("direction", direction);
        Checks.present("type", type);
        Checks.positive("strike", strike);
        if (type == LegType.UNDERLYING) {
            if (years != 0.0) {
                throw new IllegalArgumentException("years: must be 0 for an underlying leg, was " + years);
            }
        } else {
            Checks.positive("years", years);
        }
        Checks.positive("quantity", quantity);
        Checks.nonNegative("premium", premium);
    }

    /** An option leg. */
    public static Leg option(LegDirection direction, OptionType type, double strike, double years, double quantity,
            double premium) {
        Checks.present("type", type);
        return new Leg(direction, type == OptionType.CALL ? LegType.CALL : LegType.PUT, strike, years, quantity, premium);
    }

    /** A position in the underlying entered at {@code entryPrice}. */
    public static Leg underlying(LegDirection direction, double quantity, double entryPrice) {
        return new Leg(direction, LegType.UNDERLYING, entryPrice, 0.0, quantity, entryPrice);
    }

    /** +quantity for long, -quantity for short. */
    public double signedQuantity() {
        return direction.sign() * quantity;
    }

    /** True for a call or a put. */
    public boolean isOption() {
        return type != LegType.UNDERLYING;
    }

    /** The option type of an option leg. */
    public OptionType optionType() {
        if (type == LegType.UNDERLYING) {
            throw new IllegalStateException("type: an underlying leg has no option type");
        }
        return type == LegType.CALL ? OptionType.CALL : OptionType.PUT;
    }

    /** Value per unit at expiry (intrinsic value; the price itself for the underlying). */
    public double valueAtExpiry(double underlyingPrice) {
        return switch (type) {
            case CALL -> Math.max(0.0, underlyingPrice - strike);
            case PUT -> Math.max(0.0, strike - underlyingPrice);
            case UNDERLYING -> underlyingPrice;
        };
    }

    /** Profit or loss of the whole leg at expiry: signed quantity times (value - premium). */
    public double profitAtExpiry(double underlyingPrice) {
        return signedQuantity() * (valueAtExpiry(underlyingPrice) - premium);
    }
}
