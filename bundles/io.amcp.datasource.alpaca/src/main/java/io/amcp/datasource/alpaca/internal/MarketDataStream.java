package io.amcp.datasource.alpaca.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.TradeTick;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.api.spi.PluginStatus;
import io.amcp.codec.msgpack.MessagePack;
import io.amcp.codec.msgpack.MessagePackException;
import io.amcp.datasource.alpaca.AlpacaCredentials;
import io.amcp.datasource.alpaca.AlpacaHttp;
import io.amcp.datasource.alpaca.AlpacaMarketData;
import io.amcp.datasource.alpaca.AlpacaValues;
import io.amcp.datasource.alpaca.BarTimeframe;
import io.amcp.datasource.alpaca.ReconnectingWebSocket;
import io.amcp.datasource.alpaca.ReconnectingWebSocket.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session logic of Alpaca's market-data stream ({@code /v2/iex} or {@code /v2/sip}):
 * {@code [{"T":"success","msg":"connected"}]} -> auth -> {@code authenticated} -> subscribe ->
 * {@code subscription}, then {@code b}/{@code q}/{@code t} messages into the sink. The same
 * messages travel as JSON text frames or, with {@code encoding=msgpack}, as MessagePack binary
 * frames both ways.
 *
 * <p>After a reconnect the subscription is sent again and the minute bars and trades missed while
 * disconnected are fetched over REST and published before the stream's own; a bar whose start (a
 * trade whose time) is not after the last one published for its symbol is dropped, so none is
 * doubled. Quotes are not backfilled: a missed quote is stale once the next one arrives. Runs on
 * the stream's events thread only.
 *
 * <p>Stream errors: 402 (auth failed) and 409 (insufficient subscription) stop the source with the
 * reason, as retrying cannot help; 405 (symbol limit) leaves it offline; the others (404 auth
 * timeout, 406 connection limit, 407 slow client, 500) are followed by the server's close and a
 * reconnect.
 */
final class MarketDataStream implements ReconnectingWebSocket.Handler {

    private static final Logger LOG = LoggerFactory.getLogger(MarketDataStream.class);
    private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

    private final AlpacaDataSettings settings;
    private final AlpacaCredentials credentials;
    private final AlpacaMarketData rest;
    private final java.time.Clock clock;
    private final MarketDataSink sink;
    private final Consumer<PluginStatus> status;
    private final Runnable giveUp;
    private final Map<InstrumentId, Long> lastBarStart = new HashMap<>();
    private final Map<InstrumentId, Long> lastTradeTime = new HashMap<>();
    private Instant lostAt;
    private int backfilled;

    MarketDataStream(AlpacaDataSettings settings, AlpacaCredentials credentials, AlpacaMarketData rest,
            java.time.Clock clock, MarketDataSink sink, Consumer<PluginStatus> status, Runnable giveUp) {
        this.settings = settings;
        this.credentials = credentials;
        this.rest = rest;
        this.clock = clock;
        this.sink = sink;
        this.status = status;
        this.giveUp = giveUp;
    }

    @Override
    public void onOpen(Connection connection) {
        LOG.info("Alpaca market data stream {} connected", settings.streamUrl());
    }

    @Override
    public void onMessage(Connection connection, String message) {
        JsonNode messages;
        try {
            messages = AlpacaHttp.json().readTree(message);
        } catch (JsonProcessingException e) {
            LOG.warn("Alpaca stream: unreadable message ({})", e.getOriginalMessage());
            return;
        }
        handleAll(connection, messages);
    }

    /** A binary frame: MessagePack in a msgpack session, else UTF-8 JSON. */
    @Override
    public void onMessage(Connection connection, byte[] message) {
        if (settings.encoding() != StreamEncoding.MSGPACK) {
            ReconnectingWebSocket.Handler.super.onMessage(connection, message);
            return;
        }
        JsonNode messages;
        try {
            messages = MessagePackNodes.node(MessagePack.decode(message));
        } catch (MessagePackException e) {
            LOG.warn("Alpaca stream: unreadable message ({})", e.getMessage());
            return;
        }
        handleAll(connection, messages);
    }

    private void handleAll(Connection connection, JsonNode messages) {
        for (JsonNode m : messages.isArray() ? messages : List.of(messages)) {
            handle(connection, m);
        }
    }

    private void handle(Connection connection, JsonNode m) {
        String type = m.path("T").asText();
        switch (type) {
            case "success" -> onSuccess(connection, m.path("msg").asText());
            case "subscription" -> onSubscribed(connection, m);
            case "error" -> onError(m.path("code").asInt(), m.path("msg").asText());
            case "b" -> publishBar(m);
            case "q" -> publish("quote", () -> sink.onQuote(AlpacaValues.quote(symbol(m), m)));
            case "t" -> publish("trade", () -> offer(AlpacaValues.trade(symbol(m), m)));
            default -> LOG.debug("Alpaca stream: ignored message type '{}'", type);
        }
    }

    private void onSuccess(Connection connection, String msg) {
        if ("connected".equals(msg)) {
            ObjectNode auth = AlpacaHttp.json().createObjectNode().put("action", "auth")
                    .put("key", credentials.keyId()).put("secret", credentials.secretKey());
            send(connection, auth);
        } else if ("authenticated".equals(msg)) {
            ObjectNode subscribe = AlpacaHttp.json().createObjectNode().put("action", "subscribe");
            symbols(subscribe.putArray("trades"), settings.trades());
            symbols(subscribe.putArray("quotes"), settings.quotes());
            symbols(subscribe.putArray("bars"), settings.bars());
            send(connection, subscribe);
        }
    }

    /** A control message in the session's encoding. */
    private void send(Connection connection, ObjectNode message) {
        if (settings.encoding() == StreamEncoding.MSGPACK) {
            connection.send(MessagePack.encode(AlpacaHttp.json().convertValue(message, Object.class)));
        } else {
            connection.send(message.toString());
        }
    }

    private static void symbols(ArrayNode array, List<InstrumentId> ids) {
        ids.forEach(id -> array.add(id.value()));
    }

    private void onSubscribed(Connection connection, JsonNode m) {
        connection.healthy();
        LOG.info("Alpaca stream subscribed: bars={} quotes={} trades={}", m.path("bars"), m.path("quotes"),
                m.path("trades"));
        if (lostAt != null) {
            backfill(lostAt);
            backfillTrades(lostAt);
        }
        lostAt = null;
        status.accept(PluginStatus.ONLINE);
    }

    private void onError(int code, String msg) {
        String reason = "Alpaca stream error " + code + ": " + msg;
        LOG.error(reason);
        switch (code) {
            case 402, 409 -> {
                status.accept(PluginStatus.offline(reason + " (check the keys and the feed's subscription)"));
                giveUp.run();
            }
            case 405 -> status.accept(PluginStatus.offline(reason));
            default -> status.accept(PluginStatus.offline(reason + "; waiting for the server to reconnect"));
        }
    }

    @Override
    public void onLost(String reason) {
        if (lostAt == null) {
            lostAt = clock.instant();
        }
        status.accept(PluginStatus.offline("stream lost (" + reason + "), reconnecting"));
    }

    /** Bars missed since {@code lost}: from the minute after each symbol's last bar (or the loss), up to now. */
    private void backfill(Instant lost) {
        if (settings.bars().isEmpty()) {
            return;
        }
        Instant from = lost.minus(Duration.ofMinutes(1));
        for (InstrumentId id : settings.bars()) {
            Long last = lastBarStart.get(id);
            if (last != null) {
                Instant next = Clock.toInstant(last).plus(Duration.ofMinutes(1));
                from = next.isBefore(from) ? next : from;
            }
        }
        List<Bar> missed = new ArrayList<>();
        try {
            rest.bars(settings.bars(), BarTimeframe.ONE_MINUTE, from, null).values().forEach(missed::addAll);
        } catch (RuntimeException e) {
            LOG.error("Alpaca backfill from {} failed: {}", from, e.getMessage());
            return;
        }
        missed.sort(Comparator.comparingLong(Bar::time).thenComparing(Bar::instrument));
        int before = backfilled;
        for (Bar bar : missed) {
            if (offer(bar)) {
                backfilled++;
            }
        }
        LOG.info("Alpaca backfill from {}: {} bars published", from, backfilled - before);
    }

    /**
     * Trades missed since {@code lost}, per symbol from its last published trade (or the loss): only
     * trades later than the last one published go out, so none is doubled.
     */
    private void backfillTrades(Instant lost) {
        for (InstrumentId id : settings.trades()) {
            Long last = lastTradeTime.get(id);
            Instant from = last == null ? lost : Clock.toInstant(last);
            try {
                int published = 0;
                for (TradeTick trade : rest.trades(id, from, null)) {
                    published += offer(trade) ? 1 : 0;
                }
                backfilled += published;
                LOG.info("Alpaca trade backfill of {} from {}: {} trades published", id, from, published);
            } catch (RuntimeException e) {
                LOG.error("Alpaca trade backfill of {} from {} failed: {}", id, from, e.getMessage());
            }
        }
    }

    /** Publishes a trade unless it is not later than the last one published for its symbol. */
    private boolean offer(TradeTick trade) {
        Long last = lastTradeTime.get(trade.instrument());
        if (last != null && trade.time() <= last) {
            return false;
        }
        lastTradeTime.put(trade.instrument(), trade.time());
        sink.onTrade(trade);
        return true;
    }

    private void publishBar(JsonNode m) {
        publish("bar", () -> offer(AlpacaValues.bar(symbol(m), m, BarTimeframe.ONE_MINUTE)));
    }

    /** Publishes a minute bar unless one at or after its start was already published for its symbol. */
    private boolean offer(Bar bar) {
        long start = bar.time() - MINUTE_NANOS;
        Long last = lastBarStart.get(bar.instrument());
        if (last != null && start <= last) {
            return false;
        }
        lastBarStart.put(bar.instrument(), start);
        sink.onBar(bar);
        return true;
    }

    private static void publish(String kind, Runnable publish) {
        try {
            publish.run();
        } catch (IllegalArgumentException e) {
            LOG.debug("Alpaca stream: unusable {} dropped: {}", kind, e.getMessage());
        }
    }

    private static InstrumentId symbol(JsonNode m) {
        return InstrumentId.of(m.path("S").asText());
    }

    /** Bars and trades published from REST backfills so far. */
    int backfilled() {
        return backfilled;
    }
}
