package io.amcp.web.internal;

import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderView;
import io.amcp.api.spi.TradingNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The console's live feed at {@code /api/v1/stream?token=<session token>}: every order event as
 * {@code {"type":"order","event":..,"order":{Alpaca order}}} the moment the kernel reports it, and
 * every {@value #ACCOUNT_PERIOD_MS} ms an {@code {"type":"account",...}} snapshot (equity, P&L,
 * exposure, kill switch) while anyone listens.
 */
public final class PlatformStream {

    static final long ACCOUNT_PERIOD_MS = 2_000;

    private final Sessions sessions;
    private final AlpacaJson json;
    private final TradingNode node;
    private final Set<ServerWebSocket> listening = new CopyOnWriteArraySet<>();

    public PlatformStream(Sessions sessions, AlpacaJson json, TradingNode node) {
        this.sessions = sessions;
        this.json = json;
        this.node = node;
    }

    /** Starts the periodic account snapshot on {@code vertx}. */
    public void start(Vertx vertx) {
        vertx.setPeriodic(ACCOUNT_PERIOD_MS, id -> {
            if (!listening.isEmpty()) {
                vertx.executeBlocking(this::accountFrame, false).onSuccess(this::send);
            }
        });
    }

    /** Takes over a WebSocket whose query carries a valid session token, else closes it. */
    public void accept(ServerWebSocket ws) {
        String query = ws.query() == null ? "" : ws.query();
        String token = null;
        for (String part : query.split("&")) {
            if (part.startsWith("token=")) {
                token = part.substring("token=".length());
            }
        }
        if (sessions.find(token).isEmpty()) {
            ws.close((short) 1008, "unauthorized: connect with ?token=<session token>");
            return;
        }
        listening.add(ws);
        ws.closeHandler(v -> listening.remove(ws));
        ws.exceptionHandler(e -> listening.remove(ws));
        ws.writeTextMessage(new JsonObject().put("type", "hello").encode());
    }

    /** Publishes an order event (kernel thread, does not block). */
    public void publish(OrderEvent event, OrderView order) {
        if (listening.isEmpty() || order == null) {
            return;
        }
        String name = TradeUpdates.eventName(event, order);
        if (name == null) {
            return;
        }
        send(new JsonObject().put("type", "order").put("event", name).put("order", json.order(order, node::order)).encode());
    }

    private String accountFrame() {
        var a = node.account();
        double gross = node.positions().stream().mapToDouble(p -> Math.abs(p.marketValue().toDouble())).sum();
        return new JsonObject().put("type", "account").put("equity", a.equity().toDouble()).put("cash", a.cash().toDouble())
                .put("day_pnl", a.dayPnl().toDouble()).put("unrealized_pnl", a.unrealizedPnl().toDouble())
                .put("realized_pnl", a.realizedPnl().toDouble()).put("gross_exposure", gross)
                .put("kill_switch", node.killSwitch().isEngaged()).encode();
    }

    private void send(String frame) {
        for (ServerWebSocket ws : listening) {
            ws.writeTextMessage(frame);
        }
    }

    public int listeners() {
        return listening.size();
    }
}
