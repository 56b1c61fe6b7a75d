package io.amcp.data;

/** File formats {@link BarStore#export} writes. */
public enum ExportFormat {
    /** Comma-separated text with a header: symbol,time (ISO-8601 UTC),open,high,low,close,volume in decimal units. */
    CSV,
    /** One Parquet file (zstd) with columns symbol, ts (nanoseconds), open, high, low, close, volume (raw units). */
    PARQUET
}
