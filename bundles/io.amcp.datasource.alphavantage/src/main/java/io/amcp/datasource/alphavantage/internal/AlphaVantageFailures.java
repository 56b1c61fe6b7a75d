package io.amcp.datasource.alphavantage.internal;

import io.amcp.datasource.alphavantage.AlphaVantageException;
import io.amcp.datasource.http.Failures;

/** Alpha Vantage's failures for the shared HTTP client: its own exception with the API function named. */
public final class AlphaVantageFailures implements Failures<AlphaVantageException> {

    @Override
    public Class<AlphaVantageException> type() {
        return AlphaVantageException.class;
    }

    @Override
    public AlphaVantageException create(String subject, String request, Kind kind, String reason, Throwable cause) {
        return new AlphaVantageException(subject, request, kind == Kind.THROTTLED ? AlphaVantageException.Kind.THROTTLED
                : AlphaVantageException.Kind.UNAVAILABLE, reason, cause);
    }

    @Override
    public boolean isTransient(AlphaVantageException failure) {
        return failure.isTransient();
    }

    @Override
    public String reason(AlphaVantageException failure) {
        return failure.reason();
    }

    @Override
    public Kind kind(AlphaVantageException failure) {
        return failure.kind() == AlphaVantageException.Kind.THROTTLED ? Kind.THROTTLED : Kind.UNAVAILABLE;
    }
}
