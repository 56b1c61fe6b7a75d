package io.amcp.risk;

import java.util.Map;

/**
 * How concentrated the gross exposure is.
 *
 * @param <K>        what is grouped: a symbol or a sector name
 * @param weights    absolute market value of each group over the gross market value (sum to 1)
 * @param herfindahl Herfindahl-Hirschman index {@code Σ w²}: 1/n for n equal groups, 1 for one group
 * @param largest    the largest weight
 */
public record Concentration<K>(Map<K, Double> weights, double herfindahl, double largest) {

    public Concentration {
        weights = Map.copyOf(weights);
    }

    /** Effective number of groups, {@code 1 / herfindahl}; 0 for an empty portfolio. */
    public double effectiveCount() {
        return herfindahl == 0.0 ? 0.0 : 1.0 / herfindahl;
    }
}
