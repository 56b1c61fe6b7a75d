package io.amcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quote;
import io.amcp.api.model.TradeTick;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The market-data stream at {@code /v2/iex} with the JDK's WebSocket client, message by message as
 * Alpaca documents them (docs.alpaca.markets, "Real-time Stock Data": connected, authenticated,
 * error 402 "auth failed", subscription, then {@code T} = b, q, t messages).
 */
class MarketDataStreamTest {

    private static final class Frames implements WebSocket.Listener {
        final LinkedBlockingQueue<JsonArray> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(new JsonArray(partial.toString()));
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        JsonObject next() throws InterruptedException {
            JsonArray a = received.poll(10, TimeUnit.SECONDS);
            assertThat(a).as("a frame within 10 s").isNotNull();
            assertThat(a).hasSize(1);
            return a.getJsonObject(0);
        }
    }

    private static WebSocket connect(PaperNode node, Frames frames, String path) throws Exception {
        return HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(node.baseUrl.replace("http", "ws") + path), frames).get(10, TimeUnit.SECONDS);
    }

    @Test
    void subscriberReceivesBarsQuotesAndTradesOfItsSymbols() throws Exception {
        try (PaperNode node = new PaperNode()) {
            Frames frames = new Frames();
            WebSocket ws = connect(node, frames, "/v2/iex");
            assertThat(frames.next()).isEqualTo(new JsonObject().put("T", "success").put("msg", "connected"));

            ws.sendText("{\"action\":\"subscribe\",\"bars\":[\"AAPL\"]}", true).join();
            assertThat(frames.next()).isEqualTo(new JsonObject().put("T", "error").put("code", 401).put("msg", "not authenticated"));

            ws.sendText(new JsonObject().put("action", "auth").put("key", node.viewer.keyId())
                    .put("secret", node.viewer.secret()).encode(), true).join();
            assertThat(frames.next()).isEqualTo(new JsonObject().put("T", "success").put("msg", "authenticated"));

            ws.sendText("{\"action\":\"subscribe\",\"bars\":[\"AAPL\"],\"quotes\":[\"AAPL\"],\"trades\":[\"AAPL\",\"MSFT\"]}", true).join();
            JsonObject subscription = frames.next();
            assertThat(subscription.getString("T")).isEqualTo("subscription");
            assertThat(subscription.getJsonArray("bars")).isEqualTo(new JsonArray().add("AAPL"));
            assertThat(subscription.getJsonArray("quotes")).isEqualTo(new JsonArray().add("AAPL"));
            assertThat(subscription.getJsonArray("trades")).isEqualTo(new JsonArray().add("AAPL").add("MSFT"));

            // one-minute bar ending 10:01 New York (15:01Z): Alpaca stamps bars with their start
            node.bar(1, 100, 101, 99, 100.5);
            JsonObject bar = frames.next();
            assertThat(bar.getString("T")).isEqualTo("b");
            assertThat(bar.getString("S")).isEqualTo("AAPL");
            assertThat(bar.getString("t")).isEqualTo("2024-03-04T15:00:00Z");
            assertThat(bar.getInteger("o")).isEqualTo(100);
            assertThat(bar.getInteger("h")).isEqualTo(101);
            assertThat(bar.getInteger("l")).isEqualTo(99);
            assertThat(bar.getDouble("c")).isEqualTo(100.5);
            assertThat(bar.getLong("v")).isEqualTo(1_000_000L);

            long t = PaperNode.START.getEpochSecond() * 1_000_000_000L + 90_000_000_000L;
            node.kernel.post(Quote.of(PaperNode.AAPL, t, 100.25, 100.5, 300, 400));
            node.kernel.post(new TradeTick(InstrumentId.of("MSFT"), t, FixedPoint.fromDouble(410.1), FixedPoint.fromDouble(5), null));
            node.kernel.post(new TradeTick(InstrumentId.of("IBM"), t, FixedPoint.fromDouble(190), FixedPoint.fromDouble(5), null));
            node.kernel.call(() -> null);
            JsonObject quote = frames.next();
            assertThat(quote.getString("T")).isEqualTo("q");
            assertThat(quote.getDouble("bp")).isEqualTo(100.25);
            assertThat(quote.getDouble("ap")).isEqualTo(100.5);
            assertThat(quote.getInteger("bs")).isEqualTo(300);
            assertThat(quote.getInteger("as")).isEqualTo(400);
            assertThat(quote.getString("t")).isEqualTo("2024-03-04T15:01:30Z");
            JsonObject trade = frames.next();
            assertThat(trade.getString("T")).isEqualTo("t");
            assertThat(trade.getString("S")).isEqualTo("MSFT");
            assertThat(trade.getDouble("p")).isEqualTo(410.1);
            assertThat(trade.getInteger("s")).isEqualTo(5);
            // IBM is not subscribed: nothing more arrives
            assertThat(frames.received.poll(300, TimeUnit.MILLISECONDS)).isNull();

            ws.sendText("{\"action\":\"unsubscribe\",\"trades\":[\"MSFT\"]}", true).join();
            assertThat(frames.next().getJsonArray("trades")).isEqualTo(new JsonArray().add("AAPL"));
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
    }

    @Test
    void wrongKeysGetError402() throws Exception {
        try (PaperNode node = new PaperNode()) {
            Frames frames = new Frames();
            WebSocket ws = connect(node, frames, "/v2/sip");
            frames.next();
            ws.sendText(new JsonObject().put("action", "auth").put("key", node.viewer.keyId()).put("secret", "wrong").encode(), true)
                    .join();
            assertThat(frames.next()).isEqualTo(new JsonObject().put("T", "error").put("code", 402).put("msg", "auth failed"));
            ws.sendText("not json", true).join();
            assertThat(frames.next()).isEqualTo(new JsonObject().put("T", "error").put("code", 400).put("msg", "invalid syntax"));
        }
    }
}
