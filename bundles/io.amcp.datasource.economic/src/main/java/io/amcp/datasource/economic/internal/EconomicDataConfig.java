package io.amcp.datasource.economic.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the economic data source, PID {@code io.amcp.datasource.economic}. */
@ObjectClassDefinition(name = "AMCP economic data source",
        description = "Point-in-time macro series from FRED/ALFRED, the ECB data portal and the World Bank")
public @interface EconomicDataConfig {

    @AttributeDefinition(description = "Series: fred:<id>, ecb:<flow>/<key>, worldbank:<country>/<indicator>; "
            + "ECB and World Bank entries may end in ;lag=<days>")
    String[] series() default {"fred:UNRATE", "fred:T10Y2Y", "ecb:EXR/D.USD.EUR.SP00.A;lag=0",
            "worldbank:USA/NY.GDP.MKTP.CD"};

    @AttributeDefinition(description = "FRED API base URL")
    String fredBaseUrl() default "https://api.stlouisfed.org";

    @AttributeDefinition(description = "ECB data portal base URL")
    String ecbBaseUrl() default "https://data-api.ecb.europa.eu";

    @AttributeDefinition(description = "World Bank API base URL")
    String worldBankBaseUrl() default "https://api.worldbank.org";

    @AttributeDefinition(description = "New York time at which a FRED value counts as released on its realtime_start day (HH:mm)")
    String fredReleaseTime() default "17:00";

    @AttributeDefinition(description = "Days after a period's end before an ECB value counts as released", min = "0")
    int ecbPublicationLagDays() default 45;

    @AttributeDefinition(description = "Days after a period's end before a World Bank value counts as released", min = "0")
    int worldBankPublicationLagDays() default 200;

    @AttributeDefinition(description = "Directory of the per-series CSV files; empty means <karaf.data>/amcp/economic")
    String storeDirectory() default "";

    @AttributeDefinition(description = "Minutes between refreshes of every series", min = "1")
    long refreshIntervalMinutes() default 360;

    @AttributeDefinition(description = "Attempts per request (network errors, 429 and 5xx are retried)", min = "1")
    int maxAttempts() default 4;

    @AttributeDefinition(description = "Wait before the first retry in milliseconds (doubles each retry)", min = "0")
    long initialBackoffMillis() default 1000;

    @AttributeDefinition(description = "Longest wait between attempts in milliseconds", min = "0")
    long maxBackoffMillis() default 30000;

    @AttributeDefinition(description = "Seconds to wait for one answer", min = "1")
    int requestTimeoutSeconds() default 30;
}
