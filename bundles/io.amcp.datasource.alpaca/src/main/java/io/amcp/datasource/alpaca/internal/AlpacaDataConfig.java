package io.amcp.datasource.alpaca.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the Alpaca market-data source, PID {@code io.amcp.datasource.alpaca}. The API
 * keys are not configuration: they come from the credential store ({@code alpaca.key-id},
 * {@code alpaca.secret-key}) or the environment ({@code APCA_API_KEY_ID}, {@code APCA_API_SECRET_KEY}).
 */
@ObjectClassDefinition(name = "AMCP Alpaca market data", description = "Alpaca market data v2: real-time stream with "
        + "reconnect and REST backfill")
public @interface AlpacaDataConfig {

    @AttributeDefinition(description = "Market data REST base URL")
    String dataUrl() default "https://data.alpaca.markets";

    @AttributeDefinition(description = "Market data stream base URL; the feed is appended as /v2/<feed>")
    String streamUrl() default "wss://stream.data.alpaca.markets";

    @AttributeDefinition(description = "Feed: iex (free plan) or sip (all US exchanges)")
    String feed() default "iex";

    @AttributeDefinition(description = "Stream encoding: json (text frames) or msgpack (binary MessagePack frames, "
            + "asked for with the Content-Type: application/msgpack upgrade header)")
    String encoding() default "json";

    @AttributeDefinition(description = "Symbols whose minute bars are streamed, comma-separated")
    String bars() default "";

    @AttributeDefinition(description = "Symbols whose quotes are streamed, comma-separated")
    String quotes() default "";

    @AttributeDefinition(description = "Symbols whose trades are streamed, comma-separated")
    String trades() default "";

    @AttributeDefinition(description = "First reconnect delay in milliseconds (doubles per failed attempt)")
    long reconnectInitialMillis() default 1_000;

    @AttributeDefinition(description = "Largest reconnect delay in milliseconds")
    long reconnectMaxMillis() default 60_000;

    @AttributeDefinition(description = "Retries of a rate-limited (429) REST request before giving up")
    int maxRetries() default 5;
}
