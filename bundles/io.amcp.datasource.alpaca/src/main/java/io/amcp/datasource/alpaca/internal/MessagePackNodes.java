package io.amcp.datasource.alpaca.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.amcp.codec.msgpack.MessagePackExtension;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Decoded MessagePack trees as the Jackson nodes the JSON path reads, so one message handler
 * serves both encodings. A timestamp stays the decoded {@link Instant}, held in a POJO node that
 * {@link io.amcp.datasource.alpaca.AlpacaValues#instant} reads as it is (no RFC 3339 text is made
 * and parsed back per event); a float 32 becomes the decimal its shortest text denotes, not its
 * binary expansion.
 */
final class MessagePackNodes {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private MessagePackNodes() {
    }

    static JsonNode node(Object tree) {
        if (tree == null) {
            return NODES.nullNode();
        } else if (tree instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> object.set((String) k, node(v)));
            return object;
        } else if (tree instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode(list.size());
            list.forEach(v -> array.add(node(v)));
            return array;
        } else if (tree instanceof String s) {
            return NODES.textNode(s);
        } else if (tree instanceof Long l) {
            return NODES.numberNode(l);
        } else if (tree instanceof BigInteger i) {
            return NODES.numberNode(i);
        } else if (tree instanceof Double d) {
            return NODES.numberNode(d);
        } else if (tree instanceof Float f) {
            return NODES.numberNode(new BigDecimal(Float.toString(f)));
        } else if (tree instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (tree instanceof Instant t) {
            return NODES.pojoNode(t);
        } else if (tree instanceof byte[] bytes) {
            return NODES.binaryNode(bytes);
        } else if (tree instanceof MessagePackExtension e) {
            return NODES.binaryNode(e.data());
        }
        throw new IllegalArgumentException("no JSON form for " + tree.getClass().getName());
    }
}
