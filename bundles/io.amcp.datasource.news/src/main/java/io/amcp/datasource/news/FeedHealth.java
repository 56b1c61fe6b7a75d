package io.amcp.datasource.news;

import java.time.Instant;
import java.util.Optional;

/**
 * Health and freshness of one feed, as the data manager shows it.
 *
 * @param source              the feed, e.g. {@code rss:reuters-business}
 * @param lastSuccess         when a fetch last succeeded, empty before the first success
 * @param lastFailure         when a fetch last failed, empty if none has
 * @param lastError           why the last failed fetch failed, empty if none has
 * @param consecutiveFailures failed fetches since the last success
 * @param itemsAccepted       new (non-duplicate) items this feed contributed since activation
 */
public record FeedHealth(String source, Optional<Instant> lastSuccess, Optional<Instant> lastFailure,
                         String lastError, int consecutiveFailures, long itemsAccepted) {

    public FeedHealth {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source must not be blank");
        }
        lastSuccess = lastSuccess == null ? Optional.empty() : lastSuccess;
        lastFailure = lastFailure == null ? Optional.empty() : lastFailure;
        lastError = lastError == null ? "" : lastError;
        if (consecutiveFailures < 0 || itemsAccepted < 0) {
            throw new IllegalArgumentException("consecutiveFailures and itemsAccepted must be >= 0");
        }
    }

    /** A feed that has not been fetched yet. */
    public static FeedHealth unknown(String source) {
        return new FeedHealth(source, Optional.empty(), Optional.empty(), "", 0, 0);
    }

    /** This record after a successful fetch at {@code at} that added {@code newItems} items. */
    public FeedHealth succeeded(Instant at, int newItems) {
        return new FeedHealth(source, Optional.of(at), lastFailure, lastError, 0, itemsAccepted + newItems);
    }

    /** This record after a failed fetch at {@code at}. */
    public FeedHealth failed(Instant at, String error) {
        return new FeedHealth(source, lastSuccess, Optional.of(at), error, consecutiveFailures + 1, itemsAccepted);
    }
}
