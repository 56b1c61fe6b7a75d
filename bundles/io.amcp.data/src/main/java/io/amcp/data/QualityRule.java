package io.amcp.data;

/**
 * The checks run on every batch before it is stored. Rules marked quarantining reject the row
 * (it goes to the quarantine file with the field and the reason); the others are findings listed
 * in the {@link QualityReport} while the rows are kept.
 */
public enum QualityRule {
    /** A field is missing, not a number or not a timestamp (CSV input). Quarantines. */
    SCHEMA(true),
    /** A price is zero or negative. Quarantines. */
    NON_POSITIVE_PRICE(true),
    /** high below low, or open/close outside [low, high]. Quarantines. */
    OHLC_INCONSISTENT(true),
    /** Volume below zero. Quarantines. */
    NEGATIVE_VOLUME(true),
    /** A second row with the same bar time in one batch; the first is kept. Quarantines. */
    DUPLICATE_TIMESTAMP(true),
    /** A trading day of the calendar without bars, or missing intraday bars within a session. Reported. */
    GAP(false),
    /** A bar ending outside the regular session of its trading day (or on a non-trading day). Reported. */
    OUTSIDE_SESSION(false),
    /** A close-to-close log return whose robust z-score exceeds the threshold. Reported. */
    OUTLIER(false);

    private final boolean quarantines;

    QualityRule(boolean quarantines) {
        this.quarantines = quarantines;
    }

    /** Whether a row breaking this rule is quarantined rather than stored. */
    public boolean quarantines() {
        return quarantines;
    }
}
