package io.amcp.api.model;

import java.util.regex.Pattern;

/**
 * The identifier a venue (broker connector) gives an accepted order.
 *
 * @param value the identifier text
 */
public record OrderId(String value) implements Comparable<OrderId> {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    public OrderId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("orderId: invalid value '" + value + "' (expected [A-Za-z0-9][A-Za-z0-9._:-]{0,127})");
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
