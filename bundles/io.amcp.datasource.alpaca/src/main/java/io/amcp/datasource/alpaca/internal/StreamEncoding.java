package io.amcp.datasource.alpaca.internal;

import java.util.Locale;
import java.util.Map;

/** The wire format of Alpaca's market-data stream. */
enum StreamEncoding {

    /** JSON arrays in text frames (the default). */
    JSON,

    /**
     * MessagePack in binary frames, asked for with {@code Content-Type: application/msgpack} on the
     * upgrade request; times ({@code t}) come as the MessagePack timestamp extension type.
     */
    MSGPACK;

    private static final String MSGPACK_TYPE = "application/msgpack";

    /** The headers of the WebSocket upgrade request that select this encoding. */
    Map<String, String> upgradeHeaders() {
        return this == MSGPACK ? Map.of("Content-Type", MSGPACK_TYPE) : Map.of();
    }

    /** Parses {@code json} or {@code msgpack}; the error names {@code property}. */
    static StreamEncoding of(String property, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "json" -> JSON;
            case "msgpack" -> MSGPACK;
            default -> throw new IllegalArgumentException(property + ": expected json or msgpack, was '" + value + "'");
        };
    }
}
