package io.amcp.web.internal;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quantity;
import io.amcp.api.order.OrderAccepted;
import io.amcp.api.order.OrderCanceled;
import io.amcp.api.order.OrderDenied;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderExpired;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.OrderPendingCancel;
import io.amcp.api.order.OrderRejected;
import io.amcp.api.order.OrderReplaced;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderView;
import io.amcp.api.portfolio.PositionView;
import io.amcp.codec.msgpack.MessagePack;
import io.amcp.web.ApiKeyStore;
import io.amcp.web.Role;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Alpaca's paper-trading stream at {@code /stream}: a client authenticates ({@code {"action":"auth",
 * "key":..,"secret":..}} or the older {@code {"action":"authenticate","data":{"key_id":..,
 * "secret_key":..}}}), listens to {@code trade_updates} and then receives {@code new}, {@code fill},
 * {@code partial_fill}, {@code canceled}, {@code expired}, {@code replaced}, {@code rejected} and
 * {@code pending_cancel} events with the order object. Frames are binary JSON, as Alpaca's paper
 * stream sends them; a client that sends {@code Content-Type: application/msgpack} on the upgrade
 * request gets the same messages as MessagePack maps (times stay RFC 3339 strings, as in JSON) and
 * may send its messages as MessagePack too.
 */
public final class TradeUpdates {

    private static final String STREAM = "trade_updates";

    private final ApiKeyStore keys;
    private final AlpacaJson json;
    private final Supplier<List<PositionView>> positions;
    private final Set<Session> listening = new CopyOnWriteArraySet<>();

    public TradeUpdates(ApiKeyStore keys, AlpacaJson json, Supplier<List<PositionView>> positions) {
        this.keys = keys;
        this.json = json;
        this.positions = positions;
    }

    /** Takes over a new WebSocket connection. */
    public void accept(ServerWebSocket ws) {
        Session session = new Session(ws, MarketDataStream.asksForMsgpack(ws));
        ws.handler(frame -> session.onMessage(frame));
        ws.closeHandler(v -> listening.remove(session));
        ws.exceptionHandler(e -> listening.remove(session));
    }

    /** Number of connections listening to trade_updates. */
    public int listeners() {
        return listening.size();
    }

    /**
     * Publishes one order event (kernel thread): serialised once, written to every listener. Events
     * that Alpaca does not stream (submission, trigger of a held leg) are skipped.
     */
    public void publish(OrderEvent event, OrderView order, Function<io.amcp.api.model.ClientOrderId, OrderView> legs) {
        if (listening.isEmpty() || order == null) {
            return;
        }
        String name = eventName(event, order);
        if (name == null) {
            return;
        }
        JsonObject data = new JsonObject().put("event", name).put("timestamp", AlpacaJson.time(event.time()))
                .put("order", json.order(order, legs));
        if (event instanceof OrderFilled f) {
            data.put("execution_id", f.tradeId()).put("price", f.price().toString()).put("qty", f.quantity().toString())
                    .put("position_qty", positionQuantity(f.instrument()).toString());
        }
        JsonObject message = new JsonObject().put("stream", STREAM).put("data", data);
        boolean anyJson = false;
        boolean anyMsgpack = false;
        for (Session s : listening) {
            anyJson |= !s.msgpack;
            anyMsgpack |= s.msgpack;
        }
        Buffer json = anyJson ? message.toBuffer() : null;
        Buffer packed = anyMsgpack ? msgpackFrame(message) : null;
        Fanout.write(listening, s -> s.context, s -> s.ws.writeBinaryMessage(s.msgpack ? packed : json));
    }

    private static Buffer msgpackFrame(JsonObject message) {
        return Buffer.buffer(MessagePack.encode(MarketDataStream.plain(message)));
    }

    private Quantity positionQuantity(InstrumentId instrument) {
        for (PositionView p : positions.get()) {
            if (p.instrument().equals(instrument)) {
                return p.quantity();
            }
        }
        return Quantity.ZERO;
    }

    static String eventName(OrderEvent event, OrderView order) {
        if (event instanceof OrderAccepted) {
            return "new";
        } else if (event instanceof OrderFilled) {
            return order.status() == OrderStatus.FILLED ? "fill" : "partial_fill";
        } else if (event instanceof OrderCanceled) {
            return "canceled";
        } else if (event instanceof OrderExpired) {
            return "expired";
        } else if (event instanceof OrderReplaced) {
            return "replaced";
        } else if (event instanceof OrderRejected || event instanceof OrderDenied) {
            return "rejected";
        } else if (event instanceof OrderPendingCancel) {
            return "pending_cancel";
        }
        return null;
    }

    private final class Session {
        private final ServerWebSocket ws;
        private final boolean msgpack;
        private boolean authorized;

        /** The connection's event loop (null off Vert.x threads, then writes go straight to the socket). */
        private final Context context = Vertx.currentContext();

        Session(ServerWebSocket ws, boolean msgpack) {
            this.ws = ws;
            this.msgpack = msgpack;
        }

        void onMessage(Buffer frame) {
            JsonObject message;
            try {
                message = msgpack ? MarketDataStream.fromMsgpack(frame) : frame.toJsonObject();
            } catch (DecodeException | ClassCastException | IllegalArgumentException e) {
                send(error("invalid syntax"));
                return;
            }
            String action = message.getString("action", "");
            switch (action) {
                case "auth", "authenticate" -> authenticate(message);
                case "listen" -> listen(message);
                default -> send(error("invalid action '" + action + "'"));
            }
        }

        private void authenticate(JsonObject message) {
            JsonObject data = message.getJsonObject("data");
            String key = data != null ? data.getString("key_id") : message.getString("key");
            String secret = data != null ? data.getString("secret_key") : message.getString("secret");
            Optional<Role> role = keys.authenticate(key, secret);
            authorized = role.isPresent();
            send(new JsonObject().put("stream", "authorization").put("data", new JsonObject()
                    .put("action", "authenticate").put("status", authorized ? "authorized" : "unauthorized")));
            if (!authorized) {
                ws.close((short) 1008, "unauthorized");
            }
        }

        private void listen(JsonObject message) {
            if (!authorized) {
                send(error("access key verification failed"));
                return;
            }
            JsonObject data = message.getJsonObject("data");
            JsonArray streams = data == null ? null : data.getJsonArray("streams");
            JsonArray granted = new JsonArray();
            if (streams != null && streams.contains(STREAM)) {
                granted.add(STREAM);
                listening.add(this);
            } else {
                listening.remove(this);
            }
            send(new JsonObject().put("stream", "listening").put("data", new JsonObject().put("streams", granted)));
        }

        private JsonObject error(String text) {
            return new JsonObject().put("stream", "listening").put("data", new JsonObject().put("error", text));
        }

        private void send(JsonObject message) {
            ws.writeBinaryMessage(msgpack ? msgpackFrame(message) : message.toBuffer());
        }
    }
}
