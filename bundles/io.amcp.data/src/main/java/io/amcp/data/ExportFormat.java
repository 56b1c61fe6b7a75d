package io.amcp.data;

import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.Clock;

/** File formats {@link BarStore#export} writes. */
public enum ExportFormat {
    /** Comma-separated text with a header: symbol,time (ISO-8601 UTC),open,high,low,close,volume in decimal units. */
    CSV,
    /** One Parquet file (zstd) with columns symbol, ts (nanoseconds), open, high, low, close, volume (raw units). */
    PARQUET;

    /**
     * One bar as a {@link #CSV} row, newline included: the symbol, the time as ISO-8601 UTC and the raw
     * fixed-point prices and volume in decimal units.
     */
    public static String csvRow(InstrumentId symbol, long time, long open, long high, long low, long close, long volume) {
        return symbol + "," + Clock.toInstant(time) + "," + FixedPoint.format(open) + "," + FixedPoint.format(high) + ","
                + FixedPoint.format(low) + "," + FixedPoint.format(close) + "," + FixedPoint.format(volume) + "\n";
    }
}
