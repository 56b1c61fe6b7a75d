package io.amcp.datasource.yahoo;

/**
 * A Yahoo Finance request that failed: the symbol, what went wrong and whether trying again later
 * may help (network errors, time-outs, 429 and 5xx) or not (unknown symbol, malformed answer).
 */
public final class YahooFinanceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String symbol;
    private final String reason;
    private final boolean transientFailure;

    public YahooFinanceException(String symbol, String message, boolean transientFailure, Throwable cause) {
        super("Yahoo Finance " + symbol + ": " + message, cause);
        this.symbol = symbol;
        this.reason = message;
        this.transientFailure = transientFailure;
    }

    public YahooFinanceException(String symbol, String message, boolean transientFailure) {
        this(symbol, message, transientFailure, null);
    }

    /** The symbol the request was for. */
    public String symbol() {
        return symbol;
    }

    /** What went wrong, without the source and symbol prefix of {@link #getMessage()}. */
    public String reason() {
        return reason;
    }

    /** True when the same request may succeed later (throttled, time-out, server error). */
    public boolean isTransient() {
        return transientFailure;
    }
}
