package io.amcp.datasource.alpaca;

import static io.amcp.datasource.alpaca.FakeAlpacaServer.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.Bar;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quote;
import io.amcp.api.model.Side;
import io.amcp.api.model.TradeTick;
import io.amcp.api.spi.Clock;
import io.amcp.datasource.alpaca.FakeAlpacaServer.Response;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Market data REST against recorded Alpaca payloads served on 127.0.0.1. */
class AlpacaMarketDataTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");
    private static final InstrumentId MSFT = InstrumentId.of("MSFT");
    private static final InstrumentId SPY = InstrumentId.of("SPY");
    private static final AlpacaCredentials KEYS = AlpacaCredentials.of("PKTEST1234", "s3cr3t-value");
    private static final java.time.Clock FIXED = java.time.Clock.fixed(Instant.parse("2021-02-01T17:00:00Z"), ZoneOffset.UTC);

    private static FakeAlpacaServer server;
    private static HttpClient client;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        server = new FakeAlpacaServer();
        client = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private AlpacaMarketData data(int maxRetries) {
        return new AlpacaMarketData(new AlpacaHttp(client, server.http(), KEYS, maxRetries, waits::add, FIXED), "iex");
    }

    private static long price(String decimal) {
        return FixedPoint.parse(decimal);
    }

    private static long nanos(String time) {
        return Clock.toNanos(Instant.parse(time));
    }

    @Test
    void barsFollowNextPageTokenAndAreStampedWithTheirEnd() {
        server.route("GET", "/v2/stocks/AAPL/bars", r -> Response.ok(resource(
                r.query().containsKey("page_token") ? "bars-aapl-page2.json" : "bars-aapl-page1.json")));

        List<Bar> bars = data(0).bars(AAPL, BarTimeframe.ONE_MINUTE, Instant.parse("2021-02-01T16:01:00Z"),
                Instant.parse("2021-02-01T16:04:00Z"));

        assertThat(bars).hasSize(3);
        // first bar of the payload: t 16:01 (start), o 133.32 h 133.74 l 133.31 c 133.5 v 9876
        assertThat(bars.get(0)).isEqualTo(new Bar(AAPL, nanos("2021-02-01T16:02:00Z"), price("133.32"),
                price("133.74"), price("133.31"), price("133.5"), price("9876")));
        assertThat(bars.get(2).time()).isEqualTo(nanos("2021-02-01T16:04:00Z"));
        assertThat(bars.get(2).close()).isEqualTo(price("133.24"));

        List<FakeAlpacaServer.Request> requests = server.requests("/v2/stocks/AAPL/bars");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).query()).containsEntry("timeframe", "1Min").containsEntry("feed", "iex")
                .containsEntry("start", "2021-02-01T16:01:00Z").doesNotContainKey("page_token");
        assertThat(requests.get(1).query()).containsEntry("page_token",
                "QUFQTHxNfDIwMjEtMDItMDFUMTY6MDI6MDAuMDAwMDAwMDAwWg==");
        assertThat(requests.get(0).headers()).containsEntry("apca-api-key-id", "PKTEST1234")
                .containsEntry("apca-api-secret-key", "s3cr3t-value");
    }

    @Test
    void multiSymbolBarsAreGroupedBySymbol() {
        server.route("GET", "/v2/stocks/bars", r -> Response.ok(resource("bars-multi.json")));

        Map<InstrumentId, List<Bar>> bars = data(0).bars(List.of(AAPL, MSFT), BarTimeframe.ONE_MINUTE,
                Instant.parse("2021-02-01T16:01:00Z"), null);

        assertThat(bars.keySet()).containsExactly(AAPL, MSFT);
        assertThat(bars.get(MSFT)).containsExactly(new Bar(MSFT, nanos("2021-02-01T16:02:00Z"), price("238.8"),
                price("239.06"), price("238.71"), price("238.9"), price("4127")));
        assertThat(server.requests("/v2/stocks/bars").get(0).query()).containsEntry("symbols", "AAPL,MSFT")
                .doesNotContainKey("end");
    }

    @Test
    void cryptoBarsUseTheV1beta3PathWithoutAFeed() {
        server.route("GET", "/v1beta3/crypto/us/bars", r -> Response.ok(resource("crypto-bars.json")));
        InstrumentId btc = InstrumentId.of("BTC/USD");

        Map<InstrumentId, List<Bar>> bars = data(0).cryptoBars(List.of(btc), BarTimeframe.ONE_MINUTE,
                Instant.parse("2022-05-27T10:18:00Z"), null);

        // fractional volume 0.5132 BTC is kept exactly
        assertThat(bars.get(btc)).containsExactly(new Bar(btc, nanos("2022-05-27T10:19:00Z"), price("37958.5"),
                price("37960.45"), price("37910.02"), price("37933.12"), price("0.5132")));
        assertThat(server.requests("/v1beta3/crypto/us/bars").get(0).query()).containsEntry("symbols", "BTC/USD")
                .doesNotContainKey("feed");
    }

    @Test
    void quotesSkipAZeroBidAndTradesKeepTheirTimes() {
        server.route("GET", "/v2/stocks/SPY/quotes", r -> Response.ok(resource("quotes-spy.json")));
        server.route("GET", "/v2/stocks/SPY/trades", r -> Response.ok(resource("trades-spy.json")));

        List<Quote> quotes = data(0).quotes(SPY, Instant.parse("2021-02-06T13:04:56Z"), null);
        List<TradeTick> trades = data(0).trades(SPY, Instant.parse("2021-02-06T13:04:56Z"), null);

        // three quotes in the payload, the second has bp 0 (no bid) and cannot be a platform quote
        assertThat(quotes).containsExactly(
                new Quote(SPY, nanos("2021-02-06T13:04:56.334320128Z"), price("387.37"), price("387.62"), price("1"), price("1")),
                new Quote(SPY, nanos("2021-02-06T13:35:08.946977536Z"), price("387.37"), price("387.62"), price("3"), price("1")));
        assertThat(trades).containsExactly(
                new TradeTick(SPY, nanos("2021-02-06T13:04:56.334320128Z"), price("387.62"), price("100"), null),
                new TradeTick(SPY, nanos("2021-02-06T13:09:42.325484032Z"), price("387.69"), price("100"), null));
    }

    @Test
    void snapshotsCarryEveryPart() {
        server.route("GET", "/v2/stocks/snapshots", r -> Response.ok(resource("snapshots.json")));

        Snapshot s = data(0).snapshots(List.of(AAPL)).get(AAPL);

        assertThat(s.latestTrade().price()).isEqualTo(price("125.91"));
        assertThat(s.latestQuote().bid()).isEqualTo(price("126.17"));
        assertThat(s.latestQuote().ask()).isEqualTo(price("126.2"));
        // the daily bar starting 2021-05-11T04:00Z ends a day later
        assertThat(s.dailyBar().time()).isEqualTo(nanos("2021-05-12T04:00:00Z"));
        assertThat(s.prevDailyBar().close()).isEqualTo(price("126.85"));
        assertThat(s.minuteBar().volume()).isEqualTo(price("1260"));
    }

    @Test
    void rateLimitedRequestIsRetriedAfterRetryAfter() {
        AtomicInteger calls = new AtomicInteger();
        server.route("GET", "/v2/stocks/MSFT/bars", r -> calls.getAndIncrement() == 0
                ? new Response(429, Map.of("Retry-After", "3"), resource("error-429.json"))
                : Response.ok("{\"bars\":[],\"symbol\":\"MSFT\",\"next_page_token\":null}"));

        assertThat(data(2).bars(MSFT, BarTimeframe.ONE_MINUTE, Instant.parse("2021-02-01T16:00:00Z"), null)).isEmpty();
        assertThat(calls).hasValue(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void rateLimitResetHeaderGivesTheWaitWhenRetryAfterIsAbsent() {
        AtomicInteger calls = new AtomicInteger();
        // X-RateLimit-Reset 1612198805 = 2021-02-01T17:00:05Z, five seconds after the fixed clock
        server.route("GET", "/v2/stocks/IBM/bars", r -> calls.getAndIncrement() == 0
                ? new Response(429, Map.of("X-RateLimit-Reset", "1612198805"), resource("error-429.json"))
                : Response.ok("{\"bars\":[],\"symbol\":\"IBM\",\"next_page_token\":null}"));

        data(1).bars(InstrumentId.of("IBM"), BarTimeframe.ONE_MINUTE, Instant.parse("2021-02-01T16:00:00Z"), null);

        assertThat(waits).containsExactly(Duration.ofSeconds(5));
    }

    /** ResilientHttp.retryAfter: an unreadable Retry-After counts as absent (it used to mean one second here). */
    @Test
    void anUnreadableRetryAfterFallsBackToTheRateLimitReset() {
        AtomicInteger calls = new AtomicInteger();
        // X-RateLimit-Reset 1612198805 = 2021-02-01T17:00:05Z, five seconds after the fixed clock
        server.route("GET", "/v2/stocks/AMD/bars", r -> calls.getAndIncrement() == 0
                ? new Response(429, Map.of("Retry-After", "soon", "X-RateLimit-Reset", "1612198805"),
                        resource("error-429.json"))
                : Response.ok("{\"bars\":[],\"symbol\":\"AMD\",\"next_page_token\":null}"));

        data(1).bars(InstrumentId.of("AMD"), BarTimeframe.ONE_MINUTE, Instant.parse("2021-02-01T16:00:00Z"), null);

        assertThat(waits).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void rateLimitBeyondTheRetriesIsThrownWithAlpacasCode() {
        server.route("GET", "/v2/stocks/TSLA/bars",
                r -> new Response(429, Map.of("Retry-After", "1"), resource("error-429.json")));

        assertThatThrownBy(() -> data(2).bars(InstrumentId.of("TSLA"), BarTimeframe.ONE_MINUTE,
                Instant.parse("2021-02-01T16:00:00Z"), null))
                .isInstanceOfSatisfying(AlpacaApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.code()).isEqualTo(42910000L);
                    assertThat(e.apiMessage()).isEqualTo("rate limit exceeded");
                });
        assertThat(server.requests("/v2/stocks/TSLA/bars")).hasSize(3);
        assertThat(waits).hasSize(2);
    }

    @Test
    void forbiddenIsThrownWithTheMessageAndWithoutTheSecret() {
        server.route("GET", "/v2/stocks/NVDA/bars", r -> new Response(403, Map.of(), resource("error-403.json")));

        assertThatThrownBy(() -> data(0).bars(InstrumentId.of("NVDA"), BarTimeframe.ONE_MINUTE,
                Instant.parse("2021-02-01T16:00:00Z"), null))
                .isInstanceOf(AlpacaApiException.class)
                .hasMessageContaining("HTTP 403").hasMessageContaining("code 40310000")
                .hasMessageContaining("access denied").hasMessageNotContaining("s3cr3t-value");
    }

    @Test
    void timeframesParseAlpacasText() {
        assertThat(BarTimeframe.of("15Min").end(Instant.parse("2021-02-01T16:00:00Z")))
                .isEqualTo(Instant.parse("2021-02-01T16:15:00Z"));
        assertThat(BarTimeframe.of("1Month").end(Instant.parse("2021-02-01T05:00:00Z")))
                .isEqualTo(Instant.parse("2021-03-01T05:00:00Z"));
        assertThat(BarTimeframe.of("1Hour")).hasToString("1Hour");
        assertThatThrownBy(() -> BarTimeframe.of("1Fortnight")).hasMessageStartingWith("timeframe:");
    }

    @Test
    void cryptoTradesCarryTheTakerSide() {
        var trade = AlpacaHttp.json().createObjectNode().put("t", "2022-05-27T10:18:00.123Z").put("p", "37933.12")
                .put("s", "0.0012").put("i", 1234).put("tks", "S");
        assertThat(AlpacaValues.trade(InstrumentId.of("BTC/USD"), trade).aggressor()).isEqualTo(Side.SELL);
        assertThatThrownBy(() -> AlpacaValues.trade(SPY, AlpacaHttp.json().createObjectNode().put("t", "x")))
                .hasMessageStartingWith("t:");
    }
}
