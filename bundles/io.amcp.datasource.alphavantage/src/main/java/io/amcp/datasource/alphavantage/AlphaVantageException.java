package io.amcp.datasource.alphavantage;

import java.util.Objects;

/**
 * An Alpha Vantage request that failed, naming the symbol and the API function. Alpha Vantage
 * reports most failures as HTTP 200 with an {@code Error Message}, {@code Note} or
 * {@code Information} field; {@link #kind()} says which case it was. Messages never contain the
 * API key.
 */
public final class AlphaVantageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** {@code Error Message}: unknown symbol, bad parameter. Retrying does not help. */
        INVALID_CALL,
        /** Throttled ({@code Note}, a per-second/minute {@code Information}, HTTP 429) or the client-side limiter is full. */
        THROTTLED,
        /** The key's daily quota is used up; retrying today does not help. */
        QUOTA_EXHAUSTED,
        /** A premium-only endpoint or another {@code Information} refusal. */
        REFUSED,
        /** No API key in the credential store nor the environment. */
        MISSING_API_KEY,
        /** Network error, time-out or HTTP 5xx. */
        UNAVAILABLE,
        /** The answer's shape was not as documented. */
        MALFORMED
    }

    private final String symbol;
    private final String function;
    private final Kind kind;
    private final String reason;

    public AlphaVantageException(String symbol, String function, Kind kind, String reason, Throwable cause) {
        super("Alpha Vantage " + function + " " + symbol + ": " + reason, cause);
        this.symbol = symbol;
        this.function = function;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.reason = reason;
    }

    public AlphaVantageException(String symbol, String function, Kind kind, String reason) {
        this(symbol, function, kind, reason, null);
    }

    /** The symbol the request was for. */
    public String symbol() {
        return symbol;
    }

    /** The API function, e.g. {@code TIME_SERIES_DAILY}. */
    public String function() {
        return function;
    }

    public Kind kind() {
        return kind;
    }

    /** What went wrong, without the source, function and symbol prefix. */
    public String reason() {
        return reason;
    }

    /** True when the same request may succeed after waiting (throttled or unavailable). */
    public boolean isTransient() {
        return kind == Kind.THROTTLED || kind == Kind.UNAVAILABLE;
    }
}
