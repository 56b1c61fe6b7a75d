package io.amcp.datasource.economic.internal;

import io.amcp.datasource.economic.EconomicDataException;
import io.amcp.datasource.http.Failures;

/** The economic sources' failures for the shared HTTP client: transport failures are transient, named by series. */
final class EconomicFailures implements Failures<EconomicDataException> {

    @Override
    public Class<EconomicDataException> type() {
        return EconomicDataException.class;
    }

    @Override
    public EconomicDataException create(String subject, String request, Kind kind, String reason, Throwable cause) {
        return new EconomicDataException(subject, reason, true, cause);
    }

    @Override
    public boolean isTransient(EconomicDataException failure) {
        return failure.isTransient();
    }

    @Override
    public String reason(EconomicDataException failure) {
        return failure.reason();
    }
}
