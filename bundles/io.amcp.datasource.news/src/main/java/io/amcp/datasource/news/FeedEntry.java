package io.amcp.datasource.news;

import java.time.Instant;
import java.util.Optional;

/**
 * One story as an adapter read it, before de-duplication, tagging and scoring.
 *
 * @param title     headline, not blank
 * @param body      summary or text, may be empty; plain text (markup already removed)
 * @param url       link to the story, may be empty
 * @param published when the feed says it was published; empty when the feed does not say, and the
 *                  bundle then uses the time it received the entry
 */
public record FeedEntry(String title, String body, String url, Optional<Instant> published) {

    public FeedEntry {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title must not be blank");
        }
        title = title.strip();
        body = body == null ? "" : body.strip();
        url = url == null ? "" : url.strip();
        published = published == null ? Optional.empty() : published;
    }

    /** Creates an entry; {@code published} may be null when the feed does not say. */
    public static FeedEntry of(String title, String body, String url, Instant published) {
        return new FeedEntry(title, body, url, Optional.ofNullable(published));
    }
}
