package io.amcp.ai.models.registry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link ModelVersion} as JSON (keys sorted, so equal metadata gives equal text). */
final class MetadataJson {

    private static final JsonFactory JSON = new JsonFactory();

    private MetadataJson() {
    }

    static String write(ModelVersion v) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(text).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("name", v.name());
            g.writeNumberField("version", v.version());
            g.writeStringField("kind", v.kind());
            g.writeStringField("format", v.format());
            g.writeStringField("trainedAt", v.trainedAt());
            g.writeStringField("sha256", v.sha256());
            g.writeObjectFieldStart("parameters");
            for (Map.Entry<String, String> e : new TreeMap<>(v.parameters()).entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("data");
            g.writeStringField("dataset", v.data().dataset());
            g.writeStringField("instrument", v.data().instrument());
            g.writeNumberField("firstTime", v.data().firstTime());
            g.writeNumberField("lastTime", v.data().lastTime());
            g.writeNumberField("samples", v.data().samples());
            g.writeEndObject();
            g.writeObjectFieldStart("metrics");
            for (Map.Entry<String, Double> e : new TreeMap<>(v.metrics()).entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("features");
            for (String f : v.features()) {
                g.writeString(f);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    static ModelVersion read(String json, String source) {
        Map<String, Object> top = new LinkedHashMap<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Double> metrics = new LinkedHashMap<>();
        List<String> features = new ArrayList<>();
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, source);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "parameters" -> {
                        expect(value, JsonToken.START_OBJECT, source);
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String key = p.currentName();
                            p.nextToken();
                            parameters.put(key, p.getText());
                        }
                    }
                    case "data" -> {
                        expect(value, JsonToken.START_OBJECT, source);
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String key = p.currentName();
                            JsonToken t = p.nextToken();
                            data.put(key, t.isNumeric() ? (Object) p.getLongValue() : p.getText());
                        }
                    }
                    case "metrics" -> {
                        expect(value, JsonToken.START_OBJECT, source);
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String key = p.currentName();
                            p.nextToken();
                            metrics.put(key, p.getDoubleValue());
                        }
                    }
                    case "features" -> {
                        expect(value, JsonToken.START_ARRAY, source);
                        while (p.nextToken() == JsonToken.VALUE_STRING) {
                            features.add(p.getText());
                        }
                    }
                    default -> top.put(field, value.isNumeric() ? (Object) p.getIntValue() : p.getText());
                }
            }
            DataRange range = DataRange.of((String) data.get("dataset"), (String) data.get("instrument"),
                    (Long) data.get("firstTime"), (Long) data.get("lastTime"), ((Long) data.get("samples")).intValue());
            return new ModelVersion((String) top.get("name"), (Integer) top.get("version"), (String) top.get("kind"),
                    (String) top.get("format"), parameters, range, metrics, features, (String) top.get("trainedAt"),
                    (String) top.get("sha256"));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(source + ": not valid model metadata: " + e.getMessage(), e);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected, String source) throws IOException {
        if (actual != expected) {
            throw new IOException(source + ": expected " + expected + ", found " + actual);
        }
    }
}
