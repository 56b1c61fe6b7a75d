package io.amcp.datasource.news;

/** A feed payload that cannot be read; the message names the adapter and the element or field at fault. */
public final class NewsFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NewsFormatException(String message) {
        super(message);
    }

    public NewsFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
