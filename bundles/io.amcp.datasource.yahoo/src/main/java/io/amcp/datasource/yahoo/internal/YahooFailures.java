package io.amcp.datasource.yahoo.internal;

import io.amcp.datasource.http.Failures;
import io.amcp.datasource.yahoo.YahooFinanceException;

/** Yahoo Finance's failures for the shared HTTP client: transport failures are transient, the request is named. */
public final class YahooFailures implements Failures<YahooFinanceException> {

    @Override
    public Class<YahooFinanceException> type() {
        return YahooFinanceException.class;
    }

    @Override
    public YahooFinanceException create(String subject, String request, Kind kind, String reason, Throwable cause) {
        return new YahooFinanceException(subject, request + ": " + reason, true, cause);
    }

    @Override
    public boolean isTransient(YahooFinanceException failure) {
        return failure.isTransient();
    }

    @Override
    public String reason(YahooFinanceException failure) {
        return failure.reason();
    }
}
