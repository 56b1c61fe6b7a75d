package io.amcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The trade_updates stream at /stream with the JDK's WebSocket client. */
class TradeUpdatesStreamTest {

    private static final class Frames implements WebSocket.Listener {
        final LinkedBlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            partial.append(StandardCharsets.UTF_8.decode(data));
            if (last) {
                received.add(new JsonObject(partial.toString()));
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        JsonObject next() throws InterruptedException {
            JsonObject o = received.poll(10, TimeUnit.SECONDS);
            assertThat(o).as("a frame within 10 s").isNotNull();
            return o;
        }
    }

    @Test
    void authenticatedListenerSeesNewAndFillWithTheOrder() throws Exception {
        try (PaperNode node = new PaperNode()) {
            Frames frames = new Frames();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(node.baseUrl.replace("http", "ws") + "/stream"), frames)
                    .get(10, TimeUnit.SECONDS);
            ws.sendText(new JsonObject().put("action", "auth").put("key", node.viewer.keyId())
                    .put("secret", node.viewer.secret()).encode(), true).join();
            JsonObject auth = frames.next();
            assertThat(auth.getString("stream")).isEqualTo("authorization");
            assertThat(auth.getJsonObject("data").getString("status")).isEqualTo("authorized");
            ws.sendText("{\"action\":\"listen\",\"data\":{\"streams\":[\"trade_updates\"]}}", true).join();
            JsonObject listening = frames.next();
            assertThat(listening.getString("stream")).isEqualTo("listening");
            assertThat(listening.getJsonObject("data").getJsonArray("streams").getString(0)).isEqualTo("trade_updates");

            node.bar(1, 100, 101, 99, 100.5);
            Http http = new Http(node.baseUrl);
            http.post("/v2/orders", node.trader, new JsonObject().put("symbol", "AAPL").put("qty", "10")
                    .put("side", "buy").put("type", "market").put("time_in_force", "day")
                    .put("client_order_id", "ws-1").encode());
            JsonObject accepted = frames.next();
            assertThat(accepted.getString("stream")).isEqualTo("trade_updates");
            assertThat(accepted.getJsonObject("data").getString("event")).isEqualTo("new");
            assertThat(accepted.getJsonObject("data").getJsonObject("order").getString("client_order_id")).isEqualTo("ws-1");

            node.bar(2, 101, 102, 100.5, 101.5);
            JsonObject fill = frames.next().getJsonObject("data");
            assertThat(fill.getString("event")).isEqualTo("fill");
            assertThat(fill.getString("price")).isEqualTo("101");
            assertThat(fill.getString("qty")).isEqualTo("10");
            assertThat(fill.getString("position_qty")).isEqualTo("10");
            assertThat(fill.getJsonObject("order").getString("status")).isEqualTo("filled");
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
    }

    @Test
    void riskDenialsAreRejectedEventsAndCancelsAreCanceledEvents() throws Exception {
        try (PaperNode node = new PaperNode()) {
            Frames frames = new Frames();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(node.baseUrl.replace("http", "ws") + "/stream"), frames)
                    .get(10, TimeUnit.SECONDS);
            ws.sendText(new JsonObject().put("action", "auth").put("key", node.trader.keyId())
                    .put("secret", node.trader.secret()).encode(), true).join();
            frames.next();
            ws.sendText("{\"action\":\"listen\",\"data\":{\"streams\":[\"trade_updates\"]}}", true).join();
            frames.next();
            node.bar(1, 100, 101, 99, 100.5);
            Http http = new Http(node.baseUrl);
            // 1000 x 100.5 exceeds 100000 of buying power
            assertThat(http.post("/v2/orders", node.trader, new JsonObject().put("symbol", "AAPL").put("qty", "1000")
                    .put("side", "buy").put("type", "market").put("time_in_force", "day")
                    .put("client_order_id", "ws-big").encode()).status()).isEqualTo(403);
            JsonObject rejected = frames.next().getJsonObject("data");
            assertThat(rejected.getString("event")).isEqualTo("rejected");
            assertThat(rejected.getJsonObject("order").getString("client_order_id")).isEqualTo("ws-big");
            assertThat(rejected.getJsonObject("order").getString("status")).isEqualTo("rejected");

            String id = http.post("/v2/orders", node.trader, new JsonObject().put("symbol", "AAPL").put("qty", "1")
                    .put("side", "buy").put("type", "limit").put("limit_price", "90").put("time_in_force", "gtc")
                    .put("client_order_id", "ws-limit").encode()).json().getString("id");
            assertThat(frames.next().getJsonObject("data").getString("event")).isEqualTo("new");
            assertThat(http.delete("/v2/orders/" + id, node.trader).status()).isEqualTo(204);
            JsonObject last = frames.next().getJsonObject("data");
            while (!last.getString("event").equals("canceled")) {
                assertThat(last.getString("event")).isEqualTo("pending_cancel");
                last = frames.next().getJsonObject("data");
            }
            assertThat(last.getJsonObject("order").getString("id")).isEqualTo(id);
            assertThat(last.getJsonObject("order").getString("canceled_at")).isNotNull();
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
    }

    @Test
    void wrongSecretIsUnauthorizedAndListeningNeedsAuth() throws Exception {
        try (PaperNode node = new PaperNode()) {
            Frames frames = new Frames();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(node.baseUrl.replace("http", "ws") + "/stream"), frames)
                    .get(10, TimeUnit.SECONDS);
            ws.sendText("{\"action\":\"listen\",\"data\":{\"streams\":[\"trade_updates\"]}}", true).join();
            assertThat(frames.next().getJsonObject("data").getString("error")).contains("verification failed");
            ws.sendText(new JsonObject().put("action", "authenticate").put("data", new JsonObject()
                    .put("key_id", node.trader.keyId()).put("secret_key", "wrong-secret-0123456789")).encode(), true).join();
            assertThat(frames.next().getJsonObject("data").getString("status")).isEqualTo("unauthorized");
            assertThat(node.server.streamListeners()).isZero();
        }
    }
}
