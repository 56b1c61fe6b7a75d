package io.amcp.mcp.internal;

import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.calendar.TradingCalendar;
import io.amcp.api.model.AssetClass;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.order.OrderView;
import io.amcp.api.portfolio.PositionView;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.DatasetProvider;
import io.amcp.api.spi.TradingNode;
import io.amcp.web.AssetInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Clock, calendar, assets, watchlists, portfolio history, account activities and corporate actions. */
final class ReferenceTools {

    private static final TradingCalendar CALENDAR = NyseCalendar.INSTANCE;
    private static final Pattern PERIOD = Pattern.compile("(\\d{1,4})([DWMA])");
    private static final List<String> ASSET_CLASSES = List.of("us_equity", "crypto", "us_option");

    private final TradingNode node;
    private final Clock clock;
    private final MarketDataCache market;
    private final Supplier<List<DatasetProvider>> datasets;
    private final List<AssetInfo> configuredAssets;
    private final WatchlistStore watchlists;
    private final EquityHistory history;

    ReferenceTools(TradingNode node, Clock clock, MarketDataCache market, Supplier<List<DatasetProvider>> datasets,
            List<AssetInfo> configuredAssets, WatchlistStore watchlists, EquityHistory history) {
        this.node = node;
        this.clock = clock;
        this.market = market;
        this.datasets = datasets;
        this.configuredAssets = List.copyOf(configuredAssets);
        this.watchlists = watchlists;
        this.history = history;
    }

    List<ToolDefinition> definitions() {
        List<ToolDefinition> tools = new ArrayList<>();
        tools.add(ToolDefinition.read("get_market_clock", "Whether the US equity market is open now, and the next "
                + "open and close (NYSE calendar, the node's clock).", Schema.object(), (caller, args) -> marketClock()));
        tools.add(ToolDefinition.read("get_market_calendar", "NYSE trading days with session open and close "
                + "(early closes included) between two dates.",
                Schema.object().string("start", "first date, YYYY-MM-DD (default today)", false)
                        .string("end", "last date, YYYY-MM-DD (default start + 30 days; at most 2 years after start)", false),
                this::calendar));
        tools.add(ToolDefinition.read("get_asset", "One asset: a configured one, or an instrument the platform trades, "
                + "has data for or holds.", Schema.object().string("symbol", "symbol, e.g. AAPL", true), (caller, args) -> {
                    InstrumentId id = TradingTools.instrument(args, "symbol");
                    AssetInfo asset = assets().get(id);
                    if (asset == null) {
                        throw new ToolArgumentException("symbol", "unknown asset " + id);
                    }
                    return asset(asset);
                }));
        tools.add(ToolDefinition.read("get_all_assets", "Assets the platform knows (configured, traded, held, or in "
                + "its data).",
                Schema.object().choice("status", List.of("active", "inactive"), "asset status (all known assets are "
                        + "active)", false)
                        .choice("asset_class", ASSET_CLASSES, "only this class", false),
                (caller, args) -> {
                    String status = args.has("status") ? args.choice("status", List.of("active", "inactive"), null) : "active";
                    String assetClass = args.has("asset_class") ? args.choice("asset_class", ASSET_CLASSES, null) : null;
                    if (status.equals("inactive")) {
                        return List.of();
                    }
                    return assets().values().stream().map(ReferenceTools::asset)
                            .filter(a -> assetClass == null || assetClass.equals(a.get("class"))).toList();
                }));
        tools.add(ToolDefinition.read("get_watchlists", "All watchlists.", Schema.object(),
                (caller, args) -> watchlists.all()));
        tools.add(ToolDefinition.trade("create_watchlist", "Creates a watchlist.",
                Schema.object().string("name", "unique name", true).strings("symbols", "symbols", false),
                (caller, args) -> watchlists.create(args.string("name"), symbols(args), clock.instant())));
        tools.add(ToolDefinition.trade("update_watchlist", "Renames a watchlist or replaces its symbols.",
                Schema.object().string("watchlist_id", "the watchlist's id or name", true)
                        .string("name", "new name", false).strings("symbols", "new symbols (replace the old)", false),
                (caller, args) -> watchlists.update(args.string("watchlist_id"), args.optString("name"),
                        args.has("symbols") ? symbols(args) : null, clock.instant())));
        tools.add(ToolDefinition.read("get_portfolio_history", "Account equity over time, sampled by the MCP bundle "
                + "while it runs (the kernel keeps no equity history).",
                Schema.object().string("period", "how far back: a number and D, W, M or A, e.g. 1W (default all)", false),
                this::portfolioHistory));
        tools.add(ToolDefinition.read("get_account_activities", "Fill activities: one FILL per order that filled, "
                + "with its cumulative quantity and average price (the OMS keeps fills aggregated per order).",
                Schema.object().choice("activity_type", List.of("FILL"), "activity type (only FILL is recorded)", false)
                        .string("date", "only this date, YYYY-MM-DD", false)
                        .choice("direction", List.of("asc", "desc"), "sort by time (default desc)", false)
                        .integer("page_size", "most entries, 1-500 (default 100)", false),
                this::activities));
        tools.add(ToolDefinition.read("get_corporate_actions", "Corporate actions (splits, dividends, mergers). The "
                + "platform has no corporate-actions store yet, so the list is empty and a note says so.",
                Schema.object().strings("ca_types", "action types, e.g. [\"dividend\",\"split\"]", false)
                        .string("start", "first date, YYYY-MM-DD", false).string("end", "last date, YYYY-MM-DD", false)
                        .strings("symbols", "only these symbols", false),
                (caller, args) -> {
                    args.optStrings("ca_types");
                    args.optDate("start");
                    args.optDate("end");
                    args.optStrings("symbols");
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("corporate_actions", List.of());
                    out.put("note", "no corporate-actions data source is installed on this platform");
                    return out;
                }));
        return tools;
    }

    private Map<String, Object> marketClock() {
        long now = clock.nanos();
        boolean open = CALENDAR.isOpen(now);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timestamp", Clock.toInstant(now).atZone(CALENDAR.zone()).toOffsetDateTime().toString());
        m.put("is_open", open);
        m.put("next_open", Clock.toInstant(CALENDAR.nextSessionOpen(now)).atZone(CALENDAR.zone()).toOffsetDateTime().toString());
        m.put("next_close", Clock.toInstant(CALENDAR.sessionCloseFor(now)).atZone(CALENDAR.zone()).toOffsetDateTime().toString());
        return m;
    }

    private Object calendar(Caller caller, Args args) {
        LocalDate start = args.optDate("start");
        if (start == null) {
            start = CALENDAR.dateOf(clock.nanos());
        }
        LocalDate end = args.optDate("end");
        if (end == null) {
            end = start.plusDays(30);
        }
        if (end.isBefore(start)) {
            throw new ToolArgumentException("end", "is before start " + start);
        }
        if (end.isAfter(start.plusYears(2))) {
            throw new ToolArgumentException("end", "is more than 2 years after start " + start);
        }
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm");
        List<Map<String, Object>> days = new ArrayList<>();
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            if (CALENDAR.isTradingDay(d)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("date", d.toString());
                m.put("open", CALENDAR.sessionOpen(d).atZone(CALENDAR.zone()).format(hm));
                m.put("close", CALENDAR.sessionClose(d).atZone(CALENDAR.zone()).format(hm));
                days.add(m);
            }
        }
        return days;
    }

    private Map<InstrumentId, AssetInfo> assets() {
        Map<InstrumentId, AssetInfo> known = new TreeMap<>();
        for (AssetInfo a : configuredAssets) {
            known.put(a.instrument().id(), a);
        }
        List<InstrumentId> seen = new ArrayList<>(market.instruments());
        node.positions().stream().map(PositionView::instrument).forEach(seen::add);
        for (DatasetProvider p : datasets.get()) {
            for (DatasetProvider.DatasetInfo info : p.datasets()) {
                for (String s : info.symbols()) {
                    try {
                        seen.add(InstrumentId.of(s));
                    } catch (IllegalArgumentException notASymbol) {
                        // dataset symbols outside the platform's syntax are not tradable assets
                    }
                }
            }
        }
        for (InstrumentId id : seen) {
            known.putIfAbsent(id, AssetInfo.of(id));
        }
        return known;
    }

    private static Map<String, Object> asset(AssetInfo a) {
        AssetClass c = a.instrument().assetClass();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", a.instrument().id().value());
        m.put("name", a.name());
        m.put("exchange", a.exchange());
        m.put("class", c == AssetClass.CRYPTO ? "crypto" : c == AssetClass.OPTION ? "us_option" : "us_equity");
        m.put("status", "active");
        m.put("tradable", true);
        m.put("fractionable", a.fractionable());
        m.put("shortable", a.shortable());
        return m;
    }

    private static List<String> symbols(Args args) {
        List<String> symbols = args.optStrings("symbols");
        if (symbols == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : symbols) {
            try {
                out.add(InstrumentId.of(s.toUpperCase(Locale.ROOT)).value());
            } catch (IllegalArgumentException e) {
                throw new ToolArgumentException("symbols", e.getMessage());
            }
        }
        return out;
    }

    private Object portfolioHistory(Caller caller, Args args) {
        String period = args.optString("period");
        long from = Long.MIN_VALUE;
        if (period != null) {
            Matcher m = PERIOD.matcher(period.toUpperCase(Locale.ROOT));
            if (!m.matches()) {
                throw new ToolArgumentException("period", "expected a number and D, W, M or A, e.g. 1W, was '" + period + "'");
            }
            int n = Integer.parseInt(m.group(1));
            Duration back = switch (m.group(2)) {
                case "D" -> Duration.ofDays(n);
                case "W" -> Duration.ofDays(7L * n);
                case "M" -> Duration.ofDays(30L * n);
                default -> Duration.ofDays(365L * n);
            };
            from = clock.nanos() - back.toNanos();
        }
        history.sample();
        List<Long> times = new ArrayList<>();
        List<Double> equity = new ArrayList<>();
        for (EquityHistory.Sample s : history.samples()) {
            if (s.time() >= from) {
                times.add(s.time() / 1_000_000_000L);
                equity.add(s.equity());
            }
        }
        double base = equity.isEmpty() ? 0 : equity.get(0);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("timestamp", times);
        out.put("equity", equity);
        out.put("profit_loss", equity.stream().map(e -> e - base).toList());
        out.put("profit_loss_pct", equity.stream().map(e -> base == 0 ? 0 : e / base - 1).toList());
        out.put("base_value", base);
        return out;
    }

    private Object activities(Caller caller, Args args) {
        if (args.has("activity_type")) {
            args.choice("activity_type", List.of("fill"), null);
        }
        LocalDate date = args.optDate("date");
        boolean ascending = args.choice("direction", List.of("asc", "desc"), "desc").equals("asc");
        int size = args.integer("page_size", 100, 1, 500);
        List<OrderView> filled = new ArrayList<>();
        for (OrderView o : node.orders()) {
            if (o.filledQuantity().isPositive()
                    && (date == null || CALENDAR.dateOf(o.updatedTime()).equals(date))) {
                filled.add(o);
            }
        }
        Comparator<OrderView> byTime = Comparator.comparingLong(OrderView::updatedTime);
        filled.sort(ascending ? byTime : byTime.reversed());
        List<Map<String, Object>> out = new ArrayList<>();
        for (OrderView o : filled.subList(0, Math.min(size, filled.size()))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("activity_type", "FILL");
            m.put("transaction_time", Clock.toInstant(o.updatedTime()).toString());
            m.put("type", o.status().name().equals("FILLED") ? "fill" : "partial_fill");
            m.put("symbol", o.request().instrument().value());
            m.put("side", Views.lower(o.request().side()));
            m.put("qty", o.filledQuantity().toString());
            m.put("price", o.averageFillPrice() == null ? null : o.averageFillPrice().toString());
            m.put("order_id", o.orderId() == null ? null : o.orderId().value());
            m.put("client_order_id", o.clientOrderId().value());
            out.add(m);
        }
        return out;
    }
}
