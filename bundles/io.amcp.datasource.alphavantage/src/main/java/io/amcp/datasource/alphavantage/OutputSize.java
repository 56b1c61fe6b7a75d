package io.amcp.datasource.alphavantage;

/** How much history a time-series call returns (the API's {@code outputsize}). */
public enum OutputSize {
    /** The latest 100 bars. */
    COMPACT,
    /** The full history (daily: 20+ years; intraday: the latest 30 days, or one {@code month}). */
    FULL;

    /** The API's value. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
