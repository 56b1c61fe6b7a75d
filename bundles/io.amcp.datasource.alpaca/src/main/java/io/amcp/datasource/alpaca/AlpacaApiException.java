package io.amcp.datasource.alpaca;

/**
 * Alpaca answered a request with an error status. Alpaca's error body is
 * {@code {"code":40310000,"message":"insufficient buying power"}}; both parts are kept.
 */
public final class AlpacaApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final long code;
    private final String apiMessage;

    public AlpacaApiException(String request, int status, long code, String apiMessage) {
        super(request + " -> HTTP " + status + (code != 0 ? " code " + code : "") + ": " + apiMessage);
        this.status = status;
        this.code = code;
        this.apiMessage = apiMessage;
    }

    /** The HTTP status, e.g. 403 or 422. */
    public int status() {
        return status;
    }

    /** Alpaca's error code from the body, or 0 when the body had none. */
    public long code() {
        return code;
    }

    /** Alpaca's message from the body (or the raw body). */
    public String apiMessage() {
        return apiMessage;
    }
}
