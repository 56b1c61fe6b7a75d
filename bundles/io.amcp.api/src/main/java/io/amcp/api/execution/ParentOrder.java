package io.amcp.api.execution;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import java.util.Map;
import java.util.Objects;

/**
 * An order to be worked by an execution algorithm.
 *
 * @param id          the parent's client order id; children are named {@code <id>-c<n>}
 * @param instrument  what to trade
 * @param side        buy or sell
 * @param quantity    total quantity to execute
 * @param limitPrice  worst price any child may trade at (null: none)
 * @param startTime   when to start working, kernel clock nanoseconds (0: at once)
 * @param endTime     when the order must be done, kernel clock nanoseconds
 * @param algorithm   the algorithm's name, e.g. {@code twap}, {@code vwap}, {@code pov}
 * @param parameters  algorithm parameters (each algorithm documents and validates its own)
 */
public record ParentOrder(ClientOrderId id, InstrumentId instrument, Side side, Quantity quantity, Price limitPrice,
        long startTime, long endTime, String algorithm, Map<String, String> parameters) {

    public ParentOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(instrument, "symbol");
        Objects.requireNonNull(side, "side");
        if (quantity == null || !quantity.isPositive()) {
            throw new IllegalArgumentException("qty: must be positive, was " + quantity);
        }
        if (limitPrice != null && !limitPrice.isPositive()) {
            throw new IllegalArgumentException("limit_price: must be positive, was " + limitPrice);
        }
        if (endTime <= startTime) {
            throw new IllegalArgumentException("end_time: must be after start_time");
        }
        if (algorithm == null || algorithm.isBlank()) {
            throw new IllegalArgumentException("algorithm: required (e.g. twap, vwap, pov)");
        }
        parameters = Map.copyOf(parameters == null ? Map.of() : parameters);
    }

    /** A parameter as a double, or {@code fallback}; the error names the parameter. */
    public double doubleParameter(String name, double fallback) {
        String v = parameters.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a number: '" + v + "'", e);
        }
    }
}
