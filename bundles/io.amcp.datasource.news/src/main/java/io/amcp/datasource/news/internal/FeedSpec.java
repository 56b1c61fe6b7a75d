package io.amcp.datasource.news.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One configured feed, written {@code kind:name=url}, e.g. {@code rss:reuters-business=https://...}.
 *
 * @param kind the adapter kind ({@code rss}, {@code atom}, {@code reddit} or a registered adapter's)
 * @param name the feed's name, unique per kind
 * @param uri  where to fetch it (http or https)
 */
record FeedSpec(String kind, String name, URI uri) {

    private static final Pattern FORM = Pattern.compile("([a-z][a-z0-9-]*):([A-Za-z0-9._-]+)=(\\S+)");

    /** The feed's id in items and health records, {@code kind:name}. */
    String source() {
        return kind + ":" + name;
    }

    /** Parses entry {@code index} of the {@code feeds} property; errors name it. */
    static FeedSpec parse(String entry, int index) {
        Matcher m = FORM.matcher(entry.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("feeds[" + index + "]: expected 'kind:name=url' such as "
                    + "'rss:reuters-business=https://example.com/feed.xml', was '" + entry + "'");
        }
        URI uri;
        try {
            uri = new URI(m.group(3));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("feeds[" + index + "]: invalid url '" + m.group(3) + "': " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("feeds[" + index + "]: url must be http(s) with a host, was '" + m.group(3) + "'");
        }
        return new FeedSpec(m.group(1), m.group(2), uri);
    }
}
