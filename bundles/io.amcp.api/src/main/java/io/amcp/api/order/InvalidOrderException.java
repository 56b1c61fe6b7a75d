package io.amcp.api.order;

/** A malformed order; {@link #field()} names the field at fault (Alpaca's field names). */
public final class InvalidOrderException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidOrderException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The request field at fault, e.g. {@code limit_price}. */
    public String field() {
        return field;
    }
}
