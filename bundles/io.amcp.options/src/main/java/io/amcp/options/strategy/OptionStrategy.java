package io.amcp.options.strategy;

import io.amcp.options.internal.Checks;
import java.util.List;

/**
 * A named combination of legs.
 *
 * @param name catalog name (for example {@code iron-condor})
 * @param legs the legs, at least one
 */
public record OptionStrategy(String name, List<Leg> legs) {

    public OptionStrategy {
        Checks.present("name", name);
        legs = List.copyOf(Checks.present("legs", legs));
        if (legs.isEmpty()) {
            throw new IllegalArgumentException("legs: a strategy needs at least one leg");
        }
    }

    /** A strategy from its legs. */
    public static OptionStrategy of(String name, List<Leg> legs) {
        return new OptionStrategy(name, legs);
    }

    /** Premium paid minus premium received for the option legs (positive: a debit; negative: a credit). */
    public double netOptionPremium() {
        double sum = 0;
        for (Leg l : legs) {
            if (l.isOption()) {
                sum += l.signedQuantity() * l.premium();
            }
        }
        return sum;
    }

    /** The earliest expiry among the option legs (0 when there are none). */
    public double nearestExpiry() {
        double near = Double.POSITIVE_INFINITY;
        for (Leg l : legs) {
            if (l.isOption()) {
                near = Math.min(near, l.years());
            }
        }
        return Double.isInfinite(near) ? 0.0 : near;
    }
}
