package io.amcp.web.internal;

import io.amcp.api.model.Bar;
import io.amcp.api.model.MarketData;
import io.amcp.api.model.Quote;
import io.amcp.api.model.TradeTick;
import io.amcp.codec.msgpack.MessagePack;
import io.amcp.codec.msgpack.MessagePackWriter;
import io.amcp.web.ApiKeyStore;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Alpaca's real-time market-data stream ({@code /v2/iex}, {@code /v2/sip}, {@code /v1beta3/crypto/us}):
 * on connect {@code [{"T":"success","msg":"connected"}]}; {@code {"action":"auth","key","secret"}}
 * answers {@code authenticated} or error 402; {@code subscribe}/{@code unsubscribe} with
 * {@code trades}, {@code quotes}, {@code bars} lists ({@code "*"} for all) answers the current
 * subscription; then {@code t}, {@code q}, {@code b} messages for what the node sees. Text frames of
 * JSON arrays by default; a client that sends {@code Content-Type: application/msgpack} on the
 * upgrade request gets the same messages as MessagePack arrays in binary frames, with {@code t} as
 * the MessagePack timestamp extension type (as Alpaca's msgpack stream sends it), and may send its
 * control messages as MessagePack maps in binary frames (JSON text frames are still understood).
 */
public final class MarketDataStream {

    private static final String MSGPACK = "application/msgpack";
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final ApiKeyStore keys;
    private final Set<Session> sessions = new CopyOnWriteArraySet<>();

    public MarketDataStream(ApiKeyStore keys, LatestMarketData data) {
        this.keys = keys;
        data.listen(this::publish);
    }

    /** Takes over a new WebSocket connection. */
    public void accept(ServerWebSocket ws) {
        Session s = new Session(ws, asksForMsgpack(ws));
        ws.textMessageHandler(s::onMessage);
        ws.binaryMessageHandler(s::onBinary);
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
        long timeNanos;
        if (event instanceof Bar b) {
            symbol = b.instrument().value();
            channel = "bars";
            message = MarketDataApi.barJson(b).put("T", "b");
            timeNanos = MarketDataApi.startSecond(b) * NANOS_PER_SECOND;
        } else if (event instanceof Quote q) {
            symbol = q.instrument().value();
            channel = "quotes";
            message = MarketDataApi.quoteJson(q).put("T", "q");
            timeNanos = q.time();
        } else if (event instanceof TradeTick t) {
            symbol = t.instrument().value();
            channel = "trades";
            message = MarketDataApi.tradeJson(t).put("T", "t");
            timeNanos = t.time();
        } else {
            return;
        }
        message.put("S", symbol);
        List<Session> wanting = new ArrayList<>();
        boolean anyJson = false;
        boolean anyMsgpack = false;
        for (Session s : sessions) {
            if (s.wants(channel, symbol)) {
                wanting.add(s);
                anyJson |= !s.msgpack;
                anyMsgpack |= s.msgpack;
            }
        }
        String text = anyJson ? new JsonArray().add(message).encode() : null;
        Buffer packed = anyMsgpack ? msgpackFrame(message, timeNanos) : null;
        Fanout.write(wanting, s -> s.context, s -> {
            if (s.msgpack) {
                s.ws.writeBinaryMessage(packed);
            } else {
                s.ws.writeTextMessage(text);
            }
        });
    }

    /** Whether the upgrade request asks for MessagePack ({@code Content-Type: application/msgpack}). */
    static boolean asksForMsgpack(ServerWebSocket ws) {
        String contentType = ws.headers().get("Content-Type");
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(MSGPACK);
    }

    /**
     * A one-message array as MessagePack; the data message's {@code t} is written as a timestamp from
     * the event's own time ({@code timeNanos}, epoch nanoseconds), not parsed back from its text.
     */
    private static Buffer msgpackFrame(JsonObject message, long timeNanos) {
        MessagePackWriter out = new MessagePackWriter().arrayHeader(1).mapHeader(message.size());
        for (Map.Entry<String, Object> field : message) {
            out.string(field.getKey());
            if (field.getKey().equals("t")) {
                out.timestampNanos(timeNanos);
            } else {
                out.value(plain(field.getValue()));
            }
        }
        return Buffer.buffer(out.toByteArray());
    }

    /** A Vert.x JSON value as plain maps and lists (fresh copies), as the MessagePack writer takes them. */
    static Object plain(Object json) {
        if (json instanceof JsonObject o) {
            Map<String, Object> map = new LinkedHashMap<>();
            o.getMap().forEach((k, v) -> map.put(k, plain(v)));
            return map;
        } else if (json instanceof JsonArray a) {
            List<Object> list = new ArrayList<>(a.size());
            a.getList().forEach(v -> list.add(plain(v)));
            return list;
        } else if (json instanceof Map<?, ?> m) {
            return plain(new JsonObject(castMap(m)));
        } else if (json instanceof List<?> l) {
            return plain(new JsonArray(new ArrayList<>(l)));
        }
        return json;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /**
     * A client's MessagePack control message (a map) as JSON.
     *
     * @throws IllegalArgumentException when the frame is not MessagePack or not a map
     */
    static JsonObject fromMsgpack(Buffer frame) {
        Object tree = MessagePack.decode(frame.getBytes());
        if (!(tree instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("expected a map");
        }
        return new JsonObject(castMap(map));
    }

    private static JsonObject error(int code, String msg) {
        return new JsonObject().put("T", "error").put("code", code).put("msg", msg);
    }

    private final class Session {
        private final ServerWebSocket ws;
        private final boolean msgpack;
        /** The connection's event loop (null off Vert.x threads, then writes go straight to the socket). */
        private final Context context = Vertx.currentContext();
        private volatile boolean authenticated;
        private final Set<String> trades = new CopyOnWriteArraySet<>();
        private final Set<String> quotes = new CopyOnWriteArraySet<>();
        private final Set<String> bars = new CopyOnWriteArraySet<>();

        Session(ServerWebSocket ws, boolean msgpack) {
            this.ws = ws;
            this.msgpack = msgpack;
        }

        boolean wants(String channel, String symbol) {
            Set<String> set = switch (channel) {
                case "bars" -> bars;
                case "quotes" -> quotes;
                default -> trades;
            };
            return set.contains(symbol) || set.contains("*");
        }

        void onBinary(Buffer frame) {
            if (!msgpack) {
                onMessage(frame.toString());
                return;
            }
            try {
                onMessage(fromMsgpack(frame));
            } catch (IllegalArgumentException e) {
                send(error(400, "invalid syntax"));
            }
        }

        void onMessage(String text) {
            JsonObject m;
            try {
                m = new JsonObject(text);
            } catch (DecodeException | ClassCastException e) {
                send(error(400, "invalid syntax"));
                return;
            }
            onMessage(m);
        }

        private void onMessage(JsonObject m) {
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
            if (msgpack) {
                ws.writeBinaryMessage(Buffer.buffer(MessagePack.encode(List.of(plain(message)))));
            } else {
                ws.writeTextMessage(new JsonArray().add(message).encode());
            }
        }
    }
}
