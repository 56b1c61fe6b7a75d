package io.amcp.stream.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.amcp.api.model.Bar;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.order.OrderDenied;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.OrderView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * The JSON messages on the AMCP topics. Every message is an object with {@code schemaVersion}
 * ({@value #SCHEMA_VERSION}), {@code type}, {@code instrument} (also the record key) and {@code time}
 * (nanoseconds since the epoch); prices, quantities and money are exact decimal strings.
 *
 * <ul>
 *   <li>{@code bar}: {@code open}, {@code high}, {@code low}, {@code close}, {@code volume}.</li>
 *   <li>order events ({@code OrderAccepted}, {@code OrderFilled}, {@code OrderDenied}, ...): {@code event}
 *       holds the event's fields by their record names (nested records as objects), {@code order}
 *       the order as the OMS holds it after the event ({@code status}, {@code strategyId},
 *       {@code filledQuantity}, {@code averageFillPrice}), absent when the OMS does not know it.</li>
 * </ul>
 *
 * <p>Readers must reject a {@code schemaVersion} newer than the one they know.
 */
public final class EventJson {

    /** The version of the message layout written by this class. */
    public static final int SCHEMA_VERSION = 1;

    private static final JsonFactory JSON = new JsonFactory();

    private EventJson() {
    }

    /** The message of {@code bar}. */
    public static byte[] bar(Bar bar) {
        return write(g -> {
            header(g, "bar", bar.instrument(), bar.time());
            g.writeStringField("open", FixedPoint.format(bar.open()));
            g.writeStringField("high", FixedPoint.format(bar.high()));
            g.writeStringField("low", FixedPoint.format(bar.low()));
            g.writeStringField("close", FixedPoint.format(bar.close()));
            g.writeStringField("volume", FixedPoint.format(bar.volume()));
        });
    }

    /**
     * The message of an order event.
     *
     * @param instrument the instrument the order trades (the event alone does not always name it)
     * @param order      the order after the event, or null when the OMS does not know it
     */
    public static byte[] orderEvent(OrderEvent event, InstrumentId instrument, OrderView order) {
        return write(g -> {
            header(g, event.getClass().getSimpleName(), instrument, event.time());
            g.writeFieldName("event");
            value(g, event);
            if (order != null) {
                g.writeObjectFieldStart("order");
                g.writeStringField("status", order.status().name());
                g.writeStringField("strategyId", order.strategyId().toString());
                g.writeStringField("filledQuantity", order.filledQuantity().toString());
                if (order.averageFillPrice() != null) {
                    g.writeStringField("averageFillPrice", order.averageFillPrice().toString());
                }
                g.writeEndObject();
            }
        });
    }

    /** The instrument an order event concerns: from the event when it names one, else from the order. */
    public static InstrumentId instrumentOf(OrderEvent event, OrderView order) {
        if (event instanceof OrderFilled f) {
            return f.instrument();
        }
        if (event instanceof OrderDenied d) {
            return d.order().instrument();
        }
        return order == null ? null : order.request().instrument();
    }

    /**
     * Reads a {@code bar} message.
     *
     * @param source names the message in errors (topic, partition and offset)
     * @throws IllegalArgumentException naming the field at fault, or when the schema version is
     *                                  newer than {@value #SCHEMA_VERSION} or the type is not {@code bar}
     */
    public static Bar parseBar(byte[] message, String source) {
        Map<String, String> f = new HashMap<>();
        try (JsonParser p = JSON.createParser(message)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException(source + ": not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.getCurrentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    p.skipChildren();
                } else {
                    f.put(name, p.getText());
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": malformed JSON: " + e.getMessage(), e);
        }
        int version = (int) number(f, "schemaVersion", source);
        if (version > SCHEMA_VERSION) {
            throw new IllegalArgumentException(source + ": schemaVersion " + version + " is newer than " + SCHEMA_VERSION
                    + ", which this reader knows");
        }
        if (!"bar".equals(f.get("type"))) {
            throw new IllegalArgumentException(source + ": field 'type' is '" + f.get("type") + "', not 'bar'");
        }
        String instrument = required(f, "instrument", source);
        long time = number(f, "time", source);
        try {
            return new Bar(InstrumentId.of(instrument), time, decimal(f, "open", source), decimal(f, "high", source),
                    decimal(f, "low", source), decimal(f, "close", source), decimal(f, "volume", source));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(source)) {
                throw e;
            }
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> f, String field, String source) {
        String v = f.get(field);
        if (v == null) {
            throw new IllegalArgumentException(source + ": field '" + field + "' is missing");
        }
        return v;
    }

    private static long number(Map<String, String> f, String field, String source) {
        String v = required(f, field, source);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": field '" + field + "' is not an integer: '" + v + "'", e);
        }
    }

    private static long decimal(Map<String, String> f, String field, String source) {
        String v = required(f, field, source);
        try {
            return FixedPoint.parse(v);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source + ": field '" + field + "' is not a decimal: '" + v + "'", e);
        }
    }

    private static void header(JsonGenerator g, String type, InstrumentId instrument, long time) throws IOException {
        g.writeNumberField("schemaVersion", SCHEMA_VERSION);
        g.writeStringField("type", type);
        if (instrument != null) {
            g.writeStringField("instrument", instrument.value());
        }
        g.writeNumberField("time", time);
    }

    /**
     * Records of several fields as objects by component name, numbers and booleans as such, anything
     * else (typed ids, prices, quantities) as its string form.
     */
    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Record r && r.getClass().getRecordComponents().length > 1) {
            g.writeStartObject();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                g.writeFieldName(c.getName());
                try {
                    value(g, c.getAccessor().invoke(r));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + r.getClass().getSimpleName() + "." + c.getName(), e);
                }
            }
            g.writeEndObject();
        } else if (v instanceof Long || v instanceof Integer) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof BigDecimal d) {
            g.writeString(d.toPlainString());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Enum<?> e) {
            g.writeString(e.name());
        } else {
            g.writeString(v.toString());
        }
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
