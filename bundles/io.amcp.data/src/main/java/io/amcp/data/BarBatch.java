package io.amcp.data;

import io.amcp.api.model.Bar;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.InstrumentId;
import java.util.List;
import java.util.Objects;

/**
 * One symbol's bars on their way into the store, column by column, exactly as a source delivered
 * them: rows may be out of order, duplicated or inconsistent, which validation finds and
 * quarantines. Prices and volumes are raw fixed-point units ({@link io.amcp.api.model.FixedPoint}),
 * times are bar ends in nanoseconds since the epoch.
 *
 * @param symbol the instrument
 * @param time   bar end times
 * @param open   open prices, raw
 * @param high   high prices, raw
 * @param low    low prices, raw
 * @param close  close prices, raw
 * @param volume volumes, raw
 * @param source where the rows came from (a file name or a generator), used in quality reports
 * @param lines  the 1-based source line of each row, or null when the rows have none
 */
public record BarBatch(InstrumentId symbol, long[] time, long[] open, long[] high, long[] low, long[] close,
        long[] volume, String source, long[] lines) {

    public BarBatch {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(source, "source");
        int n = time.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n
                || (lines != null && lines.length != n)) {
            throw new IllegalArgumentException("batch " + symbol + " from " + source + ": columns have different lengths");
        }
    }

    /** A batch holding a whole series (shares its arrays; the store never modifies them). */
    public static BarBatch of(BarSeries series, String source) {
        return new BarBatch(series.instrument().id(), series.time(), series.open(), series.high(), series.low(),
                series.close(), series.volume(), source, null);
    }

    /**
     * A batch of one symbol's bars, in the order given (a live feed's or a REST page's bars).
     *
     * @throws IllegalArgumentException when {@code bars} is empty or holds bars of more than one symbol
     */
    public static BarBatch of(List<Bar> bars, String source) {
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("bars: at least one bar is required (source " + source + ")");
        }
        InstrumentId symbol = bars.get(0).instrument();
        int n = bars.size();
        long[] time = new long[n];
        long[] open = new long[n];
        long[] high = new long[n];
        long[] low = new long[n];
        long[] close = new long[n];
        long[] volume = new long[n];
        for (int i = 0; i < n; i++) {
            Bar b = bars.get(i);
            if (!b.instrument().equals(symbol)) {
                throw new IllegalArgumentException("bars: one batch holds one symbol, but bar " + (i + 1) + " is "
                        + b.instrument() + ", not " + symbol + " (source " + source + ")");
            }
            time[i] = b.time();
            open[i] = b.open();
            high[i] = b.high();
            low[i] = b.low();
            close[i] = b.close();
            volume[i] = b.volume();
        }
        return new BarBatch(symbol, time, open, high, low, close, volume, source, null);
    }

    /** Number of rows. */
    public int size() {
        return time.length;
    }

    /** Where row {@code row} came from, e.g. {@code aapl.csv line 17} or {@code synthetic row 3}. */
    public String origin(int row) {
        return lines == null ? source + " row " + (row + 1) : source + " line " + lines[row];
    }
}
