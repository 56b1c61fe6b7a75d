package io.amcp.api.model;

/**
 * The client order id chosen by the platform or the user; it makes submission idempotent: a second submission with the same id is refused, never sent twice.
 *
 * @param value the identifier text
 */
public record ClientOrderId(String value) implements Comparable<ClientOrderId> {

    public ClientOrderId {
        if (!OrderTokens.isValid(value)) {
            throw new IllegalArgumentException("clientOrderId: invalid value '" + value + "' (expected " + OrderTokens.PATTERN + ")");
        }
    }

    public static ClientOrderId of(String value) {
        return new ClientOrderId(value);
    }

    @Override
    public int compareTo(ClientOrderId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
