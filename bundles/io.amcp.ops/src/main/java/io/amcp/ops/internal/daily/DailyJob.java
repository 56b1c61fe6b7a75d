package io.amcp.ops.internal.daily;

/** The daily operations, in the order they run on a trading day. */
public enum DailyJob {
    /** Before the open: kernel, brokers, kill switch, risk rules, data freshness, strategy versions. */
    PRE_MARKET_CHECK,
    /** After the close: orders, positions and cash against each broker's statement. */
    RECONCILIATION,
    /** After the reconciliation: the HTML end-of-day report. */
    END_OF_DAY_REPORT,
    /** Evening: retention purge of old reports, journal archives and backups. */
    MAINTENANCE
}
