package io.amcp.datasource.alpaca.internal;

import static io.amcp.datasource.alpaca.FakeAlpacaServer.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.amcp.api.model.Bar;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quote;
import io.amcp.api.model.TradeTick;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.api.spi.PluginStatus;
import io.amcp.datasource.alpaca.AlpacaCredentials;
import io.amcp.datasource.alpaca.AlpacaHttp;
import io.amcp.datasource.alpaca.Backoff;
import io.amcp.datasource.alpaca.FakeAlpacaServer;
import io.amcp.datasource.alpaca.FakeAlpacaServer.Response;
import java.lang.annotation.Annotation;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The stream session against a local WebSocket server that speaks Alpaca's protocol with recorded
 * messages: auth, subscribe, data, a server-side disconnect, resubscription and REST backfill. The
 * stream tests run once per encoding: for msgpack the local server replays the same recorded JSON
 * payloads re-encoded as MessagePack by io.amcp.codec's writer ({@code t} as the timestamp
 * extension type, as Alpaca sends it) in binary frames, and decodes the client's binary frames.
 */
class AlpacaDataSourceTest {

    private static final InstrumentId SPY = InstrumentId.of("SPY");
    private static final AlpacaCredentials KEYS = AlpacaCredentials.of("PKTEST1234", "s3cr3t-value");
    /** The moment the test's connection is lost: 19:16:30, after the 19:15 bar arrived. */
    private static final java.time.Clock AT_LOSS = java.time.Clock.fixed(Instant.parse("2021-02-22T19:16:30Z"),
            ZoneOffset.UTC);

    private FakeAlpacaServer server;
    private AlpacaDataSource source;
    private final List<Bar> bars = new CopyOnWriteArrayList<>();
    private final List<Quote> quotes = new CopyOnWriteArrayList<>();
    private final List<TradeTick> trades = new CopyOnWriteArrayList<>();
    private final MarketDataSink sink = new MarketDataSink() {
        @Override
        public void onBar(Bar bar) {
            bars.add(bar);
        }

        @Override
        public void onQuote(Quote quote) {
            quotes.add(quote);
        }

        @Override
        public void onTrade(TradeTick trade) {
            trades.add(trade);
        }
    };

    @BeforeEach
    void startServer() {
        server = new FakeAlpacaServer();
        server.greeting(List.of(resource("stream-connected.json")));
        server.script((ws, message) -> {
            JsonNode m = read(message);
            return switch (m.path("action").asText()) {
                case "auth" -> "PKTEST1234".equals(m.path("key").asText()) && "s3cr3t-value".equals(m.path("secret").asText())
                        ? List.of(resource("stream-authenticated.json")) : List.of(resource("stream-auth-failed.json"));
                case "subscribe" -> List.of(resource("stream-subscription.json"));
                default -> List.of("[{\"T\":\"error\",\"code\":400,\"msg\":\"invalid syntax\"}]");
            };
        });
    }

    @AfterEach
    void stop() {
        if (source != null) {
            source.stop();
        }
        server.close();
    }

    private AlpacaDataSource source(AlpacaCredentials keys, StreamEncoding encoding) {
        server.msgpack(encoding == StreamEncoding.MSGPACK);
        AlpacaDataSettings settings = new AlpacaDataSettings(server.http(), server.ws("/v2/iex"), "iex", encoding,
                List.of(SPY),
                List.of(SPY), List.of(SPY), Backoff.of(Duration.ofMillis(20), Duration.ofMillis(200)), 2);
        source = new AlpacaDataSource(settings, keys, null, HttpClient.newHttpClient(), AT_LOSS);
        return source;
    }

    private static JsonNode read(String text) {
        try {
            return AlpacaHttp.json().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static long price(String decimal) {
        return FixedPoint.parse(decimal);
    }

    private static long nanos(String time) {
        return Clock.toNanos(Instant.parse(time));
    }

    /** Waits (bounded) for a condition the asynchronous stream brings about. */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    private long subscribes() {
        return server.received().stream().filter(m -> m.contains("\"subscribe\"")).count();
    }

    @ParameterizedTest
    @EnumSource(StreamEncoding.class)
    void authenticatesSubscribesAndPublishesBarsQuotesAndTrades(StreamEncoding encoding) throws Exception {
        source(KEYS, encoding).start(sink);
        await("subscription", () -> source.status().state() == PluginStatus.State.ONLINE);

        JsonNode auth = read(server.received().get(0));
        assertThat(auth.path("action").asText()).isEqualTo("auth");
        assertThat(auth.path("key").asText()).isEqualTo("PKTEST1234");
        assertThat(auth.path("secret").asText()).isEqualTo("s3cr3t-value");
        JsonNode subscribe = read(server.received().get(1));
        assertThat(subscribe.path("action").asText()).isEqualTo("subscribe");
        assertThat(subscribe.path("bars").toString()).isEqualTo("[\"SPY\"]");
        assertThat(subscribe.path("quotes").toString()).isEqualTo("[\"SPY\"]");
        assertThat(subscribe.path("trades").toString()).isEqualTo("[\"SPY\"]");
        boolean msgpack = encoding == StreamEncoding.MSGPACK;
        assertThat(server.upgradeContentTypes()).containsExactly(msgpack ? "application/msgpack" : "");
        assertThat(server.receivedBinary()).containsExactly(msgpack, msgpack);

        server.push(resource("stream-data-1915.json"));
        await("one bar, quote and trade", () -> !bars.isEmpty() && !quotes.isEmpty() && !trades.isEmpty());

        // b: t 19:15 (start) o 388.985 h 389.13 l 388.975 c 389.12 v 49378 -> a bar ending 19:16
        assertThat(bars).containsExactly(new Bar(SPY, nanos("2021-02-22T19:16:00Z"), price("388.985"),
                price("389.13"), price("388.975"), price("389.12"), price("49378")));
        assertThat(quotes).containsExactly(new Quote(SPY, nanos("2021-02-22T19:16:00.335689322Z"), price("389.11"),
                price("389.13"), price("1"), price("4")));
        assertThat(trades).containsExactly(new TradeTick(SPY, nanos("2021-02-22T19:16:00.408Z"), price("389.12"),
                price("1"), null));
        assertThat(source.instruments()).extracting(i -> i.id().value()).containsExactly("SPY");
    }

    @ParameterizedTest
    @EnumSource(StreamEncoding.class)
    void afterAServerDisconnectItReconnectsResubscribesAndBackfillsTheGapOnce(StreamEncoding encoding)
            throws Exception {
        server.route("GET", "/v2/stocks/bars", r -> Response.ok(resource("backfill-spy.json")));
        server.route("GET", "/v2/stocks/SPY/trades", r -> Response.ok(resource("trades-spy-gap.json")));
        source(KEYS, encoding).start(sink);
        await("subscription", () -> source.status().state() == PluginStatus.State.ONLINE);
        server.push(resource("stream-data-1915.json"));
        await("the 19:15 bar", () -> bars.size() == 1);

        server.dropAll();
        await("resubscription", () -> subscribes() == 2);
        await("backfill", () -> bars.size() == 3);
        server.push(resource("stream-data-1917.json"));
        await("the 19:18 bar", () -> bars.size() == 4);

        assertThat(server.connections()).isEqualTo(2);
        long auths = server.received().stream().filter(m -> m.contains("\"auth\"")).count();
        assertThat(auths).isEqualTo(2);
        // one backfill request, for the minutes after the loss (19:16:30 minus one minute) up to now
        List<FakeAlpacaServer.Request> backfill = server.requests("/v2/stocks/bars");
        assertThat(backfill).hasSize(1);
        assertThat(backfill.get(0).query()).containsEntry("symbols", "SPY").containsEntry("timeframe", "1Min")
                .containsEntry("start", "2021-02-22T19:15:30Z").doesNotContainKey("end");
        // 19:15 from the stream, 19:16 and 19:17 from REST (its 19:15 repeat dropped),
        // 19:18 from the stream (its 19:17 repeat dropped): every minute exactly once, in order
        assertThat(bars).extracting(Bar::time).containsExactly(nanos("2021-02-22T19:16:00Z"),
                nanos("2021-02-22T19:17:00Z"), nanos("2021-02-22T19:18:00Z"), nanos("2021-02-22T19:19:00Z"));
        assertThat(bars.get(1).close()).isEqualTo(price("389.05"));
        // trades: the last one seen (19:16:00.408) is not repeated; the one at 19:16:41 is backfilled
        assertThat(server.requests("/v2/stocks/SPY/trades").get(0).query())
                .containsEntry("start", "2021-02-22T19:16:00.408Z");
        assertThat(trades).extracting(TradeTick::time).containsExactly(nanos("2021-02-22T19:16:00.408Z"),
                nanos("2021-02-22T19:16:41.125893632Z"));
        assertThat(trades.get(1).price()).isEqualTo(price("389.08"));
        assertThat(source.stream().backfilled()).isEqualTo(3);
        assertThat(source.status()).isEqualTo(PluginStatus.ONLINE);
    }

    @ParameterizedTest
    @EnumSource(StreamEncoding.class)
    void failedAuthenticationStopsWithTheReasonAndDoesNotRetry(StreamEncoding encoding) throws Exception {
        source(AlpacaCredentials.of("PKWRONG", "nope"), encoding).start(sink);
        await("auth failure", () -> source.status().reason().contains("402"));
        await("socket stopped", () -> !source.socket().isRunning());

        assertThat(source.status().state()).isEqualTo(PluginStatus.State.OFFLINE);
        assertThat(source.status().reason()).contains("auth failed").doesNotContain("nope");
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void configurationErrorsNameTheProperty() {
        assertThatThrownBy(() -> AlpacaDataSettings.of(config("nasdaq", "SPY", "wss://stream.data.alpaca.markets")))
                .hasMessageStartingWith("feed:");
        assertThatThrownBy(() -> AlpacaDataSettings.of(config("iex", "", "wss://stream.data.alpaca.markets")))
                .hasMessageStartingWith("bars:");
        assertThatThrownBy(() -> AlpacaDataSettings.of(config("iex", "SPY", "https://stream.data.alpaca.markets")))
                .hasMessageStartingWith("streamUrl:");
        assertThatThrownBy(() -> AlpacaDataSettings.of(config("iex", "SPY", "wss://stream.data.alpaca.markets", "protobuf")))
                .hasMessage("encoding: expected json or msgpack, was 'protobuf'");
        assertThat(AlpacaDataSettings.of(config("iex", "SPY", "wss://stream.data.alpaca.markets", " MsgPack")).encoding())
                .isEqualTo(StreamEncoding.MSGPACK);
        AlpacaDataSettings ok = AlpacaDataSettings.of(config("sip", "spy, AAPL", "wss://stream.data.alpaca.markets/"));
        assertThat(ok.streamUrl()).hasToString("wss://stream.data.alpaca.markets/v2/sip");
        assertThat(ok.bars()).containsExactly(SPY, InstrumentId.of("AAPL"));
    }

    @Test
    void missingKeysLeaveTheSourceOfflineWithTheReason() {
        // no keys in the store; the environment of a test run has no Alpaca keys either
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("APCA_API_KEY_ID") == null);
        AlpacaDataSource offline = new AlpacaDataSource(config("iex", "SPY", "wss://stream.data.alpaca.markets"),
                name -> java.util.Optional.empty());
        offline.start(sink);
        assertThat(offline.status().state()).isEqualTo(PluginStatus.State.OFFLINE);
        assertThat(offline.status().reason()).contains("alpaca.key-id");
    }

    private static AlpacaDataConfig config(String feed, String bars, String streamUrl) {
        return config(feed, bars, streamUrl, "json");
    }

    private static AlpacaDataConfig config(String feed, String bars, String streamUrl, String encoding) {
        return new AlpacaDataConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return AlpacaDataConfig.class;
            }

            @Override
            public String dataUrl() {
                return "https://data.alpaca.markets";
            }

            @Override
            public String streamUrl() {
                return streamUrl;
            }

            @Override
            public String feed() {
                return feed;
            }

            @Override
            public String encoding() {
                return encoding;
            }

            @Override
            public String bars() {
                return bars;
            }

            @Override
            public String quotes() {
                return "";
            }

            @Override
            public String trades() {
                return "";
            }

            @Override
            public long reconnectInitialMillis() {
                return 1000;
            }

            @Override
            public long reconnectMaxMillis() {
                return 60_000;
            }

            @Override
            public int maxRetries() {
                return 5;
            }
        };
    }
}
