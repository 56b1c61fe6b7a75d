package io.amcp.datasource.news.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.amcp.datasource.news.FeedEntry;
import io.amcp.datasource.news.NewsAdapter;
import io.amcp.datasource.news.NewsFormatException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A Reddit listing ({@code /r/<subreddit>/new.json}): {@code {"kind":"Listing","data":{"children":
 * [{"kind":"t3","data":{...}}],"after":...}}}. Only links ({@code t3}) become entries; the text is the
 * title and the self text, the link the post's {@code url} (the article for link posts, the post
 * itself for self posts), the time {@code created_utc} (epoch seconds).
 */
public final class RedditListingAdapter implements NewsAdapter {

    private static final String SITE = "https://www.reddit.com";

    @Override
    public String kind() {
        return "reddit";
    }

    @Override
    public String accept() {
        return "application/json";
    }

    @Override
    public List<FeedEntry> parse(byte[] payload) {
        JsonNode root = Json.read(payload, kind());
        if (!"Listing".equals(root.path("kind").asText())) {
            throw new NewsFormatException("reddit: field 'kind' must be \"Listing\", was " + root.get("kind"));
        }
        JsonNode children = root.path("data").path("children");
        if (!children.isArray()) {
            throw new NewsFormatException("reddit: field 'data.children' must be an array");
        }
        List<FeedEntry> entries = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            JsonNode child = children.get(i);
            if (!"t3".equals(child.path("kind").asText())) {
                continue;
            }
            String path = "data.children[" + i + "].data.";
            JsonNode post = child.path("data");
            String title = Json.text(post, "title", path, kind(), true);
            JsonNode created = post.get("created_utc");
            if (created == null || !created.isNumber()) {
                throw new NewsFormatException("reddit: field '" + path + "created_utc' must be epoch seconds, was " + created);
            }
            String url = Json.text(post, "url", path, kind(), false);
            String permalink = Json.text(post, "permalink", path, kind(), false);
            if (url.isBlank() && !permalink.isBlank()) {
                url = SITE + permalink;
            }
            long millis = Math.round(created.asDouble() * 1000.0);
            String body = PlainText.of(Json.text(post, "selftext", path, kind(), false));
            entries.add(FeedEntry.of(title, body, url, Instant.ofEpochMilli(millis)));
        }
        return entries;
    }
}
