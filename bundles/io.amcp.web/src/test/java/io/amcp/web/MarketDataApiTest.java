package io.amcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quote;
import io.amcp.api.model.Side;
import io.amcp.api.model.TradeTick;
import io.amcp.api.model.FixedPoint;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Market data v2 over the bundled real AAPL 2013 daily bars (ta4j-examples'
 * {@code appleinc_bars_from_20130101_usd.csv}) with the first 120 of them replayed through the node.
 * Expected values are rows of that CSV, and sums over its rows computed separately with awk
 * ({@code awk -F, '$1 ~ /^2013-01/ {v+=$6}'}).
 */
class MarketDataApiTest {

    @TempDir
    static Path models;

    private static ConsoleNode node;
    private static Http http;

    @BeforeAll
    static void start() {
        node = new ConsoleNode(120, models);
        http = new Http(node.baseUrl);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static JsonObject bar(String t, double o, double h, double l, double c, long v) {
        return new JsonObject().put("t", t).put("o", o).put("h", h).put("l", l).put("c", c).put("v", v);
    }

    private static void assertBar(JsonObject actual, JsonObject expected) {
        for (String f : new String[] {"o", "h", "l", "c", "v"}) {
            assertThat(((Number) actual.getValue(f)).doubleValue()).as(f).isEqualTo(((Number) expected.getValue(f)).doubleValue());
        }
        assertThat(actual.getString("t")).isEqualTo(expected.getString("t"));
    }

    @Test
    void dailyBarsPageThroughTheDataset() {
        Http.Reply first = http.get("/v2/stocks/AAPL/bars?timeframe=1Day&start=2013-01-02&end=2013-01-05&limit=2", node.viewer);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().getString("symbol")).isEqualTo("AAPL");
        JsonArray bars = first.json().getJsonArray("bars");
        assertThat(bars).hasSize(2);
        // CSV: 2013-01-02,553.82,555.00,541.63,549.03,20018500; New York midnight is 05:00Z in January
        assertBar(bars.getJsonObject(0), bar("2013-01-02T05:00:00Z", 553.82, 555.00, 541.63, 549.03, 20018500));
        assertBar(bars.getJsonObject(1), bar("2013-01-03T05:00:00Z", 547.88, 549.67, 541.00, 542.10, 12605900));
        String token = first.json().getString("next_page_token");
        assertThat(token).isNotNull();

        Http.Reply second = http.get("/v2/stocks/AAPL/bars?timeframe=1Day&start=2013-01-02&end=2013-01-05&limit=2&page_token="
                + token, node.viewer);
        JsonArray rest = second.json().getJsonArray("bars");
        assertThat(rest).hasSize(1);
        assertBar(rest.getJsonObject(0), bar("2013-01-04T05:00:00Z", 536.97, 538.63, 525.83, 527.00, 21226200));
        assertThat(second.json().getValue("next_page_token")).isNull();
    }

    @Test
    void monthlyAndWeeklyBarsAggregateTheDays() {
        Http.Reply month = http.get("/v2/stocks/bars?symbols=AAPL,MSFT&timeframe=1Month&start=2013-01-01&end=2013-01-31",
                node.viewer);
        assertThat(month.status()).as(month.body()).isEqualTo(200);
        JsonObject bySymbol = month.json().getJsonObject("bars");
        assertThat(bySymbol.fieldNames()).containsExactly("AAPL");
        // January 2013: open of Jan 2, highest high (Jan 2), lowest low (Jan 25), close of Jan 31, volume summed
        assertBar(bySymbol.getJsonArray("AAPL").getJsonObject(0),
                bar("2013-01-01T05:00:00Z", 553.82, 555.00, 435.00, 455.49, 468_693_700));

        Http.Reply week = http.get("/v2/stocks/bars?symbols=AAPL&timeframe=1Week&start=2013-01-07&limit=1", node.viewer);
        // week of Monday 2013-01-07: open Jan 7, high Jan 8, low Jan 7, close Jan 11
        assertBar(week.json().getJsonObject("bars").getJsonArray("AAPL").getJsonObject(0),
                bar("2013-01-07T05:00:00Z", 522.00, 531.89, 515.20, 520.30, 82_218_600));
        assertThat(week.json().getString("next_page_token")).isNotNull();

        Http.Reply desc = http.get("/v2/stocks/AAPL/bars?timeframe=1Day&sort=desc&limit=1", node.viewer);
        assertBar(desc.json().getJsonArray("bars").getJsonObject(0),
                bar("2013-12-31T05:00:00Z", 554.17, 561.28, 554.00, 561.02, 7_967_300));
    }

    @Test
    void cryptoBarsComeFromTheCryptoDatasets() {
        Http.Reply r = http.get("/v1beta3/crypto/us/bars?symbols=BTC/USD&timeframe=1Hour&limit=3", node.viewer);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonArray bars = r.json().getJsonObject("bars").getJsonArray("BTC/USD");
        assertThat(bars).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonObject b = bars.getJsonObject(i);
            assertThat(b.getString("t")).startsWith("2013-11-").endsWith(":00:00Z");
            assertThat(b.getDouble("h")).isGreaterThanOrEqualTo(b.getDouble("l"));
        }
        assertThat(Instant.parse(bars.getJsonObject(1).getString("t")))
                .isEqualTo(Instant.parse(bars.getJsonObject(0).getString("t")).plusSeconds(3600));
    }

    @Test
    void badParametersAreRefusedNamingTheField() {
        Map<String, String> cases = Map.of(
                "/v2/stocks/AAPL/bars?timeframe=2Day", "timeframe",
                "/v2/stocks/AAPL/bars", "timeframe",
                "/v2/stocks/AAPL/bars?timeframe=1Day&limit=0", "limit",
                "/v2/stocks/AAPL/bars?timeframe=1Day&start=yesterday", "start",
                "/v2/stocks/AAPL/bars?timeframe=1Day&start=2013-02-01&end=2013-01-01", "end",
                "/v2/stocks/AAPL/bars?timeframe=1Day&page_token=%21%21", "page_token",
                "/v2/stocks/AAPL/bars?timeframe=1Day&feed=nasdaq", "feed",
                "/v2/stocks/bars?timeframe=1Day", "symbols",
                "/v1beta3/crypto/us/bars?symbols=BTC/USD&timeframe=60Min", "timeframe");
        cases.forEach((path, field) -> {
            Http.Reply r = http.get(path, node.viewer);
            assertThat(r.status()).as(path).isEqualTo(422);
            assertThat(r.json().getInteger("code")).isEqualTo(42210000);
            assertThat(r.json().getString("message")).as(path).startsWith(field + ":");
        });
        assertThat(http.get("/v2/stocks/AAPL/bars?timeframe=1Day", null).status()).isEqualTo(401);
        assertThat(http.get("/v1beta3/crypto/us/bars?symbols=BTC/USD&timeframe=1Day", null).status()).isEqualTo(401);
    }

    @Test
    void latestDataIsWhatTheNodeSaw() {
        InstrumentId aapl = InstrumentId.of("AAPL");
        long t = node.aapl.time()[119] + 1_000_000_000L;
        node.kernel.post(Quote.of(aapl, t, 413.25, 413.75, 300, 200));
        node.kernel.post(new TradeTick(aapl, t, FixedPoint.fromDouble(413.5), FixedPoint.fromDouble(100), Side.BUY));
        node.kernel.call(() -> null);

        // the 120th bar replayed: CSV row 2013-06-24,407.40,408.66,398.05,402.54,17169500 (a daily bar: t is its
        // last minute's start, as the node keeps no bar size)
        JsonObject latest = http.get("/v2/stocks/AAPL/bars/latest", node.viewer).json();
        assertThat(latest.getString("symbol")).isEqualTo("AAPL");
        JsonObject bar = latest.getJsonObject("bar");
        assertThat(bar.getDouble("o")).isEqualTo(407.40);
        assertThat(bar.getDouble("c")).isEqualTo(402.54);
        assertThat(bar.getLong("v")).isEqualTo(17_169_500L);
        assertThat(bar.getString("t")).isEqualTo("2013-06-24T19:59:00Z");

        JsonObject quote = http.get("/v2/stocks/AAPL/quotes/latest", node.viewer).json().getJsonObject("quote");
        assertThat(quote.getDouble("bp")).isEqualTo(413.25);
        assertThat(quote.getDouble("ap")).isEqualTo(413.75);
        assertThat(quote.getLong("bs")).isEqualTo(300L);
        assertThat(quote.getLong("as")).isEqualTo(200L);
        assertThat(quote.getString("t")).isEqualTo("2013-06-24T20:00:01Z");
        JsonObject trade = http.get("/v2/stocks/AAPL/trades/latest", node.viewer).json().getJsonObject("trade");
        assertThat(trade.getDouble("p")).isEqualTo(413.5);
        assertThat(trade.getLong("s")).isEqualTo(100L);
        assertThat(http.get("/v2/stocks/MSFT/quotes/latest", node.viewer).status()).isEqualTo(404);

        JsonObject quotes = http.get("/v2/stocks/quotes/latest?symbols=AAPL,MSFT", node.viewer).json().getJsonObject("quotes");
        assertThat(quotes.fieldNames()).containsExactly("AAPL");
        assertThat(quotes.getJsonObject("AAPL").getDouble("ap")).isEqualTo(413.75);
        assertThat(http.get("/v2/stocks/trades/latest?symbols=AAPL", node.viewer).json().getJsonObject("trades")
                .getJsonObject("AAPL").getDouble("p")).isEqualTo(413.5);
        assertThat(http.get("/v2/stocks/bars/latest?symbols=AAPL", node.viewer).json().getJsonObject("bars")
                .getJsonObject("AAPL").getDouble("c")).isEqualTo(402.54);
        assertThat(http.get("/v2/stocks/quotes/latest", node.viewer).status()).isEqualTo(422);

        JsonObject snapshots = http.get("/v2/stocks/snapshots?symbols=AAPL,MSFT", node.viewer).json();
        assertThat(snapshots.getValue("MSFT")).isNull();
        JsonObject aaplSnap = snapshots.getJsonObject("AAPL");
        assertThat(aaplSnap.getJsonObject("latestQuote").getDouble("bp")).isEqualTo(413.25);
        assertThat(aaplSnap.getJsonObject("latestTrade").getDouble("p")).isEqualTo(413.5);
        assertBar(aaplSnap.getJsonObject("dailyBar"), bar("2013-06-24T04:00:00Z", 407.40, 408.66, 398.05, 402.54, 17_169_500));
        // the 119th bar: 2013-06-21,418.49,420.00,408.10,413.50,17182800
        assertBar(aaplSnap.getJsonObject("prevDailyBar"), bar("2013-06-21T04:00:00Z", 418.49, 420.00, 408.10, 413.50, 17_182_800));
    }

    @Test
    void historicalQuotesAndTradesPageThroughWhatTheNodeReceived() {
        InstrumentId ibm = InstrumentId.of("IBM");
        long t0 = Instant.parse("2024-03-04T15:30:00.000000100Z").getEpochSecond() * 1_000_000_000L + 100;
        for (int i = 0; i < 3; i++) {
            node.server.onQuote(Quote.of(ibm, t0 + i * 1_000_000_000L, 190.00 + i, 190.05 + i, 100 * (i + 1), 200));
            node.server.onTrade(new TradeTick(ibm, t0 + i * 1_000_000_000L, FixedPoint.fromDouble(190.02 + i),
                    FixedPoint.fromDouble(10 * (i + 1)), Side.BUY));
        }

        Http.Reply first = http.get("/v2/stocks/IBM/quotes?limit=2", node.viewer);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().getString("symbol")).isEqualTo("IBM");
        JsonArray quotes = first.json().getJsonArray("quotes");
        assertThat(quotes).hasSize(2);
        JsonObject q0 = quotes.getJsonObject(0);
        assertThat(q0.fieldNames()).containsExactlyInAnyOrder("t", "ax", "ap", "as", "bx", "bp", "bs", "c", "z");
        assertThat(q0.getString("t")).isEqualTo("2024-03-04T15:30:00.000000100Z");
        assertThat(q0.getDouble("bp")).isEqualTo(190.00);
        assertThat(q0.getDouble("ap")).isEqualTo(190.05);
        assertThat(q0.getLong("bs")).isEqualTo(100L);
        assertThat(quotes.getJsonObject(1).getDouble("bp")).isEqualTo(191.00);
        Http.Reply second = http.get("/v2/stocks/IBM/quotes?limit=2&page_token=" + first.json().getString("next_page_token"),
                node.viewer);
        assertThat(second.json().getJsonArray("quotes")).hasSize(1);
        assertThat(second.json().getJsonArray("quotes").getJsonObject(0).getDouble("bp")).isEqualTo(192.00);
        assertThat(second.json().getValue("next_page_token")).isNull();

        // start and end are inclusive and keep nanoseconds: the second and third trade
        JsonArray trades = http.get("/v2/stocks/IBM/trades?start=2024-03-04T15:30:01.000000100Z&end=2024-03-04T15:30:02.000000100Z",
                node.viewer).json().getJsonArray("trades");
        assertThat(trades).hasSize(2);
        JsonObject t1 = trades.getJsonObject(0);
        assertThat(t1.fieldNames()).containsExactlyInAnyOrder("t", "x", "p", "s", "c", "i", "z");
        assertThat(t1.getDouble("p")).isEqualTo(191.02);
        assertThat(t1.getLong("s")).isEqualTo(20L);
        JsonArray newestFirst = http.get("/v2/stocks/IBM/trades?sort=desc&limit=1", node.viewer).json().getJsonArray("trades");
        assertThat(newestFirst.getJsonObject(0).getDouble("p")).isEqualTo(192.02);

        JsonObject many = http.get("/v2/stocks/trades?symbols=IBM,ORCL", node.viewer).json();
        assertThat(many.getJsonObject("trades").fieldNames()).containsExactly("IBM");
        assertThat(many.getJsonObject("trades").getJsonArray("IBM")).hasSize(3);
        assertThat(many.getValue("next_page_token")).isNull();
        assertThat(http.get("/v2/stocks/quotes?symbols=IBM&limit=1", node.viewer).json().getJsonObject("quotes")
                .getJsonArray("IBM")).hasSize(1);

        assertThat(http.get("/v2/stocks/IBM/quotes?limit=0", node.viewer).json().getString("message")).contains("limit");
        assertThat(http.get("/v2/stocks/IBM/trades?sort=up", node.viewer).status()).isEqualTo(422);
        assertThat(http.get("/v2/stocks/IBM/trades?start=2024-03-05&end=2024-03-04", node.viewer).json().getString("message"))
                .contains("end");
        assertThat(http.get("/v2/stocks/quotes", node.viewer).status()).isEqualTo(422);
        assertThat(http.get("/v2/stocks/IBM/quotes", null).status()).isEqualTo(401);
    }

    @Test
    void cryptoLatestAndSnapshotsAreWhatTheNodeSaw() {
        InstrumentId btc = InstrumentId.of("BTC/USD");
        long t = Instant.parse("2024-03-04T15:31:00Z").getEpochSecond() * 1_000_000_000L;
        node.server.onBar(Bar.of(btc, t - 86_400_000_000_000L, 62_000, 62_500, 61_800, 62_100, 12.5));
        node.server.onBar(Bar.of(btc, t, 63_000, 63_250, 62_900, 63_100, 1.25));
        node.server.onQuote(Quote.of(btc, t + 1_000_000_000L, 63_099.5, 63_100.5, 0.5, 0.75));
        node.server.onTrade(new TradeTick(btc, t + 2_000_000_000L, FixedPoint.fromDouble(63_100.25),
                FixedPoint.fromDouble(0.125), Side.SELL));

        JsonObject quote = http.get("/v1beta3/crypto/us/latest/quotes?symbols=BTC/USD", node.viewer).json()
                .getJsonObject("quotes").getJsonObject("BTC/USD");
        assertThat(quote.fieldNames()).containsExactlyInAnyOrder("t", "bp", "bs", "ap", "as");
        assertThat(quote.getDouble("bp")).isEqualTo(63_099.5);
        assertThat(quote.getDouble("as")).isEqualTo(0.75);
        JsonObject trade = http.get("/v1beta3/crypto/us/latest/trades?symbols=BTC/USD,ETH/USD", node.viewer).json()
                .getJsonObject("trades").getJsonObject("BTC/USD");
        assertThat(trade.fieldNames()).containsExactlyInAnyOrder("t", "p", "s", "i", "tks");
        assertThat(trade.getDouble("p")).isEqualTo(63_100.25);
        assertThat(trade.getString("tks")).isEqualTo("S");
        assertThat(trade.getString("t")).isEqualTo("2024-03-04T15:31:02Z");
        JsonObject bar = http.get("/v1beta3/crypto/us/latest/bars?symbols=BTC/USD", node.viewer).json()
                .getJsonObject("bars").getJsonObject("BTC/USD");
        // a minute bar ending 15:31 starts 15:30
        assertThat(bar.getString("t")).isEqualTo("2024-03-04T15:30:00Z");
        assertThat(bar.getDouble("h")).isEqualTo(63_250);
        assertThat(bar.getDouble("v")).isEqualTo(1.25);

        JsonObject snapshots = http.get("/v1beta3/crypto/us/snapshots?symbols=BTC/USD,DOGE/USD", node.viewer).json()
                .getJsonObject("snapshots");
        assertThat(snapshots.fieldNames()).containsExactly("BTC/USD");
        JsonObject snap = snapshots.getJsonObject("BTC/USD");
        assertThat(snap.getJsonObject("latestQuote").getDouble("ap")).isEqualTo(63_100.5);
        assertThat(snap.getJsonObject("latestTrade").getDouble("s")).isEqualTo(0.125);
        assertThat(snap.getJsonObject("minuteBar").getDouble("c")).isEqualTo(63_100);
        // New York days: 2024-03-04 starts 05:00Z
        assertThat(snap.getJsonObject("dailyBar").getString("t")).isEqualTo("2024-03-04T05:00:00Z");
        assertThat(snap.getJsonObject("prevDailyBar").getDouble("o")).isEqualTo(62_000);

        assertThat(http.get("/v1beta3/crypto/mars/latest/quotes?symbols=BTC/USD", node.viewer).json().getString("message"))
                .contains("loc");
        assertThat(http.get("/v1beta3/crypto/us/latest/quotes", node.viewer).status()).isEqualTo(422);
    }
}
