package io.amcp.mcp.internal;

import io.amcp.api.model.AssetClass;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.InvalidOrderException;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderType;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.order.TimeInForce;
import io.amcp.api.portfolio.PositionView;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.TradingNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Account, position and order tools. Every order goes through {@link TradingNode#submit}, so the
 * pre-trade risk chain and the kill switch decide; the owner is {@code mcp.<keyId>}.
 */
final class TradingTools {

    private static final List<String> SIDES = List.of("buy", "sell");
    private static final List<String> STOCK_TYPES = List.of("market", "limit", "stop", "stop_limit", "trailing_stop");
    private static final List<String> STOCK_TIFS = List.of("day", "gtc", "opg", "cls", "ioc", "fok");
    private static final List<String> CRYPTO_TYPES = List.of("market", "limit", "stop_limit");
    private static final List<String> CRYPTO_TIFS = List.of("gtc", "ioc");

    private final TradingNode node;
    private final MarketDataCache market;

    TradingTools(TradingNode node, MarketDataCache market) {
        this.node = node;
        this.market = market;
    }

    List<ToolDefinition> definitions() {
        List<ToolDefinition> tools = new ArrayList<>();
        tools.add(ToolDefinition.read("get_account_info",
                "Account balances: cash, equity, buying power, market values, P&L, and whether trading is blocked "
                        + "by the kill switch.",
                Schema.object(), (caller, args) -> Views.account(node.account(), node.killSwitch().isEngaged())));
        tools.add(ToolDefinition.read("get_all_positions", "All open positions.", Schema.object(),
                (caller, args) -> node.positions().stream().map(Views::position).toList()));
        tools.add(ToolDefinition.read("get_open_position", "The open position in one symbol.",
                Schema.object().string("symbol", "symbol, e.g. AAPL or BTC/USD", true),
                (caller, args) -> Views.position(position(args))));
        tools.add(ToolDefinition.trade("close_position",
                "Closes all or part of a position with a market order (through the risk chain).",
                Schema.object().string("symbol", "symbol of the position", true)
                        .decimal("qty", "quantity to close (default: all)", false)
                        .decimal("percentage", "percentage of the position to close, 0-100 (instead of qty)", false),
                this::closePosition));
        tools.add(ToolDefinition.trade("close_all_positions",
                "Closes every open position with market orders; optionally cancels working orders first.",
                Schema.object().bool("cancel_orders", "cancel all working orders first (default false)"),
                this::closeAll));
        tools.add(ToolDefinition.read("get_orders", "Orders, newest first unless direction=asc.",
                Schema.object().choice("status", List.of("open", "closed", "all"), "which orders (default open)", false)
                        .integer("limit", "most orders returned, 1-500 (default 50)", false)
                        .string("after", "only orders created after this ISO-8601 instant", false)
                        .string("until", "only orders created before this ISO-8601 instant", false)
                        .choice("direction", List.of("asc", "desc"), "sort by creation time (default desc)", false)
                        .strings("symbols", "only these symbols", false),
                this::orders));
        tools.add(ToolDefinition.trade("place_stock_order",
                "Places a stock or ETF order through the platform's risk chain and kill switch.",
                Schema.object().string("symbol", "stock symbol, e.g. AAPL", true)
                        .choice("side", SIDES, "buy or sell", true)
                        .decimal("quantity", "number of shares, positive", true)
                        .choice("order_type", STOCK_TYPES, "order type (default market)", false)
                        .choice("time_in_force", STOCK_TIFS, "time in force (default day)", false)
                        .decimal("limit_price", "limit price for limit and stop_limit orders", false)
                        .decimal("stop_price", "stop price for stop and stop_limit orders", false)
                        .decimal("trail_price", "trailing offset in dollars for trailing_stop", false)
                        .decimal("trail_percent", "trailing offset in percent for trailing_stop", false)
                        .bool("extended_hours", "may fill outside regular hours (default false)")
                        .string("client_order_id", "idempotency key; generated when absent", false),
                this::placeStock));
        tools.add(ToolDefinition.trade("place_crypto_order",
                "Places a crypto order (e.g. BTC/USD) by quantity or by notional through the risk chain.",
                Schema.object().string("symbol", "crypto pair, e.g. BTC/USD", true)
                        .choice("side", SIDES, "buy or sell", true)
                        .choice("order_type", CRYPTO_TYPES, "order type (default market)", false)
                        .choice("time_in_force", CRYPTO_TIFS, "time in force (default gtc)", false)
                        .decimal("qty", "quantity in coins (exactly one of qty and notional)", false)
                        .decimal("notional", "amount in USD, sized at the last price (exactly one of qty and notional)", false)
                        .decimal("limit_price", "limit price for limit and stop_limit orders", false)
                        .decimal("stop_price", "stop price for stop_limit orders", false)
                        .string("client_order_id", "idempotency key; generated when absent", false),
                this::placeCrypto));
        Schema leg = Schema.object().string("symbol", "OCC option symbol, e.g. AAPL240315C00190000", true)
                .choice("side", SIDES, "buy or sell", true)
                .integer("ratio_qty", "contracts of this leg per unit of the strategy (default 1)", false)
                .decimal("limit_price", "this leg's limit price per share (limit orders)", false);
        tools.add(ToolDefinition.trade("place_option_order",
                "Places a single- or multi-leg option order. Legs are submitted together after all are validated; "
                        + "if the risk chain refuses one leg, the legs already sent are canceled.",
                Schema.object().objects("legs", leg, "the legs", true)
                        .integer("quantity", "number of units of the strategy (default 1)", false)
                        .choice("order_type", List.of("market", "limit"), "market or limit (default market); limit "
                                + "orders need limit_price on every leg", false)
                        .choice("time_in_force", List.of("day", "gtc"), "time in force (default day)", false)
                        .choice("order_class", List.of("simple", "mleg"), "mleg for multi-leg (informational)", false)
                        .string("client_order_id", "prefix of the legs' client order ids", false),
                this::placeOption));
        tools.add(ToolDefinition.trade("cancel_order_by_id", "Cancels one working order.",
                Schema.object().string("order_id", "the order's id or client order id", true), this::cancelOne));
        tools.add(ToolDefinition.trade("cancel_all_orders", "Cancels every working order.", Schema.object(),
                (caller, args) -> cancelAll()));
        return tools;
    }

    static StrategyId owner(Caller caller) {
        return StrategyId.of("mcp." + caller.keyId());
    }

    private PositionView position(Args args) {
        InstrumentId id = instrument(args, "symbol");
        return node.positions().stream().filter(p -> p.instrument().equals(id) && !p.isFlat()).findFirst()
                .orElseThrow(() -> new ToolArgumentException("symbol", "no open position in " + id));
    }

    private Object closePosition(Caller caller, Args args) {
        PositionView p = position(args);
        Quantity held = p.quantity().abs();
        Quantity qty = held;
        if (args.has("qty") && args.has("percentage")) {
            throw new ToolArgumentException("qty", "give qty or percentage, not both");
        }
        if (args.has("qty")) {
            qty = Quantity.of(scale(args.positive("qty"), "qty"));
            if (qty.compareTo(held) > 0) {
                throw new ToolArgumentException("qty", "is more than the position's " + held);
            }
        } else if (args.has("percentage")) {
            BigDecimal pct = args.positive("percentage");
            if (pct.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new ToolArgumentException("percentage", "must be at most 100, was " + pct.toPlainString());
            }
            qty = Quantity.of(held.toDecimal().multiply(pct).divide(BigDecimal.valueOf(100), 8, RoundingMode.DOWN));
            if (!qty.isPositive()) {
                throw new ToolArgumentException("percentage", "closes nothing of " + held);
            }
        }
        Side side = p.quantity().isNegative() ? Side.BUY : Side.SELL;
        return submit(caller, SubmitOrder.market(p.instrument(), side, qty));
    }

    private Object closeAll(Caller caller, Args args) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (args.bool("cancel_orders", false)) {
            out.put("canceled", cancelAll());
        }
        List<Object> closed = new ArrayList<>();
        for (PositionView p : node.positions()) {
            if (p.isFlat()) {
                continue;
            }
            Side side = p.quantity().isNegative() ? Side.BUY : Side.SELL;
            OrderView order = node.submit(owner(caller), SubmitOrder.market(p.instrument(), side, p.quantity().abs()));
            closed.add(Views.order(order));
        }
        out.put("orders", closed);
        return out;
    }

    private Object orders(Caller caller, Args args) {
        String status = args.choice("status", List.of("open", "closed", "all"), "open");
        int limit = args.integer("limit", 50, 1, 500);
        Instant after = instant(args, "after");
        Instant until = instant(args, "until");
        boolean ascending = args.choice("direction", List.of("asc", "desc"), "desc").equals("asc");
        List<String> symbols = args.optStrings("symbols");
        List<OrderView> selected = new ArrayList<>();
        for (OrderView o : node.orders()) {
            boolean open = !o.status().isTerminal();
            if ((status.equals("open") && !open) || (status.equals("closed") && open)) {
                continue;
            }
            Instant created = Clock.toInstant(o.createdTime());
            if ((after != null && !created.isAfter(after)) || (until != null && !created.isBefore(until))) {
                continue;
            }
            if (symbols != null && symbols.stream().noneMatch(s -> s.equalsIgnoreCase(o.request().instrument().value()))) {
                continue;
            }
            selected.add(o);
        }
        Comparator<OrderView> byTime = Comparator.comparingLong(OrderView::createdTime);
        selected.sort(ascending ? byTime : byTime.reversed());
        return selected.stream().limit(limit).map(Views::order).toList();
    }

    private Object placeStock(Caller caller, Args args) {
        InstrumentId id = instrument(args, "symbol");
        AssetClass assetClass = Instrument.infer(id).assetClass();
        if (assetClass != AssetClass.EQUITY) {
            throw new ToolArgumentException("symbol", id + " is " + assetClass.name().toLowerCase(Locale.ROOT)
                    + (assetClass == AssetClass.CRYPTO ? "; use place_crypto_order" : "; use place_option_order"));
        }
        Side side = side(args, "side");
        Quantity qty = Quantity.of(scale(args.positive("quantity"), "quantity"));
        OrderType type = OrderType.valueOf(args.choice("order_type", STOCK_TYPES, "market").toUpperCase(Locale.ROOT));
        SubmitOrder.Builder b = SubmitOrder.builder(id, side, qty).type(type)
                .timeInForce(TimeInForce.valueOf(args.choice("time_in_force", STOCK_TIFS, "day").toUpperCase(Locale.ROOT)))
                .extendedHours(args.bool("extended_hours", false));
        prices(args, b);
        if (args.has("trail_price")) {
            b.trailPrice(Price.of(scale(args.positive("trail_price"), "trail_price")));
        }
        if (args.has("trail_percent")) {
            b.trailPercent(args.positive("trail_percent"));
        }
        clientOrderId(args, b);
        return submit(caller, build(b));
    }

    private Object placeCrypto(Caller caller, Args args) {
        InstrumentId id = instrument(args, "symbol");
        if (Instrument.infer(id).assetClass() != AssetClass.CRYPTO) {
            throw new ToolArgumentException("symbol", id + " is not a crypto pair (expected e.g. BTC/USD)");
        }
        Side side = side(args, "side");
        if (args.has("qty") == args.has("notional")) {
            throw new ToolArgumentException("qty", "give exactly one of qty and notional");
        }
        Quantity qty;
        if (args.has("qty")) {
            qty = Quantity.of(scale(args.positive("qty"), "qty"));
        } else {
            BigDecimal notional = args.positive("notional");
            double last = market.lastPrice(id).orElseThrow(() -> new ToolArgumentException("notional",
                    "no recent price of " + id + " to size the order; give qty instead"));
            qty = Quantity.of(notional.divide(BigDecimal.valueOf(last), 8, RoundingMode.DOWN));
            if (!qty.isPositive()) {
                throw new ToolArgumentException("notional", "is less than the smallest quantity at " + last);
            }
        }
        OrderType type = OrderType.valueOf(args.choice("order_type", CRYPTO_TYPES, "market").toUpperCase(Locale.ROOT));
        SubmitOrder.Builder b = SubmitOrder.builder(id, side, qty).type(type)
                .timeInForce(TimeInForce.valueOf(args.choice("time_in_force", CRYPTO_TIFS, "gtc").toUpperCase(Locale.ROOT)));
        prices(args, b);
        clientOrderId(args, b);
        return submit(caller, build(b));
    }

    private Object placeOption(Caller caller, Args args) {
        List<Map<String, Object>> legs = args.optObjects("legs");
        if (legs == null || legs.isEmpty()) {
            throw new ToolArgumentException("legs", "at least one leg is required");
        }
        int units = args.integer("quantity", 1, 1, 1_000_000);
        boolean limit = args.choice("order_type", List.of("market", "limit"), "market").equals("limit");
        TimeInForce tif = TimeInForce.valueOf(args.choice("time_in_force", List.of("day", "gtc"), "day")
                .toUpperCase(Locale.ROOT));
        args.choice("order_class", List.of("simple", "mleg"), "mleg");
        String prefix = args.optString("client_order_id");
        if (prefix == null) {
            prefix = "mcp-opt-" + java.util.UUID.randomUUID();
        }
        List<SubmitOrder> orders = new ArrayList<>();
        for (int i = 0; i < legs.size(); i++) {
            String name = "legs[" + i + "]";
            Args leg = new Args(legs.get(i), java.util.Set.of("symbol", "side", "ratio_qty", "limit_price"));
            InstrumentId id;
            try {
                id = InstrumentId.of(leg.symbol("symbol"));
            } catch (ToolArgumentException e) {
                throw new ToolArgumentException(name + "." + e.argument(), e.getMessage().substring(e.argument().length() + 2));
            } catch (IllegalArgumentException e) {
                throw new ToolArgumentException(name + ".symbol", e.getMessage());
            }
            if (Instrument.infer(id).assetClass() != AssetClass.OPTION) {
                throw new ToolArgumentException(name + ".symbol", id + " is not an OCC option symbol");
            }
            Side side;
            int ratio;
            BigDecimal legLimit;
            try {
                side = Side.valueOf(leg.choice("side", SIDES, null).toUpperCase(Locale.ROOT));
                ratio = leg.integer("ratio_qty", 1, 1, 1000);
                legLimit = leg.optPositive("limit_price");
            } catch (ToolArgumentException e) {
                throw new ToolArgumentException(name + "." + e.argument(), e.getMessage().substring(e.argument().length() + 2));
            }
            if (limit && legLimit == null) {
                throw new ToolArgumentException(name + ".limit_price", "is required for limit orders (the venue "
                        + "prices each leg; a net price alone cannot be split)");
            }
            SubmitOrder.Builder b = SubmitOrder.builder(id, side, Quantity.of((long) ratio * units)).timeInForce(tif)
                    .clientOrderId(clientId(prefix + "-leg" + (i + 1), "client_order_id"));
            if (limit) {
                b.type(OrderType.LIMIT).limitPrice(Price.of(scale(legLimit, name + ".limit_price")));
            }
            orders.add(build(b));
        }
        List<OrderView> sent = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            OrderView view = node.submit(owner(caller), orders.get(i));
            sent.add(view);
            if (view.status() == OrderStatus.REJECTED) {
                for (OrderView earlier : sent) {
                    if (earlier != view && !earlier.status().isTerminal()) {
                        node.cancel(earlier.clientOrderId());
                    }
                }
                throw new ToolRefusedException("legs[" + i + "] rejected: " + view.reason()
                        + (sent.size() > 1 ? "; the legs already sent were canceled" : ""),
                        sent.stream().map(Views::order).toList());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("order_class", orders.size() > 1 ? "mleg" : "simple");
        out.put("legs", sent.stream().map(Views::order).toList());
        return out;
    }

    private Object cancelOne(Caller caller, Args args) {
        String id = args.string("order_id");
        OrderView order = find(id).orElseThrow(() -> new ToolArgumentException("order_id", "no order with id '" + id + "'"));
        if (order.status().isTerminal()) {
            throw new ToolArgumentException("order_id", "order " + id + " is already " + Views.lower(order.status()));
        }
        node.cancel(order.clientOrderId());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("client_order_id", order.clientOrderId().value());
        out.put("status", "cancel requested");
        return out;
    }

    private List<String> cancelAll() {
        List<String> canceled = new ArrayList<>();
        for (OrderView o : node.orders()) {
            if (!o.status().isTerminal() && o.status() != OrderStatus.PENDING_CANCEL) {
                node.cancel(o.clientOrderId());
                canceled.add(o.clientOrderId().value());
            }
        }
        return canceled;
    }

    private Optional<OrderView> find(String id) {
        return node.orders().stream().filter(o -> o.clientOrderId().value().equals(id)
                || (o.orderId() != null && o.orderId().value().equals(id))).findFirst();
    }

    /** Submits and reports; a risk-chain rejection is a tool error that carries the rule's reason. */
    private Object submit(Caller caller, SubmitOrder order) {
        OrderView view = node.submit(owner(caller), order);
        if (view.status() == OrderStatus.REJECTED) {
            throw new ToolRefusedException("order rejected: " + view.reason(), Views.order(view));
        }
        return Views.order(view);
    }

    private static void prices(Args args, SubmitOrder.Builder b) {
        if (args.has("limit_price")) {
            b.limitPrice(Price.of(scale(args.positive("limit_price"), "limit_price")));
        }
        if (args.has("stop_price")) {
            b.stopPrice(Price.of(scale(args.positive("stop_price"), "stop_price")));
        }
    }

    private static void clientOrderId(Args args, SubmitOrder.Builder b) {
        String id = args.optString("client_order_id");
        if (id != null) {
            b.clientOrderId(clientId(id, "client_order_id"));
        }
    }

    private static ClientOrderId clientId(String value, String argument) {
        try {
            return ClientOrderId.of(value);
        } catch (IllegalArgumentException e) {
            throw new ToolArgumentException(argument, e.getMessage());
        }
    }

    /** Builds the order; its validation names Alpaca's fields, mapped to this tool's argument names. */
    private static SubmitOrder build(SubmitOrder.Builder b) {
        try {
            return b.build();
        } catch (InvalidOrderException e) {
            String argument = switch (e.field()) {
                case "type" -> "order_type";
                case "qty" -> "quantity";
                default -> e.field();
            };
            throw new ToolArgumentException(argument, e.getMessage().substring(e.field().length() + 2));
        }
    }

    static InstrumentId instrument(Args args, String name) {
        try {
            return InstrumentId.of(args.symbol(name));
        } catch (ToolArgumentException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ToolArgumentException(name, e.getMessage());
        }
    }

    private static Side side(Args args, String name) {
        return Side.valueOf(args.choice(name, SIDES, null).toUpperCase(Locale.ROOT));
    }

    private static BigDecimal scale(BigDecimal value, String name) {
        if (value.stripTrailingZeros().scale() > 8) {
            throw new ToolArgumentException(name, "has more than 8 decimal places: " + value.toPlainString());
        }
        return value;
    }

    private static Instant instant(Args args, String name) {
        String text = args.optString(name);
        if (text == null) {
            return null;
        }
        try {
            return text.length() == 10 ? java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ToolArgumentException(name, "must be an ISO-8601 instant or date, was '" + text + "'");
        }
    }
}
