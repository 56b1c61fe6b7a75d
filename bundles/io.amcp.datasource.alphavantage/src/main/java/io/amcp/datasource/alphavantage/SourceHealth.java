package io.amcp.datasource.alphavantage;

import io.amcp.api.spi.PluginStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Health and freshness of a data source, as the data manager shows it: when a request last
 * succeeded, the last error and how many requests in a row have failed. A request counts once,
 * however many retries it took.
 *
 * @param source              source id, e.g. {@code alphavantage}
 * @param lastSuccess         end of the last successful request, {@code null} before the first one
 * @param lastFailure         end of the last failed request, {@code null} before the first one
 * @param lastError           message of the last failure (never a credential), empty when none
 * @param consecutiveFailures failed requests since the last success
 */
public record SourceHealth(String source, Instant lastSuccess, Instant lastFailure, String lastError,
        int consecutiveFailures) {

    public SourceHealth {
        Objects.requireNonNull(source, "source");
        lastError = lastError == null ? "" : lastError;
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutiveFailures: must not be negative, was " + consecutiveFailures);
        }
    }

    /** A source that has not been asked anything yet. */
    public static SourceHealth of(String source) {
        return new SourceHealth(source, null, null, "", 0);
    }

    /** Online while the latest request succeeded (or none was made), else offline with the last error. */
    public PluginStatus status() {
        return consecutiveFailures == 0 ? PluginStatus.ONLINE
                : PluginStatus.offline(consecutiveFailures + " failed request(s) in a row: " + lastError);
    }

    /** Age of the freshest successful answer at {@code now}; empty before the first success. */
    public Optional<Duration> age(Instant now) {
        return lastSuccess == null ? Optional.empty() : Optional.of(Duration.between(lastSuccess, now));
    }

    /** This health after a successful request ending at {@code at}. */
    public SourceHealth succeeded(Instant at) {
        return new SourceHealth(source, at, lastFailure, lastError, 0);
    }

    /** This health after a failed request ending at {@code at}. */
    public SourceHealth failed(Instant at, String error) {
        return new SourceHealth(source, lastSuccess, at, error, consecutiveFailures + 1);
    }
}
