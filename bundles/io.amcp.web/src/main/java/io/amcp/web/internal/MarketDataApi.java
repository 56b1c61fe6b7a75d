package io.amcp.web.internal;

import io.amcp.api.model.Bar;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quote;
import io.amcp.api.model.TradeTick;
import io.amcp.api.spi.DatasetProvider;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alpaca's market data API v2 over the platform's own data: historical bars from the
 * {@link DatasetProvider} services joined with the bars the node has seen, latest bar, quote and
 * trade from {@link LatestMarketData}. Routes: {@code /v2/stocks/{symbol}/bars},
 * {@code /v2/stocks/bars}, {@code /v2/stocks/{symbol}/(quotes|trades|bars)/latest},
 * {@code /v2/stocks/(quotes|trades|bars)/latest?symbols=},
 * {@code /v2/stocks/snapshots}, {@code /v1beta3/crypto/us/bars}; historical quotes and trades
 * {@code /v2/stocks/{symbol}/(quotes|trades)} and {@code /v2/stocks/(quotes|trades)?symbols=} (from the
 * bounded rings of ticks the node received, see {@link LatestMarketData}; without {@code start} all
 * of them); crypto latest {@code /v1beta3/crypto/{loc}/latest/(bars|quotes|trades)} and
 * {@code /v1beta3/crypto/{loc}/snapshots}.
 *
 * <p>Bars are aggregated to the requested {@code timeframe} (bucket = the bar's start, minute and hour
 * buckets aligned in UTC, day/week/month buckets in New York time as Alpaca does); {@code t} is the
 * bucket's start. The data carries no trade count or VWAP, so {@code n} and {@code vw} are left out.
 */
public final class MarketDataApi {

    /** The most bars one page holds ({@code limit}), as Alpaca. */
    public static final int MAX_LIMIT = 10_000;
    private static final int DEFAULT_LIMIT = 1_000;
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Pattern TIMEFRAME = Pattern.compile("(\\d{1,2})(Min|T|Hour|H|Day|D|Week|W|Month|M)");
    private static final Set<String> FEEDS = Set.of("iex", "sip", "otc", "boats", "delayed_sip");
    private static final String JSON = "application/json; charset=utf-8";
    private static final Set<String> CRYPTO_LOCATIONS = Set.of("us", "us-1", "eu-1");
    private static final Timeframe ONE_MINUTE = new Timeframe("Min", 1);

    private final Supplier<List<DatasetProvider>> datasets;
    private final LatestMarketData latest;
    private final Map<String, List<BarSeries>> loaded = new ConcurrentHashMap<>();

    public MarketDataApi(Supplier<List<DatasetProvider>> datasets, LatestMarketData latest) {
        this.datasets = datasets;
        this.latest = latest;
    }

    /** Adds the routes; authentication is the caller's (it covers {@code /v2/*} and {@code /v1beta3/*}). */
    public void mount(Router router) {
        router.get("/v2/stocks/bars").blockingHandler(c -> bars(c, symbols(c), false, false), false);
        router.get("/v2/stocks/snapshots").blockingHandler(this::snapshots, false);
        router.get("/v2/stocks/bars/latest").blockingHandler(c -> latestMany(c, "bars"), false);
        router.get("/v2/stocks/quotes/latest").handler(c -> latestMany(c, "quotes"));
        router.get("/v2/stocks/trades/latest").handler(c -> latestMany(c, "trades"));
        router.get("/v2/stocks/:symbol/bars").blockingHandler(c -> bars(c, List.of(symbol(c.pathParam("symbol"))), true, false), false);
        router.get("/v2/stocks/:symbol/bars/latest").blockingHandler(this::latestBar, false);
        router.get("/v2/stocks/:symbol/quotes/latest").handler(this::latestQuote);
        router.get("/v2/stocks/:symbol/trades/latest").handler(this::latestTrade);
        router.get("/v1beta3/crypto/us/bars").blockingHandler(c -> bars(c, symbols(c), false, true), false);
        router.get("/v2/stocks/quotes").handler(c -> ticks(c, symbols(c), false, "quotes", latest::recentQuotes,
                Quote::time, MarketDataApi::quoteJson));
        router.get("/v2/stocks/trades").handler(c -> ticks(c, symbols(c), false, "trades", latest::recentTrades,
                TradeTick::time, MarketDataApi::tradeJson));
        router.get("/v2/stocks/:symbol/quotes").handler(c -> ticks(c, List.of(symbol(c.pathParam("symbol"))), true,
                "quotes", latest::recentQuotes, Quote::time, MarketDataApi::quoteJson));
        router.get("/v2/stocks/:symbol/trades").handler(c -> ticks(c, List.of(symbol(c.pathParam("symbol"))), true,
                "trades", latest::recentTrades, TradeTick::time, MarketDataApi::tradeJson));
        router.get("/v1beta3/crypto/:loc/latest/bars").blockingHandler(c -> cryptoLatest(c, "bars"), false);
        router.get("/v1beta3/crypto/:loc/latest/quotes").handler(c -> cryptoLatest(c, "quotes"));
        router.get("/v1beta3/crypto/:loc/latest/trades").handler(c -> cryptoLatest(c, "trades"));
        router.get("/v1beta3/crypto/:loc/snapshots").blockingHandler(this::cryptoSnapshots, false);
    }

    // ------------------------------------------------------------------ parameters

    /** An aggregation period: {@code amount} of {@code unit} (Min, Hour, Day, Week, Month). */
    record Timeframe(String unit, int amount) {

        static Timeframe parse(String text) {
            if (text == null || text.isEmpty()) {
                throw ApiError.invalidField("timeframe", "required (e.g. 1Min, 15Min, 1Hour, 1Day, 1Week, 1Month)");
            }
            Matcher m = TIMEFRAME.matcher(text);
            if (!m.matches()) {
                throw ApiError.invalidField("timeframe", "invalid value '" + text + "' (expected [1-59]Min, [1-23]Hour, 1Day, 1Week or [1,2,3,4,6,12]Month)");
            }
            int n = Integer.parseInt(m.group(1));
            String unit = switch (m.group(2)) {
                case "Min", "T" -> "Min";
                case "Hour", "H" -> "Hour";
                case "Day", "D" -> "Day";
                case "Week", "W" -> "Week";
                default -> "Month";
            };
            boolean ok = switch (unit) {
                case "Min" -> n >= 1 && n <= 59;
                case "Hour" -> n >= 1 && n <= 23;
                case "Month" -> Set.of(1, 2, 3, 4, 6, 12).contains(n);
                default -> n == 1;
            };
            if (!ok) {
                throw ApiError.invalidField("timeframe", "invalid value '" + text + "' (expected [1-59]Min, [1-23]Hour, 1Day, 1Week or [1,2,3,4,6,12]Month)");
            }
            return new Timeframe(unit, n);
        }

        /** Start of the bucket holding a bar that ends at {@code endNanos}, in epoch seconds. */
        long bucket(long endNanos) {
            long second = Math.floorDiv(endNanos - 1, 1_000_000_000L);
            switch (unit) {
                case "Min":
                    return second - Math.floorMod(second, amount * 60L);
                case "Hour":
                    return second - Math.floorMod(second, amount * 3_600L);
                default:
                    LocalDate day = Instant.ofEpochSecond(second).atZone(NEW_YORK).toLocalDate();
                    if ("Week".equals(unit)) {
                        day = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    } else if ("Month".equals(unit)) {
                        day = day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / amount * amount + 1);
                    }
                    return day.atStartOfDay(NEW_YORK).toEpochSecond();
            }
        }
    }

    private static InstrumentId symbol(String text) {
        try {
            return InstrumentId.of(text == null ? null : text.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidField("symbol", "invalid symbol '" + text + "'");
        }
    }

    private static List<InstrumentId> symbols(RoutingContext c) {
        String list = c.queryParams().get("symbols");
        if (list == null || list.isBlank()) {
            throw ApiError.invalidField("symbols", "required (comma-separated symbols)");
        }
        Set<InstrumentId> out = new LinkedHashSet<>();
        for (String s : list.split(",")) {
            if (!s.isBlank()) {
                out.add(symbol(s.strip()));
            }
        }
        return List.copyOf(out);
    }

    /** RFC-3339 date-time or YYYY-MM-DD (start of that day, UTC), as epoch seconds; null when absent. */
    static Long time(RoutingContext c, String field) {
        String text = c.queryParams().get(field);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond();
            }
            return OffsetDateTime.parse(text).toEpochSecond();
        } catch (DateTimeParseException e) {
            throw ApiError.invalidField(field, "invalid value '" + text + "' (expected RFC-3339, e.g. 2021-02-01T16:00:00Z, or YYYY-MM-DD)");
        }
    }

    private static int limit(RoutingContext c) {
        String text = c.queryParams().get("limit");
        if (text == null || text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // not a number: answered below like any other invalid value
        }
        throw ApiError.invalidField("limit", "invalid value '" + text + "' (expected 1.." + MAX_LIMIT + ")");
    }

    /**
     * A page position: the next item to return is the first of {@code symbol} at {@code position} or
     * beyond it in the page's order; the position is a bar's start second, or a quote's or trade's
     * arrival sequence.
     */
    record PageToken(String symbol, long position) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((symbol + "|" + position).getBytes(StandardCharsets.UTF_8));
        }

        static PageToken decode(String text) {
            try {
                String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                int bar = plain.lastIndexOf('|');
                return new PageToken(plain.substring(0, bar), Long.parseLong(plain.substring(bar + 1)));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw ApiError.invalidField("page_token", "invalid value '" + text + "'");
            }
        }
    }

    /**
     * The paging parameters every historical endpoint shares: {@code limit}, {@code sort} (asc or desc),
     * {@code feed} (checked for stock data only) and {@code page_token}; each bad value names its field.
     */
    private record Paging(int limit, boolean descending, PageToken from) {

        static Paging of(RoutingContext c, boolean checkFeed) {
            int limit = MarketDataApi.limit(c);
            String sort = c.queryParams().get("sort");
            if (sort != null && !sort.equals("asc") && !sort.equals("desc")) {
                throw ApiError.invalidField("sort", "invalid value '" + sort + "' (expected asc or desc)");
            }
            String feed = c.queryParams().get("feed");
            if (checkFeed && feed != null && !FEEDS.contains(feed)) {
                throw ApiError.invalidField("feed", "invalid value '" + feed + "' (expected iex, sip, otc, boats or delayed_sip)");
            }
            String token = c.queryParams().get("page_token");
            return new Paging(limit, "desc".equals(sort), token == null || token.isEmpty() ? null : PageToken.decode(token));
        }
    }

    // ------------------------------------------------------------------ bars

    private void bars(RoutingContext c, List<InstrumentId> symbols, boolean single, boolean crypto) {
        Timeframe timeframe = Timeframe.parse(c.queryParams().get("timeframe"));
        Long start = time(c, "start");
        Long end = time(c, "end");
        if (start != null && end != null && end < start) {
            throw ApiError.invalidField("end", "must not be before start");
        }
        page(c, symbols, single, "bars", Paging.of(c, !crypto), id -> aggregate(history(id), timeframe),
                r -> (start == null || r[0] >= start) && (end == null || r[0] <= end), r -> r[0], MarketDataApi::barJson);
    }

    /**
     * One page of rows, shared by bars and ticks: symbols in alphabetical order, each symbol's rows in
     * their order ({@code sort=desc} reverses it), the rows outside {@code inRange} left out, at most
     * {@code limit} rows and a {@code next_page_token} at the first row left over. {@code position} is a
     * row's place in its symbol's order (a bar's start second, a tick's arrival sequence).
     */
    private static <R> void page(RoutingContext c, List<InstrumentId> symbols, boolean single, String kind, Paging paging,
            Function<InstrumentId, List<R>> rowsOf, Predicate<R> inRange, ToLongFunction<R> position,
            Function<R, JsonObject> render) {
        int limit = paging.limit();
        PageToken from = paging.from();
        boolean descending = paging.descending();
        JsonObject bySymbol = new JsonObject();
        JsonArray singleList = new JsonArray();
        int count = 0;
        String next = null;
        List<InstrumentId> ordered = new ArrayList<>(symbols);
        ordered.sort(null);
        for (InstrumentId id : ordered) {
            if (from != null && id.value().compareTo(from.symbol()) < 0) {
                continue;
            }
            List<R> rows = new ArrayList<>(rowsOf.apply(id));
            if (descending) {
                Collections.reverse(rows);
            }
            JsonArray out = new JsonArray();
            for (R r : rows) {
                if (!inRange.test(r)) {
                    continue;
                }
                long at = position.applyAsLong(r);
                if (from != null && id.value().equals(from.symbol()) && (descending ? at > from.position() : at < from.position())) {
                    continue;
                }
                if (count == limit) {
                    next = new PageToken(id.value(), at).encode();
                    break;
                }
                out.add(render.apply(r));
                count++;
            }
            if (!out.isEmpty()) {
                bySymbol.put(id.value(), out);
                singleList = out;
            }
            if (next != null) {
                break;
            }
        }
        JsonObject body = new JsonObject();
        if (single) {
            body.put(kind, singleList).put("symbol", symbols.get(0).value());
        } else {
            body.put(kind, bySymbol);
        }
        body.put("next_page_token", next);
        reply(c, 200, body);
    }

    /** Dataset bars of {@code id} joined with the bars the node has seen later, oldest first. */
    List<Bar> history(InstrumentId id) {
        TreeMap<Long, Bar> byEnd = new TreeMap<>();
        for (DatasetProvider provider : datasets.get()) {
            for (DatasetProvider.DatasetInfo info : provider.datasets()) {
                if (!info.symbols().contains(id.value())) {
                    continue;
                }
                List<BarSeries> series = loaded.computeIfAbsent(System.identityHashCode(provider) + "/" + info.id(),
                        k -> provider.load(info.id()));
                for (BarSeries s : series) {
                    if (s.instrument().id().equals(id)) {
                        for (int i = 0; i < s.size(); i++) {
                            byEnd.putIfAbsent(s.time()[i], s.bar(i));
                        }
                    }
                }
            }
        }
        for (Bar b : latest.recentBars(id)) {
            byEnd.putIfAbsent(b.time(), b);
        }
        return new ArrayList<>(byEnd.values());
    }

    /** Rows {start second, open, high, low, close, volume} (raw fixed point), oldest first. */
    static List<long[]> aggregate(List<Bar> bars, Timeframe timeframe) {
        List<long[]> rows = new ArrayList<>();
        long[] open = null;
        for (Bar b : bars) {
            long bucket = timeframe.bucket(b.time());
            if (open != null && open[0] == bucket) {
                open[2] = Math.max(open[2], b.high());
                open[3] = Math.min(open[3], b.low());
                open[4] = b.close();
                open[5] += b.volume();
            } else {
                open = new long[] {bucket, b.open(), b.high(), b.low(), b.close(), b.volume()};
                rows.add(open);
            }
        }
        return rows;
    }

    static Object number(long raw) {
        return raw % FixedPoint.ONE == 0 ? (Object) (raw / FixedPoint.ONE) : (Object) FixedPoint.toDouble(raw);
    }

    private static String second(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).toString();
    }

    static JsonObject barJson(long[] r) {
        return new JsonObject().put("t", second(r[0])).put("o", number(r[1])).put("h", number(r[2]))
                .put("l", number(r[3])).put("c", number(r[4])).put("v", number(r[5]));
    }

    /** A live bar in Alpaca's shape; {@code t} is its start (one minute before its end, as bars are minute bars). */
    static JsonObject barJson(Bar b) {
        return barJson(new long[] {startSecond(b), b.open(), b.high(), b.low(), b.close(), b.volume()});
    }

    /** The epoch second a one-minute bar starts at: its {@code t}. */
    static long startSecond(Bar b) {
        return ONE_MINUTE.bucket(b.time());
    }

    static JsonObject quoteJson(Quote q) {
        return new JsonObject().put("t", AlpacaJson.time(q.time())).put("ax", "V").put("ap", number(q.ask()))
                .put("as", number(q.askSize())).put("bx", "V").put("bp", number(q.bid())).put("bs", number(q.bidSize()))
                .put("c", new JsonArray().add("R")).put("z", "C");
    }

    static JsonObject tradeJson(TradeTick t) {
        return new JsonObject().put("t", AlpacaJson.time(t.time())).put("x", "V").put("p", number(t.price()))
                .put("s", number(t.size())).put("c", new JsonArray().add("@")).put("i", t.time()).put("z", "C");
    }

    // ------------------------------------------------------------------ latest and snapshots

    /** {@code {"<kind>": {"AAPL": {...}}}} for the symbols that have one (Alpaca leaves the others out). */
    private void latestMany(RoutingContext c, String kind) {
        JsonObject bySymbol = new JsonObject();
        for (InstrumentId id : symbols(c)) {
            Optional<JsonObject> item = switch (kind) {
                case "quotes" -> latest.quote(id).map(MarketDataApi::quoteJson);
                case "trades" -> latest.trade(id).map(MarketDataApi::tradeJson);
                default -> lastBar(id).map(MarketDataApi::barJson);
            };
            item.ifPresent(o -> bySymbol.put(id.value(), o));
        }
        reply(c, 200, new JsonObject().put(kind, bySymbol));
    }

    private Optional<Bar> lastBar(InstrumentId id) {
        Optional<Bar> bar = latest.bar(id);
        if (bar.isEmpty()) {
            List<Bar> h = history(id);
            bar = h.isEmpty() ? Optional.empty() : Optional.of(h.get(h.size() - 1));
        }
        return bar;
    }

    private void latestBar(RoutingContext c) {
        InstrumentId id = symbol(c.pathParam("symbol"));
        Bar b = lastBar(id).orElseThrow(() -> ApiError.notFound("no bar for " + id));
        reply(c, 200, new JsonObject().put("symbol", id.value()).put("bar", barJson(b)));
    }

    private void latestQuote(RoutingContext c) {
        InstrumentId id = symbol(c.pathParam("symbol"));
        Quote q = latest.quote(id).orElseThrow(() -> ApiError.notFound("no quote for " + id));
        reply(c, 200, new JsonObject().put("symbol", id.value()).put("quote", quoteJson(q)));
    }

    private void latestTrade(RoutingContext c) {
        InstrumentId id = symbol(c.pathParam("symbol"));
        TradeTick t = latest.trade(id).orElseThrow(() -> ApiError.notFound("no trade for " + id));
        reply(c, 200, new JsonObject().put("symbol", id.value()).put("trade", tradeJson(t)));
    }

    private void snapshots(RoutingContext c) {
        JsonObject body = new JsonObject();
        for (InstrumentId id : symbols(c)) {
            body.put(id.value(), snapshot(id, MarketDataApi::tradeJson, MarketDataApi::quoteJson));
        }
        reply(c, 200, body);
    }

    /**
     * {@code {latestTrade, latestQuote, minuteBar, dailyBar, prevDailyBar}} of {@code id}, or null when
     * nothing is known of it. The bars are the node's own when it has seen some (its current day), else
     * the datasets' last days.
     */
    private JsonObject snapshot(InstrumentId id, Function<TradeTick, JsonObject> trade, Function<Quote, JsonObject> quote) {
        List<Bar> h = latest.recentBars(id);
        if (h.isEmpty()) {
            h = history(id);
        }
        Optional<TradeTick> lastTrade = latest.trade(id);
        Optional<Quote> lastQuote = latest.quote(id);
        if (h.isEmpty() && lastQuote.isEmpty() && lastTrade.isEmpty()) {
            return null;
        }
        List<long[]> days = aggregate(h, new Timeframe("Day", 1));
        return new JsonObject()
                .put("latestTrade", lastTrade.map(trade).orElse(null))
                .put("latestQuote", lastQuote.map(quote).orElse(null))
                .put("minuteBar", h.isEmpty() ? null : barJson(h.get(h.size() - 1)))
                .put("dailyBar", days.isEmpty() ? null : barJson(days.get(days.size() - 1)))
                .put("prevDailyBar", days.size() < 2 ? null : barJson(days.get(days.size() - 2)));
    }

    // ------------------------------------------------------------------ historical quotes and trades

    /** RFC-3339 date-time (nanoseconds kept) or YYYY-MM-DD (start of that day, UTC), as epoch nanos; null when absent. */
    static Long nanos(RoutingContext c, String field) {
        Long second = time(c, field);
        if (second == null) {
            return null;
        }
        String text = c.queryParams().get(field);
        return text.length() == 10 ? second * 1_000_000_000L
                : io.amcp.api.spi.Clock.toNanos(OffsetDateTime.parse(text).toInstant());
    }

    /**
     * {@code {"<kind>": [..], "symbol": S, "next_page_token": T}} for one symbol, {@code {"<kind>": {S: [..]}, ...}}
     * for several: the received ticks between {@code start} and {@code end} (inclusive), symbols in
     * alphabetical order, each symbol's ticks in arrival order ({@code sort=desc} reverses it).
     */
    private <T> void ticks(RoutingContext c, List<InstrumentId> symbols, boolean single, String kind,
            Function<InstrumentId, List<LatestMarketData.Received<T>>> source, ToLongFunction<T> timeOf,
            Function<T, JsonObject> render) {
        Long start = nanos(c, "start");
        Long end = nanos(c, "end");
        if (start != null && end != null && end < start) {
            throw ApiError.invalidField("end", "must not be before start");
        }
        page(c, symbols, single, kind, Paging.of(c, true), source, r -> {
            long t = timeOf.applyAsLong(r.tick());
            return (start == null || t >= start) && (end == null || t <= end);
        }, LatestMarketData.Received::sequence, r -> render.apply(r.tick()));
    }

    // ------------------------------------------------------------------ crypto latest and snapshots

    private static void cryptoLocation(RoutingContext c) {
        String loc = c.pathParam("loc");
        if (!CRYPTO_LOCATIONS.contains(loc)) {
            throw ApiError.invalidField("loc", "invalid value '" + loc + "' (expected us, us-1 or eu-1)");
        }
    }

    /** A crypto quote in Alpaca's shape (no exchanges or conditions): {@code t, bp, bs, ap, as}. */
    static JsonObject cryptoQuoteJson(Quote q) {
        return new JsonObject().put("t", AlpacaJson.time(q.time())).put("bp", number(q.bid())).put("bs", number(q.bidSize()))
                .put("ap", number(q.ask())).put("as", number(q.askSize()));
    }

    /** A crypto trade in Alpaca's shape: {@code t, p, s, i, tks} ({@code tks} the taker side, B or S). */
    static JsonObject cryptoTradeJson(TradeTick t) {
        return new JsonObject().put("t", AlpacaJson.time(t.time())).put("p", number(t.price())).put("s", number(t.size()))
                .put("i", t.time()).put("tks", t.aggressor() == io.amcp.api.model.Side.SELL ? "S" : "B");
    }

    /** {@code {"<kind>": {"BTC/USD": {...}}}} for the symbols that have one. */
    private void cryptoLatest(RoutingContext c, String kind) {
        cryptoLocation(c);
        JsonObject bySymbol = new JsonObject();
        for (InstrumentId id : symbols(c)) {
            Optional<JsonObject> item = switch (kind) {
                case "quotes" -> latest.quote(id).map(MarketDataApi::cryptoQuoteJson);
                case "trades" -> latest.trade(id).map(MarketDataApi::cryptoTradeJson);
                default -> lastBar(id).map(MarketDataApi::barJson);
            };
            item.ifPresent(o -> bySymbol.put(id.value(), o));
        }
        reply(c, 200, new JsonObject().put(kind, bySymbol));
    }

    /** {@code {"snapshots": {"BTC/USD": {latestTrade, latestQuote, minuteBar, dailyBar, prevDailyBar}}}}. */
    private void cryptoSnapshots(RoutingContext c) {
        cryptoLocation(c);
        JsonObject bySymbol = new JsonObject();
        for (InstrumentId id : symbols(c)) {
            JsonObject snapshot = snapshot(id, MarketDataApi::cryptoTradeJson, MarketDataApi::cryptoQuoteJson);
            if (snapshot != null) {
                bySymbol.put(id.value(), snapshot);
            }
        }
        reply(c, 200, new JsonObject().put("snapshots", bySymbol));
    }

    private static void reply(RoutingContext c, int status, JsonObject body) {
        c.response().setStatusCode(status).putHeader("content-type", JSON).end(body.encode());
    }
}
