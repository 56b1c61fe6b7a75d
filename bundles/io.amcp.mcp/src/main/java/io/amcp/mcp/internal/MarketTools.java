package io.amcp.mcp.internal;

import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.calendar.TradingCalendar;
import io.amcp.api.model.AssetClass;
import io.amcp.api.model.Bar;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.DatasetProvider;
import io.amcp.options.OptionType;
import io.amcp.options.chain.ChainQuote;
import io.amcp.options.chain.ChainSpec;
import io.amcp.options.chain.ChainSynthesizer;
import io.amcp.options.chain.OptionChain;
import io.amcp.options.chain.OptionContract;
import io.amcp.options.chain.RealizedVolatility;
import io.amcp.options.chain.SyntheticVolModel;
import io.amcp.options.chain.VolatilitySurface;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Market-data tools. Stock and crypto data come from what the node has received (latest quote,
 * trade and recent bars) and, for history, from the platform's datasets; option contracts and
 * quotes are the paper venue's synthetic chain (Black-Scholes-Merton over a volatility surface
 * scaled to the underlying's realised volatility), the same chain the options executor trades.
 */
final class MarketTools {

    private static final List<String> TIMEFRAMES = List.of("1min", "5min", "15min", "30min", "1hour", "1day");
    private static final TradingCalendar CALENDAR = NyseCalendar.INSTANCE;

    private final MarketDataCache market;
    private final Supplier<List<DatasetProvider>> datasets;
    private final Clock clock;
    private final ChainSynthesizer chains = new ChainSynthesizer(ChainSpec.standard());
    private final SyntheticVolModel volModel = SyntheticVolModel.standard();

    MarketTools(MarketDataCache market, Supplier<List<DatasetProvider>> datasets, Clock clock) {
        this.market = market;
        this.datasets = datasets;
        this.clock = clock;
    }

    List<ToolDefinition> definitions() {
        List<ToolDefinition> tools = new ArrayList<>();
        tools.add(ToolDefinition.read("get_stock_bars", "Historical bars of a stock: the bars the node has received, "
                + "else the platform's datasets, optionally aggregated to a coarser timeframe.",
                barSchema("stock symbol, e.g. AAPL"), (caller, args) -> bars(args, false)));
        tools.add(ToolDefinition.read("get_crypto_bars", "Historical bars of a crypto pair (e.g. BTC/USD): received "
                + "bars, else the platform's datasets.", barSchema("crypto pair, e.g. BTC/USD"),
                (caller, args) -> bars(args, true)));
        tools.add(ToolDefinition.read("get_stock_latest_quote", "The latest quote the node has received.",
                Schema.object().string("symbol", "stock symbol", true), (caller, args) -> {
                    InstrumentId id = TradingTools.instrument(args, "symbol");
                    return Views.quote(market.latestQuote(id).orElseThrow(() -> missing(id, "quote")));
                }));
        tools.add(ToolDefinition.read("get_stock_latest_trade", "The latest trade the node has received.",
                Schema.object().string("symbol", "stock symbol", true), (caller, args) -> {
                    InstrumentId id = TradingTools.instrument(args, "symbol");
                    return Views.trade(market.latestTrade(id).orElseThrow(() -> missing(id, "trade")));
                }));
        tools.add(ToolDefinition.read("get_stock_latest_bar", "The latest bar the node has received.",
                Schema.object().string("symbol", "stock symbol", true), (caller, args) -> {
                    InstrumentId id = TradingTools.instrument(args, "symbol");
                    return Views.bar(market.latestBar(id).orElseThrow(() -> missing(id, "bar")));
                }));
        tools.add(ToolDefinition.read("get_stock_snapshot", "Latest trade, quote and bar, today's and the previous "
                + "day's bar of one or more symbols (what the node has received; absent parts are null).",
                Schema.object().strings("symbols", "symbols, e.g. [\"AAPL\",\"MSFT\"]", true), this::snapshots));
        tools.add(ToolDefinition.read("get_option_contracts", "Option contracts listed on the paper venue for an "
                + "underlying, from its synthetic chain priced off the underlying's last price.",
                Schema.object().string("underlying_symbol", "underlying, e.g. AAPL", true)
                        .string("expiration_date", "only this expiry, YYYY-MM-DD", false)
                        .string("expiration_date_gte", "expiry on or after, YYYY-MM-DD", false)
                        .string("expiration_date_lte", "expiry on or before, YYYY-MM-DD", false)
                        .choice("type", List.of("call", "put"), "call or put", false)
                        .decimal("strike_price_gte", "lowest strike", false)
                        .decimal("strike_price_lte", "highest strike", false)
                        .integer("limit", "most contracts returned, 1-1000 (default 100)", false),
                this::contracts));
        tools.add(ToolDefinition.read("get_option_latest_quote", "The paper venue's quote of an option contract.",
                Schema.object().string("symbol", "OCC symbol, e.g. AAPL240315C00190000", true),
                (caller, args) -> optionQuote(args, false)));
        tools.add(ToolDefinition.read("get_option_snapshot", "Quote, implied volatility and Greeks of an option "
                + "contract on the paper venue.",
                Schema.object().string("symbol", "OCC symbol, e.g. AAPL240315C00190000", true),
                (caller, args) -> optionQuote(args, true)));
        return tools;
    }

    private static Schema barSchema(String symbol) {
        return Schema.object().string("symbol", symbol, true)
                .choice("timeframe", TIMEFRAMES, "aggregate to this timeframe (default: as stored)", false)
                .string("start", "first bar end, ISO-8601 date or instant", false)
                .string("end", "last bar end, ISO-8601 date or instant", false)
                .integer("limit", "most bars returned, the latest ones, 1-10000 (default 100)", false);
    }

    private static ToolRefusedException missing(InstrumentId id, String what) {
        return new ToolRefusedException("no " + what + " of " + id + " has been received by the node", null);
    }

    private Object bars(Args args, boolean crypto) {
        InstrumentId id = TradingTools.instrument(args, "symbol");
        boolean isCrypto = Instrument.infer(id).assetClass() == AssetClass.CRYPTO;
        if (crypto != isCrypto) {
            throw new ToolArgumentException("symbol", crypto ? id + " is not a crypto pair (expected e.g. BTC/USD)"
                    : id + " is a crypto pair; use get_crypto_bars");
        }
        String timeframe = args.has("timeframe") ? args.choice("timeframe", TIMEFRAMES, null) : null;
        Instant start = instant(args, "start", false);
        Instant end = instant(args, "end", true);
        int limit = args.integer("limit", 100, 1, 10_000);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", id.value());
        List<Bar> bars = market.recentBars(id);
        String source = "received by the node";
        if (bars.isEmpty()) {
            SourcedBars fromDataset = dataset(id);
            bars = fromDataset.bars();
            source = fromDataset.source();
        }
        if (timeframe != null) {
            bars = aggregate(bars, timeframe);
        }
        List<Map<String, Object>> selected = new ArrayList<>();
        for (Bar b : bars) {
            Instant t = Clock.toInstant(b.time());
            if ((start == null || !t.isBefore(start)) && (end == null || t.isBefore(end))) {
                selected.add(Views.bar(b));
            }
        }
        out.put("bars", selected.subList(Math.max(0, selected.size() - limit), selected.size()));
        out.put("source", bars.isEmpty() ? "none: no bars of " + id + " received and no dataset holds it" : source);
        return out;
    }

    private record SourcedBars(List<Bar> bars, String source) {
    }

    private SourcedBars dataset(InstrumentId id) {
        for (DatasetProvider provider : datasets.get()) {
            for (DatasetProvider.DatasetInfo info : provider.datasets()) {
                if (!info.symbols().contains(id.value())) {
                    continue;
                }
                for (BarSeries series : provider.load(info.id())) {
                    if (series.instrument().id().equals(id)) {
                        List<Bar> bars = new ArrayList<>(series.size());
                        for (int i = 0; i < series.size(); i++) {
                            bars.add(series.bar(i));
                        }
                        return new SourcedBars(bars, "dataset " + info.id() + ": " + info.description());
                    }
                }
            }
        }
        return new SourcedBars(List.of(), "");
    }

    /** Bars of a symbol for analytics: received ones, else a dataset's. */
    List<Bar> history(InstrumentId id) {
        List<Bar> bars = market.recentBars(id);
        return bars.isEmpty() ? dataset(id).bars() : bars;
    }

    /** Aggregates bars into buckets: fixed minutes since the epoch, or NYSE trading dates for {@code 1day}. */
    static List<Bar> aggregate(List<Bar> bars, String timeframe) {
        long minutes = switch (timeframe) {
            case "1min" -> 1;
            case "5min" -> 5;
            case "15min" -> 15;
            case "30min" -> 30;
            case "1hour" -> 60;
            default -> 0;
        };
        TreeMap<Long, List<Bar>> buckets = new TreeMap<>();
        for (Bar b : bars) {
            long key = minutes == 0 ? CALENDAR.dateOf(b.time() - 1).toEpochDay()
                    : Math.floorDiv(b.time() - 1, minutes * 60_000_000_000L);
            buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(b);
        }
        List<Bar> out = new ArrayList<>();
        for (List<Bar> group : buckets.values()) {
            long high = Long.MIN_VALUE;
            long low = Long.MAX_VALUE;
            long volume = 0;
            for (Bar b : group) {
                high = Math.max(high, b.high());
                low = Math.min(low, b.low());
                volume = Math.addExact(volume, b.volume());
            }
            Bar last = group.get(group.size() - 1);
            out.add(new Bar(last.instrument(), last.time(), group.get(0).open(), high, low, last.close(), volume));
        }
        return out;
    }

    private Object snapshots(Caller caller, Args args) {
        List<String> symbols = args.optStrings("symbols");
        if (symbols == null || symbols.isEmpty()) {
            throw new ToolArgumentException("symbols", "at least one symbol is required");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String s : symbols) {
            InstrumentId id;
            try {
                id = InstrumentId.of(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ToolArgumentException("symbols", e.getMessage());
            }
            Map<String, Object> snap = new LinkedHashMap<>();
            snap.put("latestTrade", market.latestTrade(id).map(Views::trade).orElse(null));
            snap.put("latestQuote", market.latestQuote(id).map(Views::quote).orElse(null));
            snap.put("minuteBar", market.latestBar(id).map(Views::bar).orElse(null));
            List<Bar> daily = aggregate(market.recentBars(id), "1day");
            snap.put("dailyBar", daily.isEmpty() ? null : Views.bar(daily.get(daily.size() - 1)));
            snap.put("prevDailyBar", daily.size() < 2 ? null : Views.bar(daily.get(daily.size() - 2)));
            out.put(id.value(), snap);
        }
        return out;
    }

    private Object contracts(Caller caller, Args args) {
        InstrumentId underlying = TradingTools.instrument(args, "underlying_symbol");
        Pricing pricing = pricing(underlying, "underlying_symbol");
        LocalDate exact = args.optDate("expiration_date");
        LocalDate gte = args.optDate("expiration_date_gte");
        LocalDate lte = args.optDate("expiration_date_lte");
        String type = args.has("type") ? args.choice("type", List.of("call", "put"), null) : null;
        double strikeMin = args.number("strike_price_gte", 0);
        double strikeMax = args.number("strike_price_lte", Double.MAX_VALUE);
        int limit = args.integer("limit", 100, 1, 1000);
        OptionChain chain = chains.chain(underlying, pricing.date(), pricing.spot(), pricing.surface());
        List<Map<String, Object>> out = new ArrayList<>();
        for (ChainQuote q : chain.quotes()) {
            OptionContract c = q.contract();
            if ((exact != null && !c.expiry().equals(exact)) || (gte != null && c.expiry().isBefore(gte))
                    || (lte != null && c.expiry().isAfter(lte))
                    || (type != null && !c.type().name().equalsIgnoreCase(type))
                    || c.strike() < strikeMin || c.strike() > strikeMax) {
                continue;
            }
            if (out.size() == limit) {
                break;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("symbol", c.id().value());
            m.put("underlying_symbol", underlying.value());
            m.put("type", c.type().name().toLowerCase(Locale.ROOT));
            m.put("strike_price", c.strike());
            m.put("expiration_date", c.expiry().toString());
            m.put("style", "american");
            m.put("size", 100);
            m.put("close_price", q.mid());
            out.add(m);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("option_contracts", out);
        result.put("underlying_price", pricing.spot());
        result.put("source", pricing.source());
        return result;
    }

    private Object optionQuote(Args args, boolean snapshot) {
        InstrumentId symbol = TradingTools.instrument(args, "symbol");
        OptionContract contract;
        try {
            contract = OptionContract.parse(symbol);
        } catch (IllegalArgumentException e) {
            throw new ToolArgumentException("symbol", "not an OCC option symbol: " + symbol);
        }
        Pricing pricing = pricing(contract.underlying(), "symbol");
        if (contract.expiry().isBefore(pricing.date())) {
            throw new ToolArgumentException("symbol", contract.id() + " expired on " + contract.expiry());
        }
        ChainQuote q = chains.quote(contract, pricing.date(), pricing.spot(), pricing.surface());
        Map<String, Object> quote = new LinkedHashMap<>();
        quote.put("t", clock.instant().toString());
        quote.put("bp", q.bid());
        quote.put("bs", chains.spec().quoteSize());
        quote.put("ap", q.ask());
        quote.put("as", chains.spec().quoteSize());
        if (!snapshot) {
            quote.put("source", pricing.source());
            return quote;
        }
        Map<String, Object> greeks = new LinkedHashMap<>();
        greeks.put("delta", q.valuation().delta());
        greeks.put("gamma", q.valuation().gamma());
        greeks.put("theta", q.valuation().theta());
        greeks.put("vega", q.valuation().vega());
        greeks.put("rho", q.valuation().rho());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", contract.id().value());
        out.put("latestQuote", quote);
        out.put("impliedVolatility", q.volatility());
        out.put("greeks", greeks);
        out.put("theoretical_price", q.valuation().price());
        out.put("underlying_price", pricing.spot());
        out.put("source", pricing.source());
        return out;
    }

    private record Pricing(LocalDate date, double spot, VolatilitySurface surface, String source) {
    }

    /** Spot from the last price seen (else the last dataset close) and a surface from realised volatility of daily closes. */
    private Pricing pricing(InstrumentId underlying, String argument) {
        List<Bar> bars = history(underlying);
        double spot = market.lastPrice(underlying)
                .orElseGet(() -> bars.isEmpty() ? Double.NaN : bars.get(bars.size() - 1).closeAsDouble());
        if (Double.isNaN(spot)) {
            throw new ToolArgumentException(argument, "no price of " + underlying
                    + " has been received and no dataset holds it, so no chain can be priced");
        }
        List<Bar> daily = aggregate(bars, "1day");
        RealizedVolatility realized = volModel.newEstimator();
        for (Bar b : daily) {
            realized.add(b.closeAsDouble());
        }
        double vol = realized.isReady() ? realized.value() : 0;
        LocalDate date = CALENDAR.dateOf(clock.nanos());
        String source = "paper venue synthetic chain: spot " + spot + ", "
                + (realized.isReady() ? "realised volatility " + vol + " of " + daily.size() + " daily closes"
                        : "volatility floor (fewer daily closes than the estimator's window)");
        return new Pricing(date, spot, volModel.surface(vol), source);
    }

    private static Instant instant(Args args, String name, boolean endOfDay) {
        String text = args.optString(name);
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate d = LocalDate.parse(text);
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ToolArgumentException(name, "must be an ISO-8601 date or instant, was '" + text + "'");
        }
    }

    static OptionType optionType(String text) {
        return OptionType.valueOf(text.toUpperCase(Locale.ROOT));
    }
}
