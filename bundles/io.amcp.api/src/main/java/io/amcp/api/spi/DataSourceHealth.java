package io.amcp.api.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a data source reports about each of its feeds (a symbol set, a macro series, a news feed), so
 * that one data manager ({@code amcp:data-sources}, the console) shows every source's health and
 * freshness side by side. Sources register it beside their data services; reading it never blocks.
 */
public interface DataSourceHealth {

    /** The source, e.g. {@code yahoo}, {@code economic}, {@code news}. */
    String sourceId();

    /** One entry per feed, in a stable order. */
    List<FeedHealth> feeds();

    /**
     * Health of one feed.
     *
     * @param feed                the feed's name within the source
     * @param lastSuccess         end of the last successful request, null before the first
     * @param lastFailure         end of the last failed request, null before the first
     * @param lastError           last failure's message (never a credential), empty when none
     * @param consecutiveFailures failed requests since the last success
     */
    record FeedHealth(String feed, Instant lastSuccess, Instant lastFailure, String lastError,
            int consecutiveFailures) {

        public FeedHealth {
            Objects.requireNonNull(feed, "feed");
            lastError = lastError == null ? "" : lastError;
            if (consecutiveFailures < 0) {
                throw new IllegalArgumentException("consecutiveFailures: must not be negative, was "
                        + consecutiveFailures);
            }
        }

        /** Online while the latest request succeeded (or none was made yet), else offline with the last error. */
        public PluginStatus status() {
            return consecutiveFailures == 0 ? PluginStatus.ONLINE
                    : PluginStatus.offline(consecutiveFailures + " failed request(s) in a row: " + lastError);
        }

        /** Age of the freshest successful answer at {@code now}; empty before the first success. */
        public Optional<Duration> age(Instant now) {
            return lastSuccess == null ? Optional.empty() : Optional.of(Duration.between(lastSuccess, now));
        }
    }
}
