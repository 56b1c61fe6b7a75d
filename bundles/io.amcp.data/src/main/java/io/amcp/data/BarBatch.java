package io.amcp.data;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.InstrumentId;
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

    /** Number of rows. */
    public int size() {
        return time.length;
    }

    /** Where row {@code row} came from, e.g. {@code aapl.csv line 17} or {@code synthetic row 3}. */
    public String origin(int row) {
        return lines == null ? source + " row " + (row + 1) : source + " line " + lines[row];
    }
}
