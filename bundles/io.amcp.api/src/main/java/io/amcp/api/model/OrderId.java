package io.amcp.api.model;

/**
 * The identifier a venue (broker connector) gives an accepted order.
 *
 * @param value the identifier text
 */
public record OrderId(String value) implements Comparable<OrderId> {

    public OrderId {
        if (!OrderTokens.isValid(value)) {
            throw new IllegalArgumentException("orderId: invalid value '" + value + "' (expected " + OrderTokens.PATTERN + ")");
        }
    }

    public static OrderId of(String value) {
        return new OrderId(value);
    }

    @Override
    public int compareTo(OrderId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
