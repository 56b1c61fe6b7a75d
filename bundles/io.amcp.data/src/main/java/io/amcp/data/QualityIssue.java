package io.amcp.data;

import io.amcp.api.model.InstrumentId;
import java.util.Objects;

/**
 * One finding of validation: a quarantined row or a reported anomaly.
 *
 * @param rule   the rule broken
 * @param symbol the instrument
 * @param time   bar end time in nanoseconds since the epoch, or {@link Long#MIN_VALUE} when the row has none
 * @param origin where the row came from, e.g. {@code aapl.csv line 17}
 * @param field  the field at fault ({@code open}, {@code time}, ...), or empty for the whole row
 * @param reason what is wrong, in words
 * @param row    the row as read (CSV text, or the raw values separated by commas)
 */
public record QualityIssue(QualityRule rule, InstrumentId symbol, long time, String origin, String field, String reason,
        String row) {

    public QualityIssue {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(row, "row");
    }
}
