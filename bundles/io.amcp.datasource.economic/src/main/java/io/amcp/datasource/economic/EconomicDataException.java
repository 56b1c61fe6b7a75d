package io.amcp.datasource.economic;

/**
 * A macro series could not be fetched or read. The message names the series and the cause (HTTP
 * status, the provider's own error text, the field at fault) and never carries an API key.
 */
public final class EconomicDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String seriesId;
    private final boolean transientFailure;

    public EconomicDataException(String seriesId, String reason, boolean transientFailure) {
        this(seriesId, reason, transientFailure, null);
    }

    public EconomicDataException(String seriesId, String reason, boolean transientFailure, Throwable cause) {
        super(seriesId + ": " + reason, cause);
        this.seriesId = seriesId;
        this.transientFailure = transientFailure;
    }

    /** The series the failure is about. */
    public String seriesId() {
        return seriesId;
    }

    /** True when retrying later may succeed (network, throttling, server error). */
    public boolean isTransient() {
        return transientFailure;
    }

    /** The message without the series id prefix. */
    public String reason() {
        String message = getMessage();
        return message.substring(seriesId.length() + 2);
    }
}
