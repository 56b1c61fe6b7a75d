package io.amcp.datasource.economic.internal;

import java.util.Objects;

/**
 * A value a provider publishes without a release date.
 *
 * @param period the period it describes
 * @param value  the value, finite
 */
record PeriodValue(Period period, double value) {

    PeriodValue {
        Objects.requireNonNull(period, "period");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value: must be finite for " + period + ", was " + value);
        }
    }
}
