package io.amcp.broker.alpaca.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the Alpaca broker connector, PID {@code io.amcp.broker.alpaca}. The API keys
 * come from the credential store ({@code alpaca.key-id}, {@code alpaca.secret-key}) or the
 * environment ({@code APCA_API_KEY_ID}, {@code APCA_API_SECRET_KEY}), never from this file.
 */
@ObjectClassDefinition(name = "AMCP Alpaca broker", description = "Alpaca trading API v2 and its trade_updates stream")
public @interface AlpacaBrokerConfig {

    @AttributeDefinition(description = "Trading REST base URL (paper: https://paper-api.alpaca.markets, live: "
            + "https://api.alpaca.markets)")
    String tradingUrl() default "https://paper-api.alpaca.markets";

    @AttributeDefinition(description = "trade_updates stream URL (paper: wss://paper-api.alpaca.markets/stream)")
    String streamUrl() default "wss://paper-api.alpaca.markets/stream";

    @AttributeDefinition(description = "First reconnect delay in milliseconds (doubles per failed attempt)")
    long reconnectInitialMillis() default 1_000;

    @AttributeDefinition(description = "Largest reconnect delay in milliseconds")
    long reconnectMaxMillis() default 60_000;

    @AttributeDefinition(description = "Retries of a rate-limited (429) request before giving up")
    int maxRetries() default 5;

    @AttributeDefinition(description = "The reconciliation's broker statement lists the day's orders (open, or updated "
            + "since midnight New York time); Alpaca filters orders by submission time, so orders that ended today are "
            + "looked for among those submitted up to this many days before the day")
    int statementLookbackDays() default 7;
}
