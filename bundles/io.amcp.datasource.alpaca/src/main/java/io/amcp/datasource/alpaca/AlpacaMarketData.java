package io.amcp.datasource.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quote;
import io.amcp.api.model.TradeTick;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alpaca market data v2 over REST: historical bars, quotes and trades (following
 * {@code next_page_token} until the range is complete), snapshots, and crypto bars
 * ({@code /v1beta3/crypto/us/bars}). Ranges are {@code [start, end)} in Alpaca's sense: {@code end}
 * null means up to now. Bars come back stamped with their end time.
 */
public final class AlpacaMarketData {

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaMarketData.class);
    private static final String PAGE_LIMIT = "10000";

    private final AlpacaHttp http;
    private final String feed;

    /**
     * @param http data API client ({@code https://data.alpaca.markets})
     * @param feed {@code iex}, {@code sip} or {@code delayed_sip}
     */
    public AlpacaMarketData(AlpacaHttp http, String feed) {
        this.http = Objects.requireNonNull(http, "http");
        if (feed == null || !feed.matches("iex|sip|delayed_sip|boats|otc")) {
            throw new IllegalArgumentException("feed: expected iex, sip, delayed_sip, boats or otc, was '" + feed + "'");
        }
        this.feed = feed;
    }

    /** One symbol's bars ({@code /v2/stocks/{symbol}/bars}). */
    public List<Bar> bars(InstrumentId symbol, BarTimeframe timeframe, Instant start, Instant end) {
        List<Bar> out = new ArrayList<>();
        pages("/v2/stocks/" + AlpacaHttp.segment(symbol.value()) + "/bars", range(timeframe, start, end), page -> {
            for (JsonNode bar : page.path("bars")) {
                out.add(AlpacaValues.bar(symbol, bar, timeframe));
            }
        });
        return out;
    }

    /** Several symbols' bars at once ({@code /v2/stocks/bars?symbols=}); pages are merged per symbol. */
    public Map<InstrumentId, List<Bar>> bars(Collection<InstrumentId> symbols, BarTimeframe timeframe, Instant start,
            Instant end) {
        Map<String, String> query = range(timeframe, start, end);
        query.put("symbols", join(symbols));
        return multi("/v2/stocks/bars", query, "bars", (id, bar) -> AlpacaValues.bar(id, bar, timeframe));
    }

    /** Crypto bars ({@code /v1beta3/crypto/us/bars}); symbols such as {@code BTC/USD}. */
    public Map<InstrumentId, List<Bar>> cryptoBars(Collection<InstrumentId> symbols, BarTimeframe timeframe,
            Instant start, Instant end) {
        Map<String, String> query = range(timeframe, start, end);
        query.remove("feed");
        query.put("symbols", join(symbols));
        return multi("/v1beta3/crypto/us/bars", query, "bars", (id, bar) -> AlpacaValues.bar(id, bar, timeframe));
    }

    /** One symbol's quotes ({@code /v2/stocks/{symbol}/quotes}); unusable (zero or crossed) quotes are skipped. */
    public List<Quote> quotes(InstrumentId symbol, Instant start, Instant end) {
        List<Quote> out = new ArrayList<>();
        int[] skipped = {0};
        pages("/v2/stocks/" + AlpacaHttp.segment(symbol.value()) + "/quotes", range(null, start, end), page -> {
            for (JsonNode quote : page.path("quotes")) {
                try {
                    out.add(AlpacaValues.quote(symbol, quote));
                } catch (IllegalArgumentException unusable) {
                    skipped[0]++;
                }
            }
        });
        if (skipped[0] > 0) {
            LOG.info("{} quotes: skipped {} zero or crossed quotes", symbol, skipped[0]);
        }
        return out;
    }

    /** One symbol's trades ({@code /v2/stocks/{symbol}/trades}). */
    public List<TradeTick> trades(InstrumentId symbol, Instant start, Instant end) {
        List<TradeTick> out = new ArrayList<>();
        pages("/v2/stocks/" + AlpacaHttp.segment(symbol.value()) + "/trades", range(null, start, end), page -> {
            for (JsonNode trade : page.path("trades")) {
                out.add(AlpacaValues.trade(symbol, trade));
            }
        });
        return out;
    }

    /** Snapshots ({@code /v2/stocks/snapshots?symbols=}), keyed by symbol; symbols Alpaca does not know are absent. */
    public Map<InstrumentId, Snapshot> snapshots(Collection<InstrumentId> symbols) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("symbols", join(symbols));
        query.put("feed", feed);
        JsonNode body = http.get("/v2/stocks/snapshots", query);
        Map<InstrumentId, Snapshot> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                continue;
            }
            InstrumentId id = InstrumentId.of(e.getKey());
            JsonNode s = e.getValue();
            out.put(id, new Snapshot(id, part(s, "latestTrade", n -> AlpacaValues.trade(id, n)),
                    part(s, "latestQuote", n -> AlpacaValues.quote(id, n)),
                    part(s, "minuteBar", n -> AlpacaValues.bar(id, n, BarTimeframe.ONE_MINUTE)),
                    part(s, "dailyBar", n -> AlpacaValues.bar(id, n, BarTimeframe.of("1Day"))),
                    part(s, "prevDailyBar", n -> AlpacaValues.bar(id, n, BarTimeframe.of("1Day")))));
        }
        return out;
    }

    private static <T> T part(JsonNode snapshot, String field, java.util.function.Function<JsonNode, T> convert) {
        JsonNode node = snapshot.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return convert.apply(node);
        } catch (IllegalArgumentException unusable) {
            LOG.debug("snapshot {} unusable: {}", field, unusable.getMessage());
            return null;
        }
    }

    private <T> Map<InstrumentId, List<T>> multi(String path, Map<String, String> query, String field,
            BiFunction<InstrumentId, JsonNode, T> convert) {
        Map<InstrumentId, List<T>> out = new LinkedHashMap<>();
        pages(path, query, page -> {
            for (Iterator<Map.Entry<String, JsonNode>> it = page.path(field).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                InstrumentId id = InstrumentId.of(e.getKey());
                List<T> list = out.computeIfAbsent(id, k -> new ArrayList<>());
                for (JsonNode item : e.getValue()) {
                    list.add(convert.apply(id, item));
                }
            }
        });
        return out;
    }

    private void pages(String path, Map<String, String> query, java.util.function.Consumer<JsonNode> page) {
        Map<String, String> q = new LinkedHashMap<>(query);
        while (true) {
            JsonNode body = http.get(path, q);
            page.accept(body);
            String token = AlpacaValues.text(body, "next_page_token");
            if (token == null || token.isEmpty()) {
                return;
            }
            q.put("page_token", token);
        }
    }

    private Map<String, String> range(BarTimeframe timeframe, Instant start, Instant end) {
        Map<String, String> query = new LinkedHashMap<>();
        if (timeframe != null) {
            query.put("timeframe", timeframe.toString());
        }
        query.put("start", start == null ? null : start.toString());
        query.put("end", end == null ? null : end.toString());
        query.put("limit", PAGE_LIMIT);
        query.put("feed", feed);
        return query;
    }

    private static String join(Collection<InstrumentId> symbols) {
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("symbols: at least one is required");
        }
        return symbols.stream().map(InstrumentId::value).collect(Collectors.joining(","));
    }
}
