package io.amcp.stream.kafka;

import io.amcp.api.order.OrderDenied;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderFilled;
import java.util.regex.Pattern;

/**
 * The names of the AMCP topics, all under one prefix: {@code <prefix>.bars},
 * {@code <prefix>.orders} (every order event but fills and risk denials), {@code <prefix>.fills}
 * and {@code <prefix>.risk} (orders the pre-trade risk chain refused).
 *
 * @param prefix topic name prefix, e.g. {@code amcp}
 */
public record StreamTopics(String prefix) {

    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    public StreamTopics {
        if (prefix == null || !TOPIC.matcher(prefix).matches()) {
            throw new IllegalArgumentException("topicPrefix: '" + prefix + "' is not a valid Kafka topic name prefix"
                    + " (letters, digits, '.', '_', '-')");
        }
    }

    /** Topics under {@code prefix}. */
    public static StreamTopics of(String prefix) {
        return new StreamTopics(prefix);
    }

    public String bars() {
        return prefix + ".bars";
    }

    public String orders() {
        return prefix + ".orders";
    }

    public String fills() {
        return prefix + ".fills";
    }

    public String risk() {
        return prefix + ".risk";
    }

    /** The topic an order event goes to. */
    public String topicOf(OrderEvent event) {
        if (event instanceof OrderFilled) {
            return fills();
        }
        if (event instanceof OrderDenied) {
            return risk();
        }
        return orders();
    }
}
