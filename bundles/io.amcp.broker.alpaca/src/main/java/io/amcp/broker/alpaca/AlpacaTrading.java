package io.amcp.broker.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.order.OrderClass;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.portfolio.PositionView;
import io.amcp.api.spi.BrokerStatement;
import io.amcp.datasource.alpaca.AlpacaApiException;
import io.amcp.datasource.alpaca.AlpacaHttp;
import io.amcp.datasource.alpaca.AlpacaValues;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Alpaca trading API v2 over REST ({@code https://paper-api.alpaca.markets} or
 * {@code https://api.alpaca.markets}). Orders go out in Alpaca's request shape (decimals as
 * strings, {@code order_class} with {@code take_profit}/{@code stop_loss} for bracket, OCO and OTO);
 * answers come back as Alpaca's JSON order objects.
 */
public final class AlpacaTrading {

    private static final int ORDER_PAGE = 500;
    private static final int ACTIVITY_PAGE = 100;

    private final AlpacaHttp http;

    public AlpacaTrading(AlpacaHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    public AlpacaHttp http() {
        return http;
    }

    /**
     * The account ({@code GET /v2/account}). Alpaca reports no realised P&L or commissions here: those
     * are zero; the day's start equity is {@code last_equity}.
     */
    public AccountView account() {
        JsonNode a = http.get("/v2/account");
        return new AccountView(money(a, "cash"), money(a, "equity"), money(a, "buying_power"),
                money(a, "long_market_value"), money(a, "short_market_value"), Money.ZERO, Money.ZERO,
                money(a, "last_equity"), Money.ZERO);
    }

    /** Open positions ({@code GET /v2/positions}); short positions have a negative quantity. */
    public List<PositionView> positions() {
        List<PositionView> out = new ArrayList<>();
        for (JsonNode p : http.get("/v2/positions")) {
            Quantity qty = Quantity.ofRaw(AlpacaValues.raw(p, "qty"));
            if ("short".equals(AlpacaValues.text(p, "side")) && qty.isPositive()) {
                qty = qty.negate();
            }
            out.add(new PositionView(InstrumentId.of(p.path("symbol").asText()), qty,
                    Price.ofRaw(AlpacaValues.raw(p, "avg_entry_price")), Price.ofRaw(AlpacaValues.raw(p, "current_price")),
                    money(p, "market_value"), Money.ZERO, money(p, "unrealized_pl")));
        }
        return out;
    }

    /**
     * What Alpaca says the account holds, for the after-hours reconciliation: cash from
     * {@code GET /v2/account}, signed positions from {@code GET /v2/positions}, and the orders of the
     * reconciled day with their {@code filled_qty} and status ({@link AlpacaOrderStatus}; statuses
     * without an OMS equivalent, such as {@code done_for_day}, count as ACCEPTED: still working).
     *
     * <p>The orders are those still open and those whose {@code updated_at} is at or after
     * {@code since}, each order and each leg judged on its own. Alpaca filters {@code /v2/orders} by
     * submission time only ({@code after}/{@code until} compare {@code submitted_at}), so two queries
     * feed that filter: {@code status=open} (every open order, however old) and {@code status=all} with
     * {@code after=submittedAfter}; an order submitted before {@code submittedAfter} that ended at or
     * after {@code since} is not found. A bracket's or OTO's nested legs are listed under the ids the
     * kernel gives them, {@code <id>-tp} for the limit leg and {@code <id>-sl} for the stop leg; an
     * OCO's top-level order (Alpaca's take-profit limit) as {@code <id>-tp}.
     *
     * @param since          the horizon: orders that ended before it are left out
     * @param submittedAfter how far back to look for orders that ended at or after {@code since}
     * @throws AlpacaApiException when Alpaca refuses a request (401/403 keys, 429 after the retries)
     */
    public BrokerStatement statement(String brokerId, Instant since, Instant submittedAfter) {
        Money cash = money(http.get("/v2/account"), "cash");
        Map<InstrumentId, Quantity> positions = new LinkedHashMap<>();
        for (PositionView p : positions()) {
            if (!p.quantity().isZero()) {
                positions.merge(p.instrument(), p.quantity(), Quantity::plus);
            }
        }
        Map<String, JsonNode> byAlpacaId = new LinkedHashMap<>();
        for (JsonNode order : orders("open", null)) {
            byAlpacaId.put(order.path("id").asText(), order);
        }
        for (JsonNode order : orders("all", submittedAfter)) {
            byAlpacaId.putIfAbsent(order.path("id").asText(), order);
        }
        Map<ClientOrderId, BrokerStatement.OrderState> orders = new LinkedHashMap<>();
        for (JsonNode order : byAlpacaId.values()) {
            String clientId = AlpacaValues.text(order, "client_order_id");
            if (clientId == null || clientId.isBlank()) {
                continue;
            }
            boolean oco = "oco".equals(AlpacaValues.text(order, "order_class"));
            list(orders, oco ? clientId + SubmitOrder.TAKE_PROFIT_SUFFIX : clientId, order, since);
            JsonNode legs = order.get("legs");
            if (legs != null && legs.isArray()) {
                for (JsonNode leg : legs) {
                    String type = leg.path("type").asText(leg.path("order_type").asText());
                    String suffix = type.equals("limit") ? SubmitOrder.TAKE_PROFIT_SUFFIX : SubmitOrder.STOP_LOSS_SUFFIX;
                    list(orders, clientId + suffix, leg, since);
                }
            }
        }
        return BrokerStatement.of(brokerId, orders, positions, cash);
    }

    /** Lists {@code order} under {@code clientId} when it is still open or was updated at or after {@code since}. */
    private static void list(Map<ClientOrderId, BrokerStatement.OrderState> orders, String clientId, JsonNode order,
            Instant since) {
        BrokerStatement.OrderState state = orderState(order);
        if (!state.status().isTerminal() || !AlpacaValues.instant(order, "updated_at").isBefore(since)) {
            orders.put(ClientOrderId.of(clientId), state);
        }
    }

    private static BrokerStatement.OrderState orderState(JsonNode order) {
        OrderStatus status = AlpacaOrderStatus.toOms(AlpacaValues.text(order, "status")).orElse(OrderStatus.ACCEPTED);
        Quantity filled = order.hasNonNull("filled_qty") ? Quantity.ofRaw(AlpacaValues.raw(order, "filled_qty")) : Quantity.ZERO;
        return BrokerStatement.OrderState.of(status, filled);
    }

    /** Places an order ({@code POST /v2/orders}); returns Alpaca's order object (with {@code legs}). */
    public JsonNode submit(SubmitOrder order) {
        return http.post("/v2/orders", orderRequest(order));
    }

    /**
     * Replaces a working order ({@code PATCH /v2/orders/{id}}); returns the new order, whose
     * {@code replaces} is the old id.
     */
    public JsonNode replace(String alpacaOrderId, ReplaceOrder replace) {
        ObjectNode body = AlpacaHttp.json().createObjectNode();
        if (replace.quantity() != null) {
            body.put("qty", replace.quantity().toString());
        }
        if (replace.limitPrice() != null) {
            body.put("limit_price", replace.limitPrice().toString());
        }
        if (replace.stopPrice() != null) {
            body.put("stop_price", replace.stopPrice().toString());
        }
        body.put("client_order_id", replace.newClientOrderId().value());
        return http.patch("/v2/orders/" + AlpacaHttp.segment(alpacaOrderId), body);
    }

    /** Requests a cancel ({@code DELETE /v2/orders/{id}}); the outcome arrives on the stream. */
    public void cancel(String alpacaOrderId) {
        http.delete("/v2/orders/" + AlpacaHttp.segment(alpacaOrderId));
    }

    /** The order with this client order id ({@code GET /v2/orders:by_client_order_id}), empty on 404. */
    public Optional<JsonNode> orderByClientOrderId(ClientOrderId clientOrderId) {
        try {
            return Optional.of(http.get("/v2/orders:by_client_order_id",
                    Map.of("client_order_id", clientOrderId.value())));
        } catch (AlpacaApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Every order submitted after {@code after}, oldest first, legs nested in their parents
     * ({@code GET /v2/orders?status=all&nested=true&direction=asc&after=}), all pages.
     */
    public List<JsonNode> ordersSince(Instant after) {
        return orders("all", Objects.requireNonNull(after, "after"));
    }

    /**
     * The orders in Alpaca's {@code status} class ({@code open}, {@code closed} or {@code all}) submitted
     * after {@code after} (null: any time), oldest first, legs nested, all pages of {@value #ORDER_PAGE}.
     * {@code after} is exclusive and several orders can share a {@code submitted_at} (a bracket's
     * legs do), so each next page starts a microsecond before the last order seen and the pages'
     * overlap is dropped by Alpaca order id.
     *
     * @throws IllegalStateException when a full page holds no order not already seen (paging cannot advance)
     */
    private List<JsonNode> orders(String status, Instant after) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        Instant from = after;
        while (true) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("status", status);
            query.put("nested", "true");
            query.put("direction", "asc");
            query.put("limit", Integer.toString(ORDER_PAGE));
            if (from != null) {
                query.put("after", from.toString());
            }
            JsonNode page = http.get("/v2/orders", query);
            int added = 0;
            for (JsonNode order : page) {
                if (out.putIfAbsent(order.path("id").asText(), order) == null) {
                    added++;
                }
            }
            if (page.size() < ORDER_PAGE) {
                return new ArrayList<>(out.values());
            }
            if (added == 0) {
                throw new IllegalStateException("GET /v2/orders: a full page of " + ORDER_PAGE
                        + " orders submitted at " + from + " or later brought no new order; paging cannot advance");
            }
            from = AlpacaValues.instant(page.get(page.size() - 1), "submitted_at").minus(1, ChronoUnit.MICROS);
        }
    }

    /**
     * Fill activities after {@code after}, oldest first ({@code GET /v2/account/activities/FILL}),
     * following {@code page_token} (the last activity's id).
     */
    public List<JsonNode> fillsSince(Instant after) {
        List<JsonNode> out = new ArrayList<>();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("after", after.toString());
        query.put("direction", "asc");
        query.put("page_size", Integer.toString(ACTIVITY_PAGE));
        while (true) {
            JsonNode page = http.get("/v2/account/activities/FILL", query);
            page.forEach(out::add);
            if (page.size() < ACTIVITY_PAGE) {
                return out;
            }
            query.put("page_token", page.get(page.size() - 1).path("id").asText());
        }
    }

    /** An order in Alpaca's request shape. */
    public static ObjectNode orderRequest(SubmitOrder order) {
        if (order.clientOrderId() == null) {
            throw new IllegalArgumentException("client_order_id: required by the Alpaca connector (idempotent submission)");
        }
        ObjectNode body = AlpacaHttp.json().createObjectNode();
        body.put("symbol", order.instrument().value());
        body.put("qty", order.quantity().toString());
        body.put("side", lower(order.side()));
        body.put("type", lower(order.type()));
        body.put("time_in_force", lower(order.timeInForce()));
        putPrice(body, "limit_price", order.limitPrice());
        putPrice(body, "stop_price", order.stopPrice());
        putPrice(body, "trail_price", order.trailPrice());
        if (order.trailPercent() != null) {
            body.put("trail_percent", order.trailPercent().stripTrailingZeros().toPlainString());
        }
        if (order.extendedHours()) {
            body.put("extended_hours", true);
        }
        body.put("client_order_id", order.clientOrderId().value());
        if (order.orderClass() != OrderClass.SIMPLE) {
            body.put("order_class", lower(order.orderClass()));
        }
        if (order.takeProfit() != null) {
            body.putObject("take_profit").put("limit_price", order.takeProfit().limitPrice().toString());
        }
        if (order.stopLoss() != null) {
            ObjectNode sl = body.putObject("stop_loss").put("stop_price", order.stopLoss().stopPrice().toString());
            putPrice(sl, "limit_price", order.stopLoss().limitPrice());
        }
        return body;
    }

    private static void putPrice(ObjectNode body, String field, Price price) {
        if (price != null) {
            body.put(field, price.toString());
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static Money money(JsonNode object, String field) {
        return object.hasNonNull(field) ? Money.ofRaw(AlpacaValues.raw(object, field)) : Money.ZERO;
    }
}
