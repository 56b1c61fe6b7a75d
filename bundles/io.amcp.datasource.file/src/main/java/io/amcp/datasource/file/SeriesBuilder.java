package io.amcp.datasource.file;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.Instrument;
import java.util.Arrays;

/** Accumulates bars into growing primitive columns, then hands them over as a {@link BarSeries}. */
final class SeriesBuilder {

    private final Instrument instrument;
    private long[] time;
    private long[] open;
    private long[] high;
    private long[] low;
    private long[] close;
    private long[] volume;
    private int size;

    SeriesBuilder(Instrument instrument, int initialCapacity) {
        this.instrument = instrument;
        int capacity = Math.max(16, initialCapacity);
        time = new long[capacity];
        open = new long[capacity];
        high = new long[capacity];
        low = new long[capacity];
        close = new long[capacity];
        volume = new long[capacity];
    }

    int size() {
        return size;
    }

    long lastTime() {
        return time[size - 1];
    }

    void add(long t, long o, long h, long l, long c, long v) {
        if (size == time.length) {
            int capacity = size + (size >> 1);
            time = Arrays.copyOf(time, capacity);
            open = Arrays.copyOf(open, capacity);
            high = Arrays.copyOf(high, capacity);
            low = Arrays.copyOf(low, capacity);
            close = Arrays.copyOf(close, capacity);
            volume = Arrays.copyOf(volume, capacity);
        }
        time[size] = t;
        open[size] = o;
        high[size] = h;
        low[size] = l;
        close[size] = c;
        volume[size] = v;
        size++;
    }

    /** Replaces the time of row {@code index} (used where bar ends are known only after reading). */
    void setTime(int index, long t) {
        time[index] = t;
    }

    long time(int index) {
        return time[index];
    }

    BarSeries build() {
        return new BarSeries(instrument, Arrays.copyOf(time, size), Arrays.copyOf(open, size),
                Arrays.copyOf(high, size), Arrays.copyOf(low, size), Arrays.copyOf(close, size),
                Arrays.copyOf(volume, size));
    }
}
