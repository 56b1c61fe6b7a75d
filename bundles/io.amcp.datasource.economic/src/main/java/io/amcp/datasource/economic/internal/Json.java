package io.amcp.datasource.economic.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON document into plain values ({@code Map}, {@code List}, {@code String},
 * {@code Double}/{@code Long}, {@code Boolean}, {@code null}) with the streaming parser, so the
 * bundle needs jackson-core only. Provider payloads are small (at most a few MB).
 */
final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException with the parser's location when the text is not JSON
     */
    static Object parse(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("empty document");
            }
            return value(parser, first);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    map.put(name, value(parser, parser.nextToken()));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(value(parser, next));
                }
                return list;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return parser.getDoubleValue();
                }
                return parser.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected token " + token);
        }
    }

    /** {@code node} as an object, or null when it is something else. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    /** {@code node} as an array, or null when it is something else. */
    @SuppressWarnings("unchecked")
    static List<Object> array(Object node) {
        return node instanceof List<?> list ? (List<Object>) list : null;
    }
}
