package io.amcp.mcp.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a tool's JSON input schema: an object of named properties, no others allowed. */
final class Schema {

    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();

    static Schema object() {
        return new Schema();
    }

    Schema string(String name, String description, boolean mandatory) {
        return property(name, Map.of("type", "string", "description", description), mandatory);
    }

    Schema choice(String name, List<String> values, String description, boolean mandatory) {
        return property(name, Map.of("type", "string", "enum", values, "description", description), mandatory);
    }

    /** A decimal, as a JSON number or a numeric string (Alpaca sends quantities and prices as strings). */
    Schema decimal(String name, String description, boolean mandatory) {
        return property(name, Map.of("type", List.of("number", "string"), "description", description), mandatory);
    }

    Schema integer(String name, String description, boolean mandatory) {
        return property(name, Map.of("type", "integer", "description", description), mandatory);
    }

    Schema bool(String name, String description) {
        return property(name, Map.of("type", "boolean", "description", description), false);
    }

    Schema strings(String name, String description, boolean mandatory) {
        return property(name, Map.of("type", "array", "items", Map.of("type", "string"), "description", description),
                mandatory);
    }

    /** An object of named scalar values (strings, numbers or booleans), read as text. */
    Schema textMap(String name, String description) {
        return property(name, Map.of("type", "object", "additionalProperties",
                Map.of("type", List.of("string", "number", "boolean")), "description", description), false);
    }

    Schema objects(String name, Schema item, String description, boolean mandatory) {
        return property(name, Map.of("type", "array", "items", item.build(), "minItems", 1,
                "description", description), mandatory);
    }

    private Schema property(String name, Map<String, Object> schema, boolean mandatory) {
        properties.put(name, schema);
        if (mandatory) {
            required.add(name);
        }
        return this;
    }

    Map<String, Object> build() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", new LinkedHashMap<>(properties));
        if (!required.isEmpty()) {
            schema.put("required", List.copyOf(required));
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    java.util.Set<String> names() {
        return properties.keySet();
    }
}
