package io.amcp.datasource.alpaca.internal;

import io.amcp.api.model.InstrumentId;
import io.amcp.datasource.alpaca.Backoff;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The validated form of {@link AlpacaDataConfig}.
 *
 * @param dataUrl    REST base URL
 * @param streamUrl  full stream URL, feed included
 * @param feed       iex or sip
 * @param encoding   the stream's wire format
 * @param bars       symbols whose bars are streamed
 * @param quotes     symbols whose quotes are streamed
 * @param trades     symbols whose trades are streamed
 * @param backoff    reconnect delays
 * @param maxRetries 429 retries
 */
record AlpacaDataSettings(URI dataUrl, URI streamUrl, String feed, StreamEncoding encoding, List<InstrumentId> bars,
        List<InstrumentId> quotes, List<InstrumentId> trades, Backoff backoff, int maxRetries) {

    AlpacaDataSettings {
        Objects.requireNonNull(dataUrl, "dataUrl");
        Objects.requireNonNull(streamUrl, "streamUrl");
        Objects.requireNonNull(encoding, "encoding");
        bars = List.copyOf(bars);
        quotes = List.copyOf(quotes);
        trades = List.copyOf(trades);
        if (bars.isEmpty() && quotes.isEmpty() && trades.isEmpty()) {
            throw new IllegalArgumentException("bars: at least one symbol in bars, quotes or trades is required");
        }
    }

    /** Validates a configuration; the message names the property at fault. */
    static AlpacaDataSettings of(AlpacaDataConfig config) {
        String feed = config.feed().trim().toLowerCase(Locale.ROOT);
        if (!feed.equals("iex") && !feed.equals("sip") && !feed.equals("delayed_sip")) {
            throw new IllegalArgumentException("feed: expected iex, sip or delayed_sip, was '" + config.feed() + "'");
        }
        URI data = url("dataUrl", config.dataUrl(), "http");
        URI stream = url("streamUrl", config.streamUrl(), "ws");
        if (config.maxRetries() < 0) {
            throw new IllegalArgumentException("maxRetries: must not be negative, was " + config.maxRetries());
        }
        Backoff backoff;
        try {
            backoff = Backoff.of(Duration.ofMillis(config.reconnectInitialMillis()),
                    Duration.ofMillis(config.reconnectMaxMillis()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("reconnectInitialMillis/reconnectMaxMillis: " + e.getMessage(), e);
        }
        StreamEncoding encoding = StreamEncoding.of("encoding", config.encoding());
        return new AlpacaDataSettings(data, URI.create(stream + "/v2/" + feed), feed, encoding, symbols("bars", config.bars()),
                symbols("quotes", config.quotes()), symbols("trades", config.trades()), backoff, config.maxRetries());
    }

    private static URI url(String property, String value, String schemePrefix) {
        String text = value.trim();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            URI uri = URI.create(text);
            if (uri.getScheme() == null || !uri.getScheme().startsWith(schemePrefix) || uri.getHost() == null) {
                throw new IllegalArgumentException("expected a " + schemePrefix + "(s):// URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + ": '" + value + "' is not usable: " + e.getMessage(), e);
        }
    }

    private static List<InstrumentId> symbols(String property, String list) {
        try {
            return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(s -> InstrumentId.of(s.toUpperCase(Locale.ROOT))).distinct().toList();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + ": " + e.getMessage(), e);
        }
    }
}
