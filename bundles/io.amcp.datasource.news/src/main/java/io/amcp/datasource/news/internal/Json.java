package io.amcp.datasource.news.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amcp.datasource.news.NewsFormatException;
import java.io.IOException;

/** Shared JSON reading with errors that name the adapter, the position and the field. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static JsonNode read(byte[] payload, String kind) {
        try {
            JsonNode node = MAPPER.readTree(payload);
            if (node == null || node.isMissingNode()) {
                throw new NewsFormatException(kind + ": empty body, expected a JSON document");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new NewsFormatException(kind + ": malformed JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new NewsFormatException(kind + ": unreadable JSON: " + e.getMessage(), e);
        }
    }

    /** The text field {@code name} of {@code node}; {@code path} names it in errors. */
    static String text(JsonNode node, String name, String path, String kind, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw new NewsFormatException(kind + ": field '" + path + name + "' is required");
            }
            return "";
        }
        if (!value.isTextual()) {
            throw new NewsFormatException(kind + ": field '" + path + name + "' must be a string, was " + value.getNodeType());
        }
        return value.asText();
    }
}
