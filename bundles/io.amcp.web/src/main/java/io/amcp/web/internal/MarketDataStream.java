package io.amcp.web.internal;

import io.amcp.api.model.Bar;
import io.amcp.api.model.MarketData;
import io.amcp.api.model.Quote;
import io.amcp.api.model.TradeTick;
import io.amcp.web.ApiKeyStore;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Alpaca's real-time market-data stream ({@code /v2/iex}, {@code /v2/sip}, {@code /v1beta3/crypto/us}):
 * on connect {@code [{"T":"success","msg":"connected"}]}; {@code {"action":"auth","key","secret"}}
 * answers {@code authenticated} or error 402; {@code subscribe}/{@code unsubscribe} with
 * {@code trades}, {@code quotes}, {@code bars} lists ({@code "*"} for all) answers the current
 * subscription; then {@code t}, {@code q}, {@code b} messages for what the node sees. Text frames of
 * JSON arrays; msgpack is not offered (a client asking for it in {@code Content-Type} is refused
 * with error 415, so it can fall back to JSON).
 */
public final class MarketDataStream {

    private final ApiKeyStore keys;
    private final Set<Session> sessions = new CopyOnWriteArraySet<>();

    public MarketDataStream(ApiKeyStore keys, LatestMarketData data) {
        this.keys = keys;
        data.listen(this::publish);
    }

    /** Takes over a new WebSocket connection. */
    public void accept(ServerWebSocket ws) {
        String contentType = ws.headers().get("Content-Type");
        if (contentType != null && contentType.contains("msgpack")) {
            ws.writeTextMessage(new JsonArray().add(error(415, "msgpack is not supported: use JSON")).encode());
            ws.close((short) 1003, "msgpack not supported");
            return;
        }
        Session s = new Session(ws);
        ws.textMessageHandler(s::onMessage);
        ws.binaryMessageHandler(b -> s.onMessage(b.toString()));
        ws.closeHandler(v -> sessions.remove(s));
        ws.exceptionHandler(e -> sessions.remove(s));
        s.send(new JsonObject().put("T", "success").put("msg", "connected"));
    }

    /** Connections that have subscribed (and not closed). */
    public int connections() {
        return sessions.size();
    }

    private void publish(MarketData event) {
        if (sessions.isEmpty()) {
            return;
        }
        String symbol;
        String channel;
        JsonObject message;
        if (event instanceof Bar b) {
            symbol = b.instrument().value();
            channel = "bars";
            message = MarketDataApi.barJson(b).put("T", "b");
        } else if (event instanceof Quote q) {
            symbol = q.instrument().value();
            channel = "quotes";
            message = MarketDataApi.quoteJson(q).put("T", "q");
        } else if (event instanceof TradeTick t) {
            symbol = t.instrument().value();
            channel = "trades";
            message = MarketDataApi.tradeJson(t).put("T", "t");
        } else {
            return;
        }
        String frame = new JsonArray().add(message.put("S", symbol)).encode();
        List<Session> wanting = new ArrayList<>();
        for (Session s : sessions) {
            if (s.wants(channel, symbol)) {
                wanting.add(s);
            }
        }
        Fanout.write(wanting, s -> s.context, s -> s.ws.writeTextMessage(frame));
    }

    private static JsonObject error(int code, String msg) {
        return new JsonObject().put("T", "error").put("code", code).put("msg", msg);
    }

    private final class Session {
        private final ServerWebSocket ws;
        /** The connection's event loop (null off Vert.x threads, then writes go straight to the socket). */
        private final Context context = Vertx.currentContext();
        private volatile boolean authenticated;
        private final Set<String> trades = new CopyOnWriteArraySet<>();
        private final Set<String> quotes = new CopyOnWriteArraySet<>();
        private final Set<String> bars = new CopyOnWriteArraySet<>();

        Session(ServerWebSocket ws) {
            this.ws = ws;
        }

        boolean wants(String channel, String symbol) {
            Set<String> set = switch (channel) {
                case "bars" -> bars;
                case "quotes" -> quotes;
                default -> trades;
            };
            return set.contains(symbol) || set.contains("*");
        }

        void onMessage(String text) {
            JsonObject m;
            try {
                m = new JsonObject(text);
            } catch (DecodeException | ClassCastException e) {
                send(error(400, "invalid syntax"));
                return;
            }
            String action = m.getString("action", "");
            switch (action) {
                case "auth" -> auth(m);
                case "subscribe", "unsubscribe" -> subscribe(m, "subscribe".equals(action));
                default -> send(error(400, "invalid syntax"));
            }
        }

        private void auth(JsonObject m) {
            if (authenticated) {
                send(error(403, "already authenticated"));
                return;
            }
            Object key = m.getValue("key");
            Object secret = m.getValue("secret");
            if (key instanceof String k && secret instanceof String s && keys.authenticate(k, s).isPresent()) {
                authenticated = true;
                send(new JsonObject().put("T", "success").put("msg", "authenticated"));
            } else {
                send(error(402, "auth failed"));
            }
        }

        private void subscribe(JsonObject m, boolean add) {
            if (!authenticated) {
                send(error(401, "not authenticated"));
                return;
            }
            try {
                change(trades, m.getJsonArray("trades"), add);
                change(quotes, m.getJsonArray("quotes"), add);
                change(bars, m.getJsonArray("bars"), add);
            } catch (ClassCastException e) {
                send(error(400, "invalid syntax"));
                return;
            }
            if (add) {
                sessions.add(this);
            }
            send(new JsonObject().put("T", "subscription").put("trades", sorted(trades)).put("quotes", sorted(quotes))
                    .put("bars", sorted(bars)).put("updatedBars", new JsonArray()).put("dailyBars", new JsonArray())
                    .put("statuses", new JsonArray()).put("lulds", new JsonArray())
                    .put("corrections", new JsonArray()).put("cancelErrors", new JsonArray()));
        }

        private void change(Set<String> set, JsonArray symbols, boolean add) {
            if (symbols == null) {
                return;
            }
            for (Object o : symbols) {
                String s = String.valueOf(o);
                if (add) {
                    set.add(s);
                } else {
                    set.remove(s);
                }
            }
        }

        private JsonArray sorted(Set<String> set) {
            return new JsonArray(List.copyOf(new TreeSet<>(set)));
        }

        void send(JsonObject message) {
            ws.writeTextMessage(new JsonArray().add(message).encode());
        }
    }
}
