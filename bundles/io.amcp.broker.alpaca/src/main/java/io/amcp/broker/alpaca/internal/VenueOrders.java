package io.amcp.broker.alpaca.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.OrderId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.order.OrderAccepted;
import io.amcp.api.order.OrderCanceled;
import io.amcp.api.order.OrderClass;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderExpired;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.OrderPendingCancel;
import io.amcp.api.order.OrderRejected;
import io.amcp.api.order.OrderReplaced;
import io.amcp.api.order.OrderTriggered;
import io.amcp.api.order.OrderType;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.order.TimeInForce;
import io.amcp.broker.alpaca.AlpacaOrderStatus;
import io.amcp.datasource.alpaca.AlpacaValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * What the connector knows of each order it placed at Alpaca, and the translation of Alpaca's
 * order objects (from the trade_updates stream, from REST after a reconnect, from a restart's
 * reconciliation) into OMS events, each emitted exactly once whichever path reports it first:
 *
 * <ul>
 *   <li>an acknowledgement once ({@link OrderAccepted}; {@link OrderTriggered} for a held
 *       bracket/OTO leg);</li>
 *   <li>fills by cumulative quantity: only the part of Alpaca's {@code filled_qty} (or a fill
 *       activity's {@code cum_qty}) beyond what was already reported becomes an
 *       {@link OrderFilled}, with trade id {@code <alpaca order id>:<cumulative qty>}, the same id on
 *       every path, so the OMS also recognises a repeat;</li>
 *   <li>a final status (canceled, expired, rejected, replaced) once.</li>
 * </ul>
 *
 * Linked orders: a bracket or OTO is tracked as the parent {@code <id>} and held legs
 * {@code <id>-tp} (Alpaca's limit leg) and {@code <id>-sl} (its stop leg); an OCO, whose Alpaca
 * parent is the take-profit limit, as the working pair {@code <id>-tp} and {@code <id>-sl}, the ids
 * the kernel gives these legs. Not thread-safe: the connector uses it from its one events thread.
 */
final class VenueOrders {

    /** One order as the connector knows it. */
    static final class Tracked {
        final ClientOrderId clientOrderId;
        final ClientOrderId parent;
        String alpacaId;
        boolean held;
        boolean acknowledged;
        boolean pendingCancel;
        boolean done;
        long filledRaw;
        BigDecimal filledNotional = BigDecimal.ZERO;
        Instant submittedAt;

        Tracked(ClientOrderId clientOrderId, ClientOrderId parent, boolean held) {
            this.clientOrderId = clientOrderId;
            this.parent = parent;
            this.held = held;
        }
    }

    private final Map<ClientOrderId, Tracked> byClientId = new HashMap<>();
    private final Map<String, Tracked> byAlpacaId = new HashMap<>();
    /** Alpaca's client order id of an OCO (the pair's id) to the take-profit leg Alpaca makes its parent. */
    private final Map<ClientOrderId, ClientOrderId> ocoParents = new HashMap<>();
    private final LongSupplier nanos;

    VenueOrders(LongSupplier nanos) {
        this.nanos = nanos;
    }

    boolean knows(ClientOrderId id) {
        return byClientId.containsKey(id) || ocoParents.containsKey(id);
    }

    Optional<Tracked> get(ClientOrderId id) {
        return Optional.ofNullable(byClientId.get(ocoParents.getOrDefault(id, id)));
    }

    /** Open orders (not final) that Alpaca has acknowledged. */
    List<Tracked> open() {
        return byClientId.values().stream().filter(t -> !t.done && t.alpacaId != null).toList();
    }

    /** Registers an order about to be sent, with the legs the kernel made of it. */
    void track(SubmitOrder order, Instant now) {
        ClientOrderId id = order.clientOrderId();
        if (order.orderClass() == OrderClass.OCO) {
            ClientOrderId tp = ClientOrderId.of(id.value() + SubmitOrder.TAKE_PROFIT_SUFFIX);
            add(new Tracked(tp, id, false), now);
            add(new Tracked(ClientOrderId.of(id.value() + SubmitOrder.STOP_LOSS_SUFFIX), id, false), now);
            ocoParents.put(id, tp);
            return;
        }
        add(new Tracked(id, null, false), now);
        if (order.takeProfit() != null) {
            add(new Tracked(order.takeProfitLeg().clientOrderId(), id, true), now);
        }
        if (order.stopLoss() != null) {
            add(new Tracked(order.stopLossLeg().clientOrderId(), id, true), now);
        }
    }

    /**
     * Registers an order found at Alpaca that this connector did not place in this run (after a
     * restart), with its legs, so that its history can be replayed. {@code order} is Alpaca's object
     * (legs nested); {@code id} the platform's client order id of its top level.
     */
    void adopt(JsonNode order, ClientOrderId id) {
        String orderClass = AlpacaValues.text(order, "order_class");
        Instant submitted = AlpacaValues.instant(order, "submitted_at");
        Tracked top;
        if ("oco".equals(orderClass)) {
            ClientOrderId tp = ClientOrderId.of(id.value() + SubmitOrder.TAKE_PROFIT_SUFFIX);
            top = new Tracked(tp, id, false);
            ocoParents.put(id, tp);
        } else {
            top = new Tracked(id, null, false);
        }
        add(top, submitted);
        bind(top, order);
        for (JsonNode leg : legs(order)) {
            ClientOrderId legId = legId(id, leg);
            Tracked t = new Tracked(legId, id, !"oco".equals(orderClass));
            add(t, submitted);
            bind(t, leg);
        }
    }

    private void add(Tracked t, Instant now) {
        t.submittedAt = now;
        byClientId.put(t.clientOrderId, t);
    }

    /** Records the outcome of a refused submission: the order and its legs are rejected. */
    List<OrderEvent> rejected(SubmitOrder order, String reason) {
        long time = nanos.getAsLong();
        List<OrderEvent> out = new ArrayList<>();
        ClientOrderId id = order.clientOrderId();
        for (String suffix : List.of("", SubmitOrder.TAKE_PROFIT_SUFFIX, SubmitOrder.STOP_LOSS_SUFFIX)) {
            Tracked t = byClientId.get(ClientOrderId.of(id.value() + suffix));
            if (t != null && !t.done) {
                t.done = true;
                out.add(new OrderRejected(t.clientOrderId, reason, time));
            }
        }
        return out;
    }

    /**
     * Applies an Alpaca order object (and its nested legs). {@code event} is the trade_updates
     * event around it ({@code event}, {@code price}, {@code qty}, {@code timestamp}), or null for an
     * order read over REST. Orders this connector does not know (placed elsewhere) give nothing.
     */
    List<OrderEvent> apply(JsonNode order, JsonNode event) {
        List<OrderEvent> out = new ArrayList<>();
        apply(order, event, out);
        return out;
    }

    private void apply(JsonNode order, JsonNode event, List<OrderEvent> out) {
        Tracked t = find(order);
        if (t == null) {
            return;
        }
        bind(t, order);
        String status = order.path("status").asText();
        long time = time(order, event);
        acknowledge(t, status, time, out);
        long cumulative = AlpacaValues.raw(order, "filled_qty");
        if (cumulative > t.filledRaw) {
            Price price = fillPrice(t, order, event, cumulative);
            fill(t, order, cumulative, price, time, out);
        }
        outcome(t, status, event == null ? null : AlpacaValues.text(event, "event"), time, out);
        ClientOrderId pairId = t.parent != null && ocoParents.containsKey(t.parent) ? t.parent : t.clientOrderId;
        for (JsonNode leg : legs(order)) {
            Tracked legTracked = byClientId.get(legId(pairId, leg));
            if (legTracked != null) {
                bind(legTracked, leg);
                apply(leg, null, out);
            }
        }
    }

    /** Applies a fill activity ({@code /v2/account/activities/FILL}): {@code order_id}, {@code cum_qty}, {@code price}. */
    List<OrderEvent> applyFill(JsonNode activity) {
        List<OrderEvent> out = new ArrayList<>();
        Tracked t = byAlpacaId.get(AlpacaValues.text(activity, "order_id"));
        if (t == null) {
            return out;
        }
        long cumulative = AlpacaValues.raw(activity, "cum_qty");
        if (cumulative <= t.filledRaw) {
            return out;
        }
        long time = AlpacaValues.nanos(activity, "transaction_time");
        acknowledge(t, "new", time, out);
        fill(t, activity, cumulative, Price.ofRaw(AlpacaValues.raw(activity, "price")), time, out);
        return out;
    }

    /** The replacement of {@code old} as Alpaca confirmed it ({@code PATCH} response). */
    List<OrderEvent> replaced(Tracked old, JsonNode replacement) {
        ClientOrderId newId = ClientOrderId.of(replacement.path("client_order_id").asText());
        Tracked t = new Tracked(newId, old.parent, false);
        t.acknowledged = true;
        add(t, AlpacaValues.instant(replacement, "submitted_at"));
        bind(t, replacement);
        old.done = true;
        return List.of(new OrderReplaced(old.clientOrderId, newId, requestOf(replacement, newId), OrderId.of(t.alpacaId),
                time(replacement, null)));
    }

    private void acknowledge(Tracked t, String status, long time, List<OrderEvent> out) {
        if (t.done || !AlpacaOrderStatus.isAcknowledged(status) || status.equals("canceled") || status.equals("expired")) {
            return;
        }
        if (t.held) {
            t.held = false;
            t.acknowledged = true;
            out.add(new OrderTriggered(t.clientOrderId, OrderId.of(t.alpacaId), time));
        } else if (!t.acknowledged) {
            t.acknowledged = true;
            out.add(new OrderAccepted(t.clientOrderId, OrderId.of(t.alpacaId), time));
        }
    }

    private void fill(Tracked t, JsonNode source, long cumulative, Price price, long time, List<OrderEvent> out) {
        long delta = cumulative - t.filledRaw;
        out.add(new OrderFilled(t.clientOrderId, t.alpacaId + ":" + FixedPoint.format(cumulative),
                InstrumentId.of(source.path("symbol").asText()), side(source), Quantity.ofRaw(delta), price, Money.ZERO,
                time));
        t.filledRaw = cumulative;
        t.filledNotional = t.filledNotional.add(price.toDecimal().multiply(FixedPoint.toDecimal(delta)));
    }

    /** The event's own price when it reports exactly this fill, else what the average price implies. */
    private static Price fillPrice(Tracked t, JsonNode order, JsonNode event, long cumulative) {
        long delta = cumulative - t.filledRaw;
        if (event != null && event.hasNonNull("price") && event.hasNonNull("qty")
                && AlpacaValues.raw(event, "qty") == delta) {
            return Price.ofRaw(AlpacaValues.raw(event, "price"));
        }
        BigDecimal total = AlpacaValues.decimal(order, "filled_avg_price").multiply(FixedPoint.toDecimal(cumulative));
        return Price.of(total.subtract(t.filledNotional)
                .divide(FixedPoint.toDecimal(delta), FixedPoint.SCALE, RoundingMode.HALF_UP));
    }

    private void outcome(Tracked t, String status, String event, long time, List<OrderEvent> out) {
        if (t.done) {
            return;
        }
        if ("order_cancel_rejected".equals(event) && t.pendingCancel) {
            t.pendingCancel = false;
            out.add(new OrderAccepted(t.clientOrderId, OrderId.of(t.alpacaId), time));
            return;
        }
        switch (status) {
            case "pending_cancel" -> {
                if (!t.pendingCancel) {
                    t.pendingCancel = true;
                    out.add(new OrderPendingCancel(t.clientOrderId, time));
                }
            }
            case "canceled" -> {
                t.done = true;
                out.add(new OrderCanceled(t.clientOrderId, "canceled at Alpaca", time));
            }
            case "expired" -> {
                t.done = true;
                out.add(new OrderExpired(t.clientOrderId, time));
            }
            case "rejected" -> {
                t.done = true;
                out.add(new OrderRejected(t.clientOrderId, "rejected by Alpaca", time));
            }
            case "filled", "replaced" -> t.done = true;
            default -> {
                // working statuses change nothing beyond the acknowledgement and fills
            }
        }
    }

    private Tracked find(JsonNode order) {
        Tracked t = byAlpacaId.get(order.path("id").asText());
        if (t != null) {
            return t;
        }
        String clientId = AlpacaValues.text(order, "client_order_id");
        if (clientId == null) {
            return null;
        }
        try {
            return get(ClientOrderId.of(clientId)).orElse(null);
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }

    private void bind(Tracked t, JsonNode order) {
        if (t.alpacaId == null) {
            t.alpacaId = order.path("id").asText();
            byAlpacaId.put(t.alpacaId, t);
        }
    }

    /** Our id of one of Alpaca's legs: its limit leg is the take-profit, its stop leg the stop-loss. */
    private static ClientOrderId legId(ClientOrderId parent, JsonNode leg) {
        String type = leg.path("type").asText(leg.path("order_type").asText());
        String suffix = type.equals("limit") ? SubmitOrder.TAKE_PROFIT_SUFFIX : SubmitOrder.STOP_LOSS_SUFFIX;
        return ClientOrderId.of(parent.value() + suffix);
    }

    private static Collection<JsonNode> legs(JsonNode order) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode legs = order.get("legs");
        if (legs != null && legs.isArray()) {
            legs.forEach(out::add);
        }
        return out;
    }

    private long time(JsonNode order, JsonNode event) {
        if (event != null && event.hasNonNull("timestamp")) {
            return AlpacaValues.nanos(event, "timestamp");
        }
        if (order.hasNonNull("updated_at")) {
            return AlpacaValues.nanos(order, "updated_at");
        }
        return nanos.getAsLong();
    }

    private static Side side(JsonNode source) {
        String side = source.path("side").asText();
        return switch (side) {
            case "buy" -> Side.BUY;
            case "sell", "sell_short" -> Side.SELL;
            default -> throw new IllegalArgumentException("side: expected buy or sell, was '" + side + "'");
        };
    }

    /** A simple platform order equivalent to an Alpaca order object (the replacement after a PATCH). */
    static SubmitOrder requestOf(JsonNode order, ClientOrderId id) {
        OrderType type = OrderType.valueOf(order.path("type").asText("market").toUpperCase(Locale.ROOT));
        SubmitOrder.Builder b = SubmitOrder.builder(InstrumentId.of(order.path("symbol").asText()), side(order),
                        Quantity.ofRaw(AlpacaValues.raw(order, "qty")))
                .clientOrderId(id).type(type)
                .timeInForce(TimeInForce.valueOf(order.path("time_in_force").asText("day").toUpperCase(Locale.ROOT)))
                .extendedHours(order.path("extended_hours").asBoolean(false));
        if (type.needsLimitPrice()) {
            b.limitPrice(Price.ofRaw(AlpacaValues.raw(order, "limit_price")));
        }
        if (type.needsStopPrice()) {
            b.stopPrice(Price.ofRaw(AlpacaValues.raw(order, "stop_price")));
        }
        if (type == OrderType.TRAILING_STOP) {
            if (order.hasNonNull("trail_price")) {
                b.trailPrice(Price.ofRaw(AlpacaValues.raw(order, "trail_price")));
            } else {
                b.trailPercent(AlpacaValues.decimal(order, "trail_percent"));
            }
        }
        return b.build();
    }
}
