package io.amcp.api.altdata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One published value of a macro series: the period it describes, when that value became public,
 * and the value. A revision is a second observation of the same period with a later release.
 *
 * @param seriesId stable id, e.g. {@code fred:CPIAUCSL}
 * @param period   first day of the period the value describes
 * @param released instant the value was published (first known)
 * @param value    the value, finite
 */
public record MacroObservation(String seriesId, LocalDate period, Instant released, double value) {

    public MacroObservation {
        if (seriesId == null || seriesId.isBlank()) {
            throw new IllegalArgumentException("seriesId must not be blank");
        }
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(released, "released");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite for " + seriesId + " " + period + ": " + value);
        }
    }

    /** Creates an observation; see the record components. */
    public static MacroObservation of(String seriesId, LocalDate period, Instant released, double value) {
        return new MacroObservation(seriesId, period, released, value);
    }
}
