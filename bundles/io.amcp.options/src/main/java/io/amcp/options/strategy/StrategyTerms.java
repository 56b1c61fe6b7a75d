package io.amcp.options.strategy;

import io.amcp.options.internal.Checks;
import java.util.List;

/**
 * Parameters a catalog strategy is built from.
 *
 * @param strikes   strikes in strictly increasing order (k1 &lt; k2 &lt; ...); a strategy uses the first ones it needs
 * @param nearYears expiry of the (near) options in years, positive
 * @param farYears  expiry of the far options of calendars and diagonals, greater than {@code nearYears}
 *                  (ignored by single-expiry strategies)
 * @param quantity  units of underlying per ratio unit, positive
 */
public record StrategyTerms(List<Double> strikes, double nearYears, double farYears, double quantity) {

    public StrategyTerms {
        strikes = List.copyOf(Checks.present("strikes", strikes));
        for (int i = 0; i < strikes.size(); i++) {
            Checks.positive("strikes[" + i + "]", strikes.get(i));
            if (i > 0 && strikes.get(i) <= strikes.get(i - 1)) {
                throw new IllegalArgumentException("strikes: must be strictly increasing, was " + strikes);
            }
        }
        Checks.positive("nearYears", nearYears);
        Checks.positive("farYears", farYears);
        Checks.positive("quantity", quantity);
    }

    /** Single-expiry terms with quantity 1. */
    public static StrategyTerms of(double nearYears, double... strikes) {
        return new StrategyTerms(box(strikes), nearYears, nearYears, 1.0);
    }

    /** Terms with a far expiry (calendars, diagonals) and quantity 1. */
    public static StrategyTerms calendar(double nearYears, double farYears, double... strikes) {
        return new StrategyTerms(box(strikes), nearYears, farYears, 1.0);
    }

    /** The same terms with another quantity. */
    public StrategyTerms withQuantity(double newQuantity) {
        return new StrategyTerms(strikes, nearYears, farYears, newQuantity);
    }

    private static List<Double> box(double[] strikes) {
        Checks.present("strikes", strikes);
        Double[] boxed = new Double[strikes.length];
        for (int i = 0; i < strikes.length; i++) {
            boxed[i] = strikes[i];
        }
        return List.of(boxed);
    }
}
