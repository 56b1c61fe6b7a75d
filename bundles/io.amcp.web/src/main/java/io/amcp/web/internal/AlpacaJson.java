package io.amcp.web.internal;

import io.amcp.api.calendar.TradingCalendar;
import io.amcp.api.model.AssetClass;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.order.OrderClass;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.portfolio.PositionView;
import io.amcp.api.spi.Clock;
import io.amcp.web.AssetInfo;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The platform's values in Alpaca's JSON shapes (trading API v2): field names as Alpaca documents
 * them, decimals as strings, times as RFC 3339 in UTC.
 */
public final class AlpacaJson {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    private final OrderIds ids;
    /** Replaced order to its replacement, and back, as seen in this process. */
    private final Map<ClientOrderId, ClientOrderId> replacedBy = new ConcurrentHashMap<>();
    private final Map<ClientOrderId, ClientOrderId> replaces = new ConcurrentHashMap<>();

    public AlpacaJson(OrderIds ids) {
        this.ids = ids;
    }

    public OrderIds ids() {
        return ids;
    }

    /** Records that {@code replacement} replaced {@code old}. */
    public void replaced(ClientOrderId old, ClientOrderId replacement) {
        replacedBy.put(old, replacement);
        replaces.put(replacement, old);
    }

    /** Alpaca's lowercase status name of a platform status. */
    public static String status(OrderStatus status) {
        return switch (status) {
            // NEW is sent to the venue but not yet acknowledged: Alpaca's "accepted"; ACCEPTED works at the venue: "new"
            case NEW -> "accepted";
            case ACCEPTED -> "new";
            case HELD -> "held";
            case PARTIALLY_FILLED -> "partially_filled";
            case FILLED -> "filled";
            case PENDING_CANCEL -> "pending_cancel";
            case CANCELED -> "canceled";
            case REJECTED -> "rejected";
            case EXPIRED -> "expired";
            case REPLACED -> "replaced";
        };
    }

    public static String assetClass(AssetClass assetClass) {
        return switch (assetClass) {
            case EQUITY, ETF -> "us_equity";
            case OPTION -> "us_option";
            case CRYPTO -> "crypto";
        };
    }

    public static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    public static String time(long epochNanos) {
        return Clock.toInstant(epochNanos).toString();
    }

    /**
     * An order object. {@code legs} resolves a parent's leg ids to their views (null when the legs are
     * not to be nested).
     */
    public JsonObject order(OrderView o, Function<ClientOrderId, OrderView> legs) {
        return order(o, legs, legs != null);
    }

    /**
     * An order object. {@code orders} looks up orders by client order id (null when none is at hand): it
     * tells an OCO order, whose parent is the take-profit limit with no order of its own, and finds the
     * legs, which are nested only when {@code nested}.
     */
    public JsonObject order(OrderView o, Function<ClientOrderId, OrderView> orders, boolean nested) {
        boolean oco = orders != null && isOcoTakeProfit(o, orders);
        JsonObject json = fields(o);
        if (oco) {
            // Alpaca answers an OCO order with the client_order_id it was submitted with; its legs keep their own
            json.put("client_order_id", o.parentClientOrderId().value());
            json.put("order_class", lower(OrderClass.OCO));
        }
        json.put("legs", !nested ? null : oco ? ocoLegs(o, orders) : legsOf(o, orders));
        return json;
    }

    /**
     * Whether an order is shown inside another's legs when orders are nested: a bracket or OTO leg under
     * its parent, an OCO stop-loss under its take-profit.
     */
    public static boolean nestedUnder(OrderView o, Function<ClientOrderId, OrderView> orders) {
        ClientOrderId parent = o.parentClientOrderId();
        if (parent == null) {
            return false;
        }
        if (orders.apply(parent) != null) {
            return true;
        }
        return o.clientOrderId().value().equals(parent.value() + SubmitOrder.STOP_LOSS_SUFFIX)
                && orders.apply(ClientOrderId.of(parent.value() + SubmitOrder.TAKE_PROFIT_SUFFIX)) != null;
    }

    /**
     * The order Alpaca shows for the OCO order submitted as {@code groupId}: its take-profit leg
     * {@code <groupId>-tp}, when no order holds {@code groupId} itself; null otherwise.
     */
    public static OrderView ocoOrder(ClientOrderId groupId, Function<ClientOrderId, OrderView> orders) {
        if (orders.apply(groupId) != null) {
            return null;
        }
        ClientOrderId takeProfitId;
        try {
            takeProfitId = ClientOrderId.of(groupId.value() + SubmitOrder.TAKE_PROFIT_SUFFIX);
        } catch (IllegalArgumentException tooLong) {
            // an id too long to take the suffix cannot have been an OCO order's
            return null;
        }
        OrderView takeProfit = orders.apply(takeProfitId);
        return takeProfit != null && isOcoTakeProfit(takeProfit, orders) ? takeProfit : null;
    }

    /** An OCO order's take-profit, which Alpaca shows as the order: a leg {@code <id>-tp} whose parent has no order. */
    private static boolean isOcoTakeProfit(OrderView o, Function<ClientOrderId, OrderView> orders) {
        ClientOrderId parent = o.parentClientOrderId();
        return parent != null && o.clientOrderId().value().equals(parent.value() + SubmitOrder.TAKE_PROFIT_SUFFIX)
                && orders.apply(parent) == null;
    }

    /**
     * The stop-loss leg of the OCO order that {@code o} shows, when {@code o} is an OCO order's take-profit
     * (the order Alpaca shows); null otherwise.
     */
    public static OrderView ocoStopLoss(OrderView o, Function<ClientOrderId, OrderView> orders) {
        if (!isOcoTakeProfit(o, orders)) {
            return null;
        }
        return orders.apply(ClientOrderId.of(o.parentClientOrderId().value() + SubmitOrder.STOP_LOSS_SUFFIX));
    }

    private JsonArray ocoLegs(OrderView takeProfit, Function<ClientOrderId, OrderView> orders) {
        JsonArray out = new JsonArray();
        OrderView stopLoss = ocoStopLoss(takeProfit, orders);
        if (stopLoss != null) {
            out.add(order(stopLoss, null));
        }
        return out;
    }

    private JsonObject fields(OrderView o) {
        SubmitOrder r = o.request();
        String created = time(o.createdTime());
        String updated = o.updatedTime() == o.createdTime() ? created : time(o.updatedTime());
        JsonObject json = new JsonObject();
        json.put("id", ids.idOf(o.clientOrderId()));
        json.put("client_order_id", o.clientOrderId().value());
        json.put("created_at", created);
        json.put("updated_at", updated);
        json.put("submitted_at", created);
        json.put("filled_at", o.status() == OrderStatus.FILLED ? updated : null);
        json.put("expired_at", o.status() == OrderStatus.EXPIRED ? updated : null);
        json.put("canceled_at", o.status() == OrderStatus.CANCELED ? updated : null);
        json.put("failed_at", o.status() == OrderStatus.REJECTED ? updated : null);
        json.put("replaced_at", o.status() == OrderStatus.REPLACED ? updated : null);
        ClientOrderId by = replacedBy.get(o.clientOrderId());
        ClientOrderId of = replaces.get(o.clientOrderId());
        json.put("replaced_by", by == null ? null : ids.idOf(by));
        json.put("replaces", of == null ? null : ids.idOf(of));
        json.put("asset_id", OrderIds.assetId(r.instrument().value()));
        json.put("symbol", r.instrument().value());
        json.put("asset_class", assetClass(Instrument.infer(r.instrument()).assetClass()));
        json.put("notional", null);
        json.put("qty", r.quantity().toString());
        json.put("filled_qty", o.filledQuantity().toString());
        json.put("filled_avg_price", o.averageFillPrice() == null ? null : o.averageFillPrice().toString());
        json.put("order_class", r.orderClass() == OrderClass.SIMPLE ? "" : lower(r.orderClass()));
        json.put("order_type", lower(r.type()));
        json.put("type", lower(r.type()));
        json.put("side", lower(r.side()));
        json.put("time_in_force", lower(r.timeInForce()));
        json.put("limit_price", r.limitPrice() == null ? null : r.limitPrice().toString());
        json.put("stop_price", r.stopPrice() == null ? null : r.stopPrice().toString());
        json.put("status", status(o.status()));
        json.put("extended_hours", r.extendedHours());
        json.put("legs", null);
        json.put("trail_percent", r.trailPercent() == null ? null : r.trailPercent().stripTrailingZeros().toPlainString());
        json.put("trail_price", r.trailPrice() == null ? null : r.trailPrice().toString());
        json.put("hwm", null);
        return json;
    }

    private JsonArray legsOf(OrderView o, Function<ClientOrderId, OrderView> legs) {
        SubmitOrder r = o.request();
        if (legs == null || o.parentClientOrderId() != null || r.orderClass() == OrderClass.SIMPLE) {
            return null;
        }
        JsonArray out = new JsonArray();
        for (String suffix : List.of(SubmitOrder.TAKE_PROFIT_SUFFIX, SubmitOrder.STOP_LOSS_SUFFIX)) {
            OrderView leg = legs.apply(ClientOrderId.of(o.clientOrderId().value() + suffix));
            if (leg != null && !leg.clientOrderId().equals(o.clientOrderId())) {
                out.add(order(leg, null));
            }
        }
        return out;
    }

    /** The account object. */
    public JsonObject account(AccountView a, String accountNumber, long createdNanos, boolean blocked) {
        Money positionValue = a.longMarketValue().plus(a.shortMarketValue());
        JsonObject json = new JsonObject();
        json.put("id", OrderIds.assetId("account:" + accountNumber));
        json.put("account_number", accountNumber);
        json.put("status", "ACTIVE");
        json.put("crypto_status", "ACTIVE");
        json.put("currency", "USD");
        json.put("buying_power", a.buyingPower().toString());
        json.put("regt_buying_power", a.buyingPower().toString());
        json.put("daytrading_buying_power", "0");
        json.put("effective_buying_power", a.buyingPower().toString());
        json.put("non_marginable_buying_power", a.buyingPower().toString());
        json.put("options_buying_power", a.buyingPower().toString());
        json.put("bod_dtbp", "0");
        json.put("cash", a.cash().toString());
        json.put("accrued_fees", "0");
        json.put("pending_transfer_in", "0");
        json.put("portfolio_value", a.equity().toString());
        json.put("pattern_day_trader", false);
        json.put("trading_blocked", blocked);
        json.put("transfers_blocked", false);
        json.put("account_blocked", false);
        json.put("created_at", time(createdNanos));
        json.put("trade_suspended_by_user", false);
        json.put("multiplier", "1");
        json.put("shorting_enabled", true);
        json.put("equity", a.equity().toString());
        json.put("last_equity", a.dayStartEquity().toString());
        json.put("long_market_value", a.longMarketValue().toString());
        json.put("short_market_value", a.shortMarketValue().toString());
        json.put("position_market_value", positionValue.toString());
        json.put("initial_margin", "0");
        json.put("maintenance_margin", "0");
        json.put("last_maintenance_margin", "0");
        json.put("sma", "0");
        json.put("daytrade_count", 0);
        json.put("options_approved_level", 0);
        json.put("options_trading_level", 0);
        return json;
    }

    /** The position object; {@code committed} is the quantity held by open closing orders. */
    public JsonObject position(PositionView p, AssetInfo asset, Quantity committed) {
        Instrument instrument = asset.instrument();
        BigDecimal qty = p.quantity().toDecimal();
        BigDecimal multiplier = BigDecimal.valueOf(instrument.multiplier());
        BigDecimal costBasis = qty.multiply(p.averageCost().toDecimal()).multiply(multiplier);
        BigDecimal unrealized = p.unrealizedPnl().toDecimal();
        Quantity available = p.quantity().abs().minus(committed);
        JsonObject json = new JsonObject();
        json.put("asset_id", OrderIds.assetId(p.instrument().value()));
        json.put("symbol", p.instrument().value());
        json.put("exchange", asset.exchange());
        json.put("asset_class", assetClass(instrument.assetClass()));
        json.put("asset_marginable", instrument.assetClass() != AssetClass.CRYPTO);
        json.put("avg_entry_price", p.averageCost().toString());
        json.put("qty", p.quantity().abs().toString());
        json.put("qty_available", (available.isNegative() ? Quantity.ZERO : available).toString());
        json.put("side", p.quantity().isNegative() ? "short" : "long");
        json.put("market_value", p.marketValue().toString());
        json.put("cost_basis", decimal(costBasis));
        json.put("unrealized_pl", p.unrealizedPnl().toString());
        json.put("unrealized_plpc", ratio(unrealized, costBasis.abs()));
        json.put("unrealized_intraday_pl", p.unrealizedPnl().toString());
        json.put("unrealized_intraday_plpc", ratio(unrealized, costBasis.abs()));
        json.put("current_price", p.lastPrice().toString());
        json.put("lastday_price", p.lastPrice().toString());
        json.put("change_today", "0");
        return json;
    }

    /** The asset object. */
    public static JsonObject asset(AssetInfo a) {
        AssetClass assetClass = a.instrument().assetClass();
        JsonObject json = new JsonObject();
        json.put("id", OrderIds.assetId(a.instrument().id().value()));
        json.put("class", assetClass(assetClass));
        json.put("exchange", a.exchange());
        json.put("symbol", a.instrument().id().value());
        json.put("name", a.name());
        json.put("status", "active");
        json.put("tradable", true);
        json.put("marginable", assetClass != AssetClass.CRYPTO);
        json.put("shortable", a.shortable());
        json.put("easy_to_borrow", a.shortable());
        json.put("fractionable", a.fractionable());
        json.put("maintenance_margin_requirement", assetClass == AssetClass.CRYPTO ? 100 : 30);
        json.put("attributes", new JsonArray());
        return json;
    }

    /** The clock object at {@code nowNanos}: times with the exchange's UTC offset, as Alpaca sends them. */
    public static JsonObject clock(TradingCalendar calendar, long nowNanos) {
        ZoneId zone = calendar.zone();
        JsonObject json = new JsonObject();
        json.put("timestamp", zoned(Clock.toInstant(nowNanos), zone));
        json.put("is_open", calendar.isOpen(nowNanos));
        json.put("next_open", zoned(Clock.toInstant(calendar.nextSessionOpen(nowNanos)), zone));
        json.put("next_close", zoned(Clock.toInstant(calendar.sessionCloseFor(nowNanos)), zone));
        return json;
    }

    /** One calendar day; settlement is T+1 from 2024-05-28 (SEC rule 15c6-1), T+2 before. */
    public static JsonObject calendarDay(TradingCalendar calendar, LocalDate date) {
        ZoneId zone = calendar.zone();
        LocalDate settlement = calendar.nextTradingDay(date);
        if (date.isBefore(LocalDate.of(2024, 5, 28))) {
            settlement = calendar.nextTradingDay(settlement);
        }
        JsonObject json = new JsonObject();
        json.put("date", date.toString());
        json.put("open", calendar.sessionOpen(date).atZone(zone).toLocalTime().format(HOURS));
        json.put("close", calendar.sessionClose(date).atZone(zone).toLocalTime().format(HOURS));
        json.put("session_open", "0400");
        json.put("session_close", "2000");
        json.put("settlement_date", settlement.toString());
        return json;
    }

    private static String zoned(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }

    private static String decimal(BigDecimal value) {
        BigDecimal d = value.setScale(FixedPoint.SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    private static String ratio(BigDecimal numerator, BigDecimal denominator) {
        if (denominator.signum() == 0) {
            return "0";
        }
        return decimal(numerator.divide(denominator, 10, RoundingMode.HALF_UP));
    }
}
