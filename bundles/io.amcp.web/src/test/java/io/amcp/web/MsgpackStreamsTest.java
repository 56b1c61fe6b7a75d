package io.amcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quote;
import io.amcp.api.model.TradeTick;
import io.amcp.codec.msgpack.MessagePack;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The market-data stream and the trade_updates stream in MessagePack, with a real WebSocket client
 * (Vert.x) that asks for it as Alpaca clients do ({@code Content-Type: application/msgpack} on the
 * upgrade request, docs.alpaca.markets "Websocket Streaming": "To request with MessagePack, add the
 * header"). Frames are decoded with io.amcp.codec's reader and checked field by field; times in
 * market data arrive as the MessagePack timestamp extension type (-1), as Alpaca sends {@code t}.
 */
class MsgpackStreamsTest {

    private final Vertx vertx = Vertx.vertx();
    private final List<WebSocketClient> clients = new ArrayList<>();

    /** Frames of one connection: decoded MessagePack for binary frames, JSON text for text frames. */
    private static final class Frames {
        final LinkedBlockingQueue<Object> received = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<byte[]> raw = new LinkedBlockingQueue<>();

        void attach(WebSocket ws) {
            ws.binaryMessageHandler(b -> {
                raw.add(b.getBytes());
                received.add(MessagePack.decode(b.getBytes()));
            });
            ws.textMessageHandler(received::add);
        }

        byte[] nextRaw() throws InterruptedException {
            byte[] frame = raw.poll(10, TimeUnit.SECONDS);
            assertThat(frame).as("a binary frame within 10 s").isNotNull();
            return frame;
        }

        Object nextFrame() throws InterruptedException {
            Object frame = received.poll(10, TimeUnit.SECONDS);
            assertThat(frame).as("a frame within 10 s").isNotNull();
            return frame;
        }

        /** The single message of a market-data frame (an array of one map). */
        @SuppressWarnings("unchecked")
        Map<String, Object> nextMessage() throws InterruptedException {
            Object frame = nextFrame();
            assertThat(frame).isInstanceOf(List.class);
            List<Object> messages = (List<Object>) frame;
            assertThat(messages).hasSize(1);
            return (Map<String, Object>) messages.get(0);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> nextMap() throws InterruptedException {
            Object frame = nextFrame();
            assertThat(frame).isInstanceOf(Map.class);
            return (Map<String, Object>) frame;
        }
    }

    /**
     * Closes the test's WebSocket clients while the node still serves (each test's try block closes them
     * before the node), so no close handshake is left to Vert.x's own shutdown after the server is gone.
     */
    private void closeClients() throws Exception {
        for (WebSocketClient client : clients) {
            client.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        clients.clear();
    }

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private WebSocket connect(PaperNode node, String path, boolean msgpack, Frames frames) throws Exception {
        URI base = URI.create(node.baseUrl);
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(base.getHost()).setPort(base.getPort())
                .setURI(path);
        if (msgpack) {
            options.addHeader("Content-Type", "application/msgpack");
        }
        // a client closing after the test gives up on the close handshake after 1 s (Vert.x waits 10 s by
        // default, as long as the whole vertx.close() below may take)
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setClosingTimeout(1));
        clients.add(client);
        // attach the handlers on the event loop as the connection completes, before the server's first frame
        // ("connected") can be read; attaching from the test thread afterwards races with it
        return client.connect(options).map(ws -> {
            frames.attach(ws);
            return ws;
        }).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static Buffer packed(Map<String, Object> message) {
        return Buffer.buffer(MessagePack.encode(message));
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void marketDataInMsgpackFromAuthToBarsQuotesAndTrades() throws Exception {
        try (PaperNode node = new PaperNode(); AutoCloseable closesFirst = this::closeClients) {
            Frames frames = new Frames();
            WebSocket ws = connect(node, "/v2/iex", true, frames);
            // [{"T":"success","msg":"connected"}] by the spec's table: fixarray 1, fixmap 2, fixstr 1 "T",
            // fixstr 7 "success", fixstr 3 "msg", fixstr 9 "connected"
            assertThat(frames.nextMessage()).isEqualTo(Map.of("T", "success", "msg", "connected"));
            assertThat(HexFormat.of().formatHex(frames.nextRaw())).isEqualTo("9182a154a773756363657373a36d7367a9"
                    + "636f6e6e6563746564");

            ws.writeBinaryMessage(packed(map("action", "auth", "key", node.viewer.keyId(), "secret",
                    node.viewer.secret())));
            assertThat(frames.nextMessage()).isEqualTo(Map.of("T", "success", "msg", "authenticated"));

            ws.writeBinaryMessage(packed(map("action", "subscribe", "bars", List.of("AAPL"), "quotes", List.of("AAPL"),
                    "trades", List.of("AAPL", "MSFT"))));
            Map<String, Object> subscription = frames.nextMessage();
            assertThat(subscription.get("T")).isEqualTo("subscription");
            assertThat(subscription.get("bars")).isEqualTo(List.of("AAPL"));
            assertThat(subscription.get("quotes")).isEqualTo(List.of("AAPL"));
            assertThat(subscription.get("trades")).isEqualTo(List.of("AAPL", "MSFT"));

            // a JSON client on the same feed gets the same bar as text at the same time
            Frames jsonFrames = new Frames();
            WebSocket jsonWs = connect(node, "/v2/iex", false, jsonFrames);
            assertThat(jsonFrames.nextFrame()).isEqualTo("[{\"T\":\"success\",\"msg\":\"connected\"}]");
            jsonWs.writeTextMessage(new JsonObject().put("action", "auth").put("key", node.viewer.keyId())
                    .put("secret", node.viewer.secret()).encode());
            jsonFrames.nextFrame();
            jsonWs.writeTextMessage("{\"action\":\"subscribe\",\"bars\":[\"AAPL\"]}");
            jsonFrames.nextFrame();

            // one-minute bar ending 15:01Z: Alpaca stamps bars with their start, 15:00Z
            frames.raw.clear(); // before the bar: its frame may arrive at once
            node.bar(1, 100, 101, 99, 100.5);
            Map<String, Object> bar = frames.nextMessage();
            assertThat(bar.get("T")).isEqualTo("b");
            assertThat(bar.get("S")).isEqualTo("AAPL");
            assertThat(bar.get("t")).isEqualTo(Instant.parse("2024-03-04T15:00:00Z"));
            assertThat(bar.get("o")).isEqualTo(100L);
            assertThat(bar.get("h")).isEqualTo(101L);
            assertThat(bar.get("l")).isEqualTo(99L);
            assertThat(bar.get("c")).isEqualTo(100.5);
            assertThat(bar.get("v")).isEqualTo(1_000_000L);
            // t as timestamp 32: date -u -d 2024-03-04T15:00:00Z +%s = 1709564400 = 0x65E5E1F0
            assertThat(HexFormat.of().formatHex(frames.nextRaw())).contains("a174d6ff65e5e1f0");
            assertThat(jsonFrames.nextFrame()).isEqualTo("[{\"t\":\"2024-03-04T15:00:00Z\",\"o\":100,\"h\":101,"
                    + "\"l\":99,\"c\":100.5,\"v\":1000000,\"T\":\"b\",\"S\":\"AAPL\"}]");

            long t = PaperNode.START.getEpochSecond() * 1_000_000_000L + 90_000_000_000L;
            node.kernel.post(Quote.of(PaperNode.AAPL, t, 100.25, 100.5, 300, 400));
            node.kernel.post(new TradeTick(InstrumentId.of("MSFT"), t + 1, FixedPoint.fromDouble(410.1),
                    FixedPoint.fromDouble(5), null));
            node.kernel.call(() -> null);
            Map<String, Object> quote = frames.nextMessage();
            assertThat(quote.get("T")).isEqualTo("q");
            assertThat(quote.get("S")).isEqualTo("AAPL");
            assertThat(quote.get("t")).isEqualTo(Instant.parse("2024-03-04T15:01:30Z"));
            assertThat(quote.get("bp")).isEqualTo(100.25);
            assertThat(quote.get("ap")).isEqualTo(100.5);
            assertThat(quote.get("bs")).isEqualTo(300L);
            assertThat(quote.get("as")).isEqualTo(400L);
            assertThat(quote.get("c")).isEqualTo(List.of("R"));
            Map<String, Object> trade = frames.nextMessage();
            assertThat(trade.get("T")).isEqualTo("t");
            assertThat(trade.get("S")).isEqualTo("MSFT");
            // one nanosecond past 15:01:30 needs timestamp 64
            assertThat(trade.get("t")).isEqualTo(Instant.parse("2024-03-04T15:01:30.000000001Z"));
            assertThat(trade.get("p")).isEqualTo(410.1);
            assertThat(trade.get("s")).isEqualTo(5L);

            ws.writeBinaryMessage(Buffer.buffer(new byte[] {(byte) 0x81, (byte) 0xa1})); // a map cut short
            assertThat(frames.nextMessage()).isEqualTo(Map.of("T", "error", "code", 400L, "msg", "invalid syntax"));
            ws.writeBinaryMessage(packed(map("action", "unsubscribe", "trades", List.of("MSFT"))));
            assertThat(frames.nextMessage().get("trades")).isEqualTo(List.of("AAPL"));
        }
    }

    @Test
    void wrongKeysGetError402InMsgpack() throws Exception {
        try (PaperNode node = new PaperNode(); AutoCloseable closesFirst = this::closeClients) {
            Frames frames = new Frames();
            WebSocket ws = connect(node, "/v1beta3/crypto/us", true, frames);
            frames.nextMessage();
            ws.writeBinaryMessage(packed(map("action", "auth", "key", node.viewer.keyId(), "secret", "wrong")));
            assertThat(frames.nextMessage()).isEqualTo(Map.of("T", "error", "code", 402L, "msg", "auth failed"));
        }
    }

    @Test
    void tradeUpdatesInMsgpack() throws Exception {
        try (PaperNode node = new PaperNode(); AutoCloseable closesFirst = this::closeClients) {
            Frames frames = new Frames();
            WebSocket ws = connect(node, "/stream", true, frames);
            ws.writeBinaryMessage(packed(map("action", "auth", "key", node.viewer.keyId(), "secret",
                    node.viewer.secret())));
            Map<String, Object> auth = frames.nextMap();
            assertThat(auth).isEqualTo(Map.of("stream", "authorization", "data",
                    Map.of("action", "authenticate", "status", "authorized")));
            ws.writeBinaryMessage(packed(map("action", "listen", "data", map("streams", List.of("trade_updates")))));
            assertThat(frames.nextMap()).isEqualTo(Map.of("stream", "listening", "data",
                    Map.of("streams", List.of("trade_updates"))));

            node.bar(1, 100, 101, 99, 100.5);
            Http http = new Http(node.baseUrl);
            assertThat(http.post("/v2/orders", node.trader, new JsonObject().put("symbol", "AAPL").put("qty", "10")
                    .put("side", "buy").put("type", "market").put("time_in_force", "day")
                    .put("client_order_id", "mp-1").encode()).status()).isEqualTo(200);
            Map<String, Object> accepted = frames.nextMap();
            assertThat(accepted.get("stream")).isEqualTo("trade_updates");
            Map<?, ?> data = (Map<?, ?>) accepted.get("data");
            assertThat(data.get("event")).isEqualTo("new");
            assertThat(((Map<?, ?>) data.get("order")).get("client_order_id")).isEqualTo("mp-1");
            assertThat(((Map<?, ?>) data.get("order")).get("qty")).isEqualTo("10");

            node.bar(2, 101, 102, 100.5, 101.5);
            Map<?, ?> fill = (Map<?, ?>) frames.nextMap().get("data");
            assertThat(fill.get("event")).isEqualTo("fill");
            assertThat(fill.get("price")).isEqualTo("101");
            assertThat(fill.get("qty")).isEqualTo("10");
            assertThat(fill.get("position_qty")).isEqualTo("10");
            assertThat(((Map<?, ?>) fill.get("order")).get("status")).isEqualTo("filled");
            // times stay RFC 3339 text, as in the JSON stream: the fill happens on the 15:02Z bar
            assertThat(fill.get("timestamp")).isInstanceOf(String.class);
        }
    }
}
