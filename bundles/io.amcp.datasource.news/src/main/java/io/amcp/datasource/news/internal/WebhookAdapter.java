package io.amcp.datasource.news.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.amcp.datasource.news.FeedEntry;
import io.amcp.datasource.news.NewsAdapter;
import io.amcp.datasource.news.NewsFormatException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON posted to the webhook: one story {@code {"title":..., "body":..., "url":...,
 * "published":"2024-04-30T13:30:00Z"}} or an array of them. Only {@code title} is required;
 * {@code published} is an RFC 3339 instant.
 */
public final class WebhookAdapter implements NewsAdapter {

    @Override
    public String kind() {
        return "webhook";
    }

    @Override
    public String accept() {
        return "application/json";
    }

    @Override
    public List<FeedEntry> parse(byte[] payload) {
        JsonNode root = Json.read(payload, kind());
        List<FeedEntry> entries = new ArrayList<>();
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                entries.add(entry(root.get(i), "[" + i + "]."));
            }
        } else {
            entries.add(entry(root, ""));
        }
        return entries;
    }

    private FeedEntry entry(JsonNode story, String path) {
        if (!story.isObject()) {
            throw new NewsFormatException("webhook: " + (path.isEmpty() ? "body" : "element " + path.substring(0, path.length() - 1))
                    + " must be a JSON object with a 'title', was " + story.getNodeType());
        }
        String title = Json.text(story, "title", path, kind(), true);
        if (title.isBlank()) {
            throw new NewsFormatException("webhook: field '" + path + "title' must not be blank");
        }
        String published = Json.text(story, "published", path, kind(), false);
        Instant at = null;
        if (!published.isBlank()) {
            try {
                at = OffsetDateTime.parse(published).toInstant();
            } catch (DateTimeParseException e) {
                throw new NewsFormatException("webhook: field '" + path + "published' must be an RFC 3339 instant such as "
                        + "2024-04-30T13:30:00Z, was '" + published + "'", e);
            }
        }
        return FeedEntry.of(title, PlainText.of(Json.text(story, "body", path, kind(), false)),
                Json.text(story, "url", path, kind(), false), at);
    }
}
