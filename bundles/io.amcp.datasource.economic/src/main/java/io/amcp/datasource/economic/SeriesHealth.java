package io.amcp.datasource.economic;

import io.amcp.api.spi.PluginStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Health and freshness of one macro series: when a refresh last succeeded or failed, the last error
 * (never a credential), failures in a row, how many observations are stored and the newest period.
 *
 * @param seriesId            series id, e.g. {@code fred:UNRATE}
 * @param lastSuccess         end of the last successful refresh, {@code null} before the first one
 * @param lastFailure         end of the last failed refresh, {@code null} before the first one
 * @param lastError           message of the last failure, empty when none
 * @param consecutiveFailures failed refreshes since the last success
 * @param observations        observations stored (every release of every period)
 * @param latestPeriod        newest period stored, {@code null} when none
 */
public record SeriesHealth(String seriesId, Instant lastSuccess, Instant lastFailure, String lastError,
        int consecutiveFailures, int observations, LocalDate latestPeriod) {

    public SeriesHealth {
        Objects.requireNonNull(seriesId, "seriesId");
        lastError = lastError == null ? "" : lastError;
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutiveFailures: must not be negative, was " + consecutiveFailures);
        }
        if (observations < 0) {
            throw new IllegalArgumentException("observations: must not be negative, was " + observations);
        }
    }

    /** A series not refreshed yet, holding what the store had on disk. */
    public static SeriesHealth of(String seriesId, int observations, LocalDate latestPeriod) {
        return new SeriesHealth(seriesId, null, null, "", 0, observations, latestPeriod);
    }

    /** Online while the latest refresh succeeded (or none was made), else offline with the last error. */
    public PluginStatus status() {
        return consecutiveFailures == 0 ? PluginStatus.ONLINE
                : PluginStatus.offline(seriesId + ": " + consecutiveFailures + " failed refresh(es) in a row: " + lastError);
    }

    /** Time since the last successful refresh at {@code now}; empty before the first success. */
    public Optional<Duration> age(Instant now) {
        return lastSuccess == null ? Optional.empty() : Optional.of(Duration.between(lastSuccess, now));
    }

    /** This health after a refresh ending at {@code at} that left {@code count} observations up to {@code latest}. */
    public SeriesHealth succeeded(Instant at, int count, LocalDate latest) {
        return new SeriesHealth(seriesId, at, lastFailure, lastError, 0, count, latest);
    }

    /** This health after a refresh ending at {@code at} failed with {@code error}. */
    public SeriesHealth failed(Instant at, String error) {
        return new SeriesHealth(seriesId, lastSuccess, at, error, consecutiveFailures + 1, observations, latestPeriod);
    }
}
