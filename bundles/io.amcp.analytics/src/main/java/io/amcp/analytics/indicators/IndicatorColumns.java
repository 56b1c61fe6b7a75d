package io.amcp.analytics.indicators;

import java.util.List;

/**
 * The output of a batch computation: one or more named columns of equal length, one row per input
 * bar, {@link Double#NaN} where the indicator is not ready yet. The arrays are owned by this object:
 * callers must not modify them.
 */
public final class IndicatorColumns {

    private final String indicator;
    private final List<String> names;
    private final double[][] columns;

    IndicatorColumns(String indicator, List<String> names, double[]... columns) {
        this.indicator = indicator;
        this.names = List.copyOf(names);
        this.columns = columns;
    }

    /** The indicator's name as given to {@link IndicatorSeries#compute}, e.g. {@code macd}. */
    public String indicator() {
        return indicator;
    }

    /** Column names in order, e.g. {@code [macd, signal, histogram]}. */
    public List<String> names() {
        return names;
    }

    /** The column at {@code index} (0-based, in the order of {@link #names()}). */
    public double[] column(int index) {
        return columns[index];
    }

    /**
     * The column called {@code name}.
     *
     * @throws IllegalArgumentException naming {@code name} when there is no such column
     */
    public double[] column(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("name: no column " + name + " in " + indicator + " " + names);
        }
        return columns[index];
    }

    /** Number of rows (input bars). */
    public int rows() {
        return columns[0].length;
    }

    @Override
    public String toString() {
        return indicator + names + " x " + rows() + " rows";
    }
}
