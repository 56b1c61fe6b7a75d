package io.amcp.ops;

/** How urgent an alert is; channels deliver alerts at or above their configured minimum. */
public enum Severity {
    /** Worth knowing, nothing to do (a daily job finished). */
    INFO,
    /** Needs a look during the day (stale data, a reconciliation difference). */
    WARNING,
    /** Needs someone now (kill switch engaged, broker offline while trading). */
    CRITICAL;

    /** Whether this severity is at least {@code minimum}. */
    public boolean atLeast(Severity minimum) {
        return compareTo(minimum) >= 0;
    }

    /**
     * Parses a severity name, ignoring case.
     *
     * @throws IllegalArgumentException naming {@code field} when the text is not a severity
     */
    public static Severity parse(String field, String text) {
        try {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(field + ": expected INFO, WARNING or CRITICAL, was '" + text + "'", e);
        }
    }
}
