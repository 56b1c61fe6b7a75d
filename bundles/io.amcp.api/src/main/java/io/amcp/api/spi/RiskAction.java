package io.amcp.api.spi;

/**
 * What a risk limit does when it is breached; each limit is configured with one.
 * <ul>
 * <li>{@link #ALERT}: the order passes; the breach is reported (log, alerts).</li>
 * <li>{@link #BLOCK}: the order is rejected, naming the rule and the limit.</li>
 * <li>{@link #REDUCE}: the order is rejected and the rule submits a reducing order (e.g. a delta
 * hedge) through {@link RiskContext#submitRiskOrder}.</li>
 * <li>{@link #STOP}: stop trading: every position is flattened and the kill switch engaged
 * ({@link RiskContext#stopTrading}).</li>
 * </ul>
 */
public enum RiskAction {
    ALERT, BLOCK, REDUCE, STOP;

    /** Parses a configuration value such as {@code block}; the error names {@code field}. */
    public static RiskAction parse(String field, String value) {
        if (value != null) {
            for (RiskAction a : values()) {
                if (a.name().equalsIgnoreCase(value.trim())) {
                    return a;
                }
            }
        }
        throw new IllegalArgumentException(field + ": must be one of alert, block, reduce, stop; was '" + value + "'");
    }
}
