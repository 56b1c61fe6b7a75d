package io.amcp.datasource.news.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * De-duplication keys of a story: its normalised link and its normalised headline. The same story
 * reached through two feeds (an RSS item, an Atom entry, a Reddit post linking the article) shares
 * at least one of them. Links are compared without scheme, {@code www.}, default port, fragment,
 * trailing slash and tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid}), with the
 * remaining query parameters sorted; headlines case-insensitively with punctuation and runs of
 * spaces ignored.
 *
 * @param urlKey   hash of the normalised link, empty when the story has none
 * @param titleKey hash of the normalised headline
 */
record StoryKeys(String urlKey, String titleKey) {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "mc_cid", "mc_eid", "cmpid");

    static StoryKeys of(String url, String title) {
        String normalised = normaliseUrl(url);
        return new StoryKeys(normalised.isEmpty() ? "" : "u" + hash(normalised), "t" + hash(normaliseTitle(title)));
    }

    /** The id an item gets: the link's key, or the headline's when it has no link. */
    String id() {
        return urlKey.isEmpty() ? titleKey : urlKey;
    }

    static String normaliseTitle(String title) {
        return NOT_WORD.matcher(title.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    static String normaliseUrl(String url) {
        if (url.isBlank()) {
            return "";
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return url.strip().toLowerCase(Locale.ROOT);
        }
        if (uri.getHost() == null) {
            return url.strip().toLowerCase(Locale.ROOT);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || port == 80 || port == 443;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        List<String> params = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String param : uri.getRawQuery().split("&")) {
                String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
                if (!param.isEmpty() && !name.startsWith("utm_") && !TRACKING.contains(name)) {
                    params.add(param);
                }
            }
        }
        params.sort(null);
        return host + (defaultPort ? "" : ":" + port) + path + (params.isEmpty() ? "" : "?" + String.join("&", params));
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
