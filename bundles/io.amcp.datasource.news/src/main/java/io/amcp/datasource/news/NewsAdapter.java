package io.amcp.datasource.news;

import java.util.List;

/**
 * Turns one payload of a news or social feed into entries. Register an implementation as an OSGi
 * service and configure feeds of its {@link #kind()} (for example {@code mastodon:markets=https://...})
 * to add a source without touching this bundle. The bundle itself ships {@code rss} (RSS 2.0),
 * {@code atom} (RFC 4287), {@code reddit} (Reddit listing JSON) and {@code webhook} (JSON posted to
 * the local webhook endpoint).
 *
 * <p>Implementations are stateless and thread-safe: one instance parses payloads of many feeds,
 * possibly at the same time.
 */
public interface NewsAdapter {

    /** The kind written before the colon in a feed entry of the configuration, e.g. {@code rss}. */
    String kind();

    /** The HTTP {@code Accept} header sent when fetching a feed of this kind. */
    default String accept() {
        return "*/*";
    }

    /**
     * Parses a payload into entries, in the order the feed lists them.
     *
     * @throws NewsFormatException naming the element or field at fault when the payload is malformed
     */
    List<FeedEntry> parse(byte[] payload);
}
