package io.amcp.datasource.http;

/**
 * How one data source names its failures: {@link ResilientHttp} creates the source's own exception
 * type for network errors, time-outs, 429 and 5xx, and asks it whether an exception the source's
 * answer interpreter threw may succeed when retried.
 *
 * @param <E> the source's exception type
 */
public interface Failures<E extends RuntimeException> {

    /** Why a request failed at the transport or HTTP level. */
    enum Kind {
        /** 429, or an answer the source reads as "too many requests". */
        THROTTLED,
        /** Network error, time-out, 5xx or interruption. */
        UNAVAILABLE
    }

    /** The source's exception type, for catching what its interpreter throws. */
    Class<E> type();

    /**
     * A failure of the request {@code request} for {@code subject} (a symbol or series id); the
     * message must not contain the URI, which may carry a credential.
     */
    E create(String subject, String request, Kind kind, String reason, Throwable cause);

    /** Whether the same request may succeed later. */
    boolean isTransient(E failure);

    /** What went wrong, without the source and subject prefix. */
    String reason(E failure);

    /** The kind of a failure, for the final error after retries; unavailable unless the source knows better. */
    default Kind kind(E failure) {
        return Kind.UNAVAILABLE;
    }
}
