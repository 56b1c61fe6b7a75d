package io.amcp.data.etl.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Scheduled Alpaca historical-bars pull, PID {@code io.amcp.data.etl.alpaca}. The API keys are not
 * configuration: they come from the credential store ({@code alpaca.key-id}, {@code alpaca.secret-key}).
 */
@ObjectClassDefinition(name = "AMCP Alpaca bars pull", description = "Pulls Alpaca market data v2 bars of the"
        + " configured stocks on a timer into the history store, with validation, quarantine and a quality report per pull")
public @interface AlpacaPullConfig {

    @AttributeDefinition(description = "Stocks to pull, e.g. AAPL,MSFT")
    String[] symbols();

    @AttributeDefinition(description = "Bar size requested and stored: 1m, 5m, 15m, 1h or 1d")
    String barSize() default "1m";

    @AttributeDefinition(description = "First bar start of the first pull, ISO-8601 UTC (e.g. 2024-01-02T00:00:00Z)")
    String start();

    @AttributeDefinition(description = "Dataset the bars go into")
    String dataset() default "alpaca";

    @AttributeDefinition(description = "Milliseconds between pulls (at least 1000)")
    long periodMillis() default 60_000;

    @AttributeDefinition(description = "Directory of the per-pull quality reports")
    String reports() default "data/reports";

    @AttributeDefinition(description = "Alpaca market data base URL")
    String dataUrl() default "https://data.alpaca.markets";

    @AttributeDefinition(description = "Alpaca feed: iex, sip, delayed_sip, boats or otc")
    String feed() default "iex";

    @AttributeDefinition(description = "Retries of a rate-limited (429) request before the pull fails")
    int maxRetries() default 5;
}
