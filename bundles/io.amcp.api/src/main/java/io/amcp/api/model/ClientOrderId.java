package io.amcp.api.model;

import java.util.regex.Pattern;

/**
 * The client order id chosen by the platform or the user; it makes submission idempotent: a second submission with the same id is refused, never sent twice.
 *
 * @param value the identifier text
 */
public record ClientOrderId(String value) implements Comparable<ClientOrderId> {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    public ClientOrderId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("clientOrderId: invalid value '" + value + "' (expected [A-Za-z0-9][A-Za-z0-9._:-]{0,127})");
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
