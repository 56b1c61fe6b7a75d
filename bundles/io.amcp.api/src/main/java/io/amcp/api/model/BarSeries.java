package io.amcp.api.model;

import java.util.Objects;

/**
 * A column-oriented series of bars for one instrument, sorted by time, used for replay and bulk
 * analytics without one object per bar. Arrays are owned by the series: callers must not modify
 * them.
 *
 * @param instrument instrument
 * @param time       bar end times, nanoseconds since the epoch, strictly increasing
 * @param open       raw prices
 * @param high       raw prices
 * @param low        raw prices
 * @param close      raw prices
 * @param volume     raw quantities
 */
public record BarSeries(Instrument instrument, long[] time, long[] open, long[] high, long[] low, long[] close,
        long[] volume) {

    public BarSeries {
        Objects.requireNonNull(instrument, "instrument");
        int n = time.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
            throw new IllegalArgumentException("series " + instrument.id() + ": columns have different lengths");
        }
        for (int i = 1; i < n; i++) {
            if (time[i] <= time[i - 1]) {
                throw new IllegalArgumentException("series " + instrument.id() + ": time not strictly increasing at row " + i);
            }
        }
    }

    public int size() {
        return time.length;
    }

    /** The bar at {@code index} as a value (allocates). */
    public Bar bar(int index) {
        return new Bar(instrument.id(), time[index], open[index], high[index], low[index], close[index],
                volume[index]);
    }

    /** Closes as doubles (allocates a new array). */
    public double[] closesAsDouble() {
        double[] out = new double[close.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = FixedPoint.toDouble(close[i]);
        }
        return out;
    }
}
