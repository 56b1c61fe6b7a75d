package io.amcp.ai.features;

import io.amcp.api.model.InstrumentId;
import java.util.Arrays;
import java.util.Objects;

/**
 * Features of one instrument over a series of bars, column-major: feature {@code j} of bar {@code i}
 * is {@code values()[j * rows() + i]}, so each feature is one contiguous column. Produced by
 * {@link FeatureEngine#compute}.
 */
public final class FeatureMatrix {

    private final InstrumentId instrument;
    private final FeatureRegistry registry;
    private final long[] time;
    private final double[] values;

    /**
     * @param instrument the instrument
     * @param registry   the features, in column order
     * @param time       bar end times, one per row
     * @param values     column-major values, {@code time.length * registry.size()} of them; owned by the matrix
     */
    public FeatureMatrix(InstrumentId instrument, FeatureRegistry registry, long[] time, double[] values) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.time = Objects.requireNonNull(time, "time");
        this.values = Objects.requireNonNull(values, "values");
        if ((long) time.length * registry.size() != values.length) {
            throw new IllegalArgumentException("values: expected " + (long) time.length * registry.size()
                    + " values (" + time.length + " rows x " + registry.size() + " features), got " + values.length);
        }
    }

    public InstrumentId instrument() {
        return instrument;
    }

    public FeatureRegistry registry() {
        return registry;
    }

    /** Number of bars. */
    public int rows() {
        return time.length;
    }

    /** Number of features. */
    public int columns() {
        return registry.size();
    }

    /** Bar end time of {@code row}, nanoseconds since the epoch. */
    public long time(int row) {
        return time[row];
    }

    /** Feature {@code column} at bar {@code row}. */
    public double get(int row, int column) {
        Objects.checkIndex(row, time.length);
        Objects.checkIndex(column, registry.size());
        return values[column * time.length + row];
    }

    /** A copy of one feature's column. */
    public double[] column(int column) {
        Objects.checkIndex(column, registry.size());
        int n = time.length;
        return Arrays.copyOfRange(values, column * n, column * n + n);
    }

    /** A copy of the column of the feature called {@code name}. */
    public double[] column(String name) {
        return column(registry.indexOf(name));
    }

    /** A copy of every feature at bar {@code row}, in column order. */
    public double[] row(int row) {
        Objects.checkIndex(row, time.length);
        double[] out = new double[registry.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = values[j * time.length + row];
        }
        return out;
    }

    /** The column-major backing array; callers must not modify it. */
    public double[] values() {
        return values;
    }
}
