package io.amcp.datasource.alphavantage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.CredentialStore;
import io.amcp.api.spi.DataSourceHealth.FeedHealth;
import io.amcp.api.spi.PluginStatus;
import io.amcp.datasource.alphavantage.AlphaVantageException.Kind;
import io.amcp.datasource.http.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against recorded Alpha Vantage answers served by a local HTTP server. Expected values
 * are the payloads' numbers written out by hand, or identities of the figures (assets = liabilities
 * + equity, gross profit = revenue - cost of revenue, SMA = mean of the closes).
 */
class AlphaVantageClientTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");
    private static final String KEY = "TESTKEY123SECRET";
    private static final Instant NOW = Instant.parse("2020-09-02T00:00:00Z");

    private RecordedHttpServer server;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    /** Advances a minute per reading, so the rate limiter never waits unless a test fixes the time. */
    private final AtomicLong nanos = new AtomicLong();

    @BeforeEach
    void start() throws IOException {
        server = new RecordedHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AlphaVantageClient client(int requestsPerMinute, Duration maxQueueWait, Supplier<Optional<String>> key,
            boolean timeStands) {
        return new AlphaVantageClient(AlphaVantageClient.Settings.of(server.baseUrl(), Duration.ofSeconds(5),
                RetryPolicy.of(3, Duration.ofMillis(1), Duration.ofSeconds(5)), requestsPerMinute, maxQueueWait), key,
                java.time.Clock.fixed(NOW, ZoneOffset.UTC),
                timeStands ? nanos::get : () -> nanos.addAndGet(Duration.ofMinutes(1).toNanos()), sleeps::add);
    }

    private AlphaVantageClient client() {
        return client(5, Duration.ofSeconds(30), () -> Optional.of(KEY), false);
    }

    private Map<String, String> query(int request) {
        URI uri = server.requests().get(request);
        assertThat(uri.getPath()).isEqualTo("/query");
        return Arrays.stream(uri.getQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p[1]));
    }

    private static long px(String decimal) {
        return FixedPoint.parse(decimal);
    }

    @Test
    void dailyBarsAreAsTradedOldestFirstEndingAtTheClose() {
        server.replyResource(200, "aapl-daily.json");

        BarSeries bars = client().dailyBars(AAPL, OutputSize.COMPACT);

        assertThat(query(0)).containsEntry("function", "TIME_SERIES_DAILY").containsEntry("symbol", "AAPL")
                .containsEntry("outputsize", "compact").containsEntry("apikey", KEY);
        assertThat(bars.size()).isEqualTo(4);
        assertThat(bars.time()[0]).isEqualTo(Clock.toNanos(Instant.parse("2020-08-27T20:00:00Z")));
        assertThat(bars.time()[3]).isEqualTo(Clock.toNanos(Instant.parse("2020-09-01T20:00:00Z")));
        // 2020-08-28, the last session before the 4:1 split: 504.05 / 505.77 / 498.31 / 499.23, 46,907,479 shares
        assertThat(bars.open()[1]).isEqualTo(px("504.05"));
        assertThat(bars.high()[1]).isEqualTo(px("505.77"));
        assertThat(bars.low()[1]).isEqualTo(px("498.31"));
        assertThat(bars.close()[1]).isEqualTo(px("499.23"));
        assertThat(bars.volume()[1]).isEqualTo(46_907_479L * FixedPoint.ONE);
        assertThat(bars.close()[2]).isEqualTo(px("129.04"));
        assertThat(client().health().consecutiveFailures()).isZero();
    }

    @Test
    void intradayBarsEndOneIntervalAfterTheirLabel() {
        server.replyResource(200, "aapl-intraday-5min.json");

        BarSeries bars = client().intradayBars(AAPL, IntradayInterval.FIVE_MINUTES, OutputSize.COMPACT);

        assertThat(query(0)).containsEntry("function", "TIME_SERIES_INTRADAY").containsEntry("interval", "5min");
        assertThat(bars.size()).isEqualTo(3);
        // 09:30 US/Eastern (EDT) = 13:30 UTC, bar ends 13:35
        assertThat(bars.time()[0]).isEqualTo(Clock.toNanos(Instant.parse("2020-08-31T13:35:00Z")));
        assertThat(bars.open()[0]).isEqualTo(px("127.58"));
        assertThat(bars.close()[2]).isEqualTo(px("127.50"));
        assertThat(bars.volume()[1]).isEqualTo(3_850_340L * FixedPoint.ONE);
    }

    @Test
    void incomeStatementsKeepLineItemsAndDropNone() {
        server.replyResource(200, "aapl-income-statement.json");

        List<FinancialStatement> statements = client().incomeStatements(AAPL);

        assertThat(query(0)).containsEntry("function", "INCOME_STATEMENT");
        assertThat(statements).hasSize(3);
        FinancialStatement fy2023 = statements.get(0);
        assertThat(fy2023.period()).isEqualTo(FinancialStatement.Period.ANNUAL);
        assertThat(fy2023.kind()).isEqualTo(FinancialStatement.Kind.INCOME_STATEMENT);
        assertThat(fy2023.fiscalDateEnding()).isEqualTo(LocalDate.of(2023, 9, 30));
        assertThat(fy2023.reportedCurrency()).isEqualTo("USD");
        assertThat(fy2023.item(FinancialStatement.TOTAL_REVENUE)).hasValue(383_285_000_000d);
        assertThat(fy2023.item(FinancialStatement.NET_INCOME)).hasValue(96_995_000_000d);
        assertThat(fy2023.item("netInterestIncome")).hasValue(-183_000_000d);
        assertThat(fy2023.item("investmentIncomeNet")).isEmpty();
        // gross profit = revenue - cost of revenue: 383,285 - 214,137 = 169,148 (USD millions)
        assertThat(fy2023.item(FinancialStatement.TOTAL_REVENUE).getAsDouble() - fy2023.item("costOfRevenue").getAsDouble())
                .isEqualTo(fy2023.item(FinancialStatement.GROSS_PROFIT).getAsDouble());
        assertThat(statements.get(1).item(FinancialStatement.TOTAL_REVENUE)).hasValue(394_328_000_000d);
        assertThat(statements.get(2).period()).isEqualTo(FinancialStatement.Period.QUARTERLY);
        assertThat(statements.get(2).item(FinancialStatement.TOTAL_REVENUE)).hasValue(89_498_000_000d);
    }

    @Test
    void balanceSheetBalances() {
        server.replyResource(200, "aapl-balance-sheet.json");

        FinancialStatement sheet = client().balanceSheets(AAPL).get(0);

        assertThat(query(0)).containsEntry("function", "BALANCE_SHEET");
        assertThat(sheet.kind()).isEqualTo(FinancialStatement.Kind.BALANCE_SHEET);
        assertThat(sheet.item(FinancialStatement.TOTAL_ASSETS)).hasValue(352_583_000_000d);
        // 290,437 + 62,146 = 352,583 (USD millions)
        assertThat(sheet.item(FinancialStatement.TOTAL_LIABILITIES).getAsDouble()
                + sheet.item(FinancialStatement.TOTAL_SHAREHOLDER_EQUITY).getAsDouble())
                .isEqualTo(sheet.item(FinancialStatement.TOTAL_ASSETS).getAsDouble());
        assertThat(sheet.item(FinancialStatement.SHARES_OUTSTANDING)).hasValue(15_550_061_000d);
        assertThat(sheet.item("goodwill")).isEmpty();
    }

    @Test
    void earningsCarryTheReleaseDate() {
        server.replyResource(200, "aapl-earnings.json");

        Earnings earnings = client().earnings(AAPL);

        assertThat(query(0)).containsEntry("function", "EARNINGS");
        assertThat(earnings.annual()).containsExactly(new Earnings.Annual(LocalDate.of(2023, 9, 30), 6.13),
                new Earnings.Annual(LocalDate.of(2022, 9, 30), 6.11));
        Earnings.Quarterly q4 = earnings.quarterly().get(0);
        assertThat(q4.fiscalDateEnding()).isEqualTo(LocalDate.of(2023, 9, 30));
        assertThat(q4.reportedDate()).isEqualTo(LocalDate.of(2023, 11, 2));
        assertThat(q4.reportedEps()).hasValue(1.46);
        assertThat(q4.estimatedEps()).hasValue(1.39);
        assertThat(q4.surprisePercentage()).hasValue(5.036);
        assertThat(q4.reportTime()).isEqualTo("post-market");
        Earnings.Quarterly old = earnings.quarterly().get(2);
        assertThat(old.reportedEps()).hasValue(-0.0269);
        assertThat(old.estimatedEps()).isEmpty();
        assertThat(old.surprisePercentage()).isEmpty();
    }

    @Test
    void smaEqualsTheMeanOfTheLastCloses() {
        server.replyResource(200, "aapl-sma-3.json");

        IndicatorSeries sma = client().indicator(AAPL, IndicatorRequest.sma("daily", 3));

        assertThat(query(0)).containsEntry("function", "SMA").containsEntry("interval", "daily")
                .containsEntry("time_period", "3").containsEntry("series_type", "close");
        assertThat(sma.points()).extracting(IndicatorSeries.Point::time).containsExactly(
                LocalDate.of(2020, 8, 31).atStartOfDay(), LocalDate.of(2020, 9, 1).atStartOfDay());
        // split-adjusted closes 08-28, 08-31, 09-01: (124.8075 + 129.04 + 134.18) / 3 = 129.3425
        assertThat(sma.points().get(1).value("SMA")).isCloseTo((124.8075 + 129.04 + 134.18) / 3, offset(1e-9));
        assertThat(sma.points().get(0).value("SMA")).isEqualTo(126.2858);
        assertThatThrownBy(() -> sma.points().get(0).value("RSI")).hasMessageContaining("'RSI'", "[SMA]");
    }

    @Test
    void intradayIndicatorTimesAreLocalBarLabels() {
        server.replyResource(200, "aapl-rsi-14-60min.json");

        IndicatorSeries rsi = client().indicator(AAPL, IndicatorRequest.rsi("60min", 14));

        assertThat(rsi.zone()).isEqualTo(ZoneId.of("US/Eastern"));
        assertThat(rsi.points()).extracting(IndicatorSeries.Point::time).containsExactly(
                LocalDateTime.of(2020, 8, 31, 14, 30), LocalDateTime.of(2020, 8, 31, 15, 30));
        assertThat(rsi.points().get(1).value("RSI")).isEqualTo(71.2284);
    }

    @Test
    void errorMessageFailsAtOnceNamingSymbolAndFunctionButNeverTheKey() {
        server.replyResource(200, "error-invalid-call.json");
        AlphaVantageClient client = client();

        assertThatThrownBy(() -> client.dailyBars(InstrumentId.of("NOSUCH"), OutputSize.COMPACT))
                .isInstanceOfSatisfying(AlphaVantageException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_CALL);
                    assertThat(e.symbol()).isEqualTo("NOSUCH");
                    assertThat(e.getMessage()).contains("TIME_SERIES_DAILY NOSUCH", "Invalid API call")
                            .doesNotContain(KEY);
                });
        assertThat(server.requests()).hasSize(1);
        FeedHealth health = client.health();
        assertThat(health.consecutiveFailures()).isEqualTo(1);
        assertThat(health.lastFailure()).isEqualTo(NOW);
        assertThat(health.lastError()).contains("Invalid API call").doesNotContain(KEY);
        assertThat(health.status().state()).isEqualTo(PluginStatus.State.OFFLINE);
    }

    @Test
    void throttlingNoteIsRetriedWithBackoff() {
        server.replyResource(200, "note-throttled.json").replyResource(200, "note-throttled.json")
                .replyResource(200, "aapl-daily.json");
        AlphaVantageClient client = client();

        assertThat(client.dailyBars(AAPL, OutputSize.COMPACT).size()).isEqualTo(4);
        assertThat(server.requests()).hasSize(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(1), Duration.ofMillis(2));
        assertThat(client.health()).isEqualTo(new FeedHealth("query", NOW, null, "", 0));
    }

    @Test
    void persistentThrottlingGivesUpAsThrottled() {
        server.replyResource(200, "note-throttled.json").replyResource(200, "information-burst.json")
                .replyResource(200, "note-throttled.json");

        assertThatThrownBy(() -> client().earnings(AAPL)).isInstanceOfSatisfying(AlphaVantageException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
            assertThat(e.isTransient()).isTrue();
            assertThat(e.getMessage()).contains("EARNINGS AAPL", "gave up after 3 attempt(s)", "5 calls per minute");
        });
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void http429IsRetriedAfterRetryAfter() {
        server.reply(429, "{\"Information\": \"rate limited\"}", Map.of("Retry-After", "3"))
                .replyResource(200, "aapl-daily.json");

        assertThat(client().dailyBars(AAPL, OutputSize.COMPACT).size()).isEqualTo(4);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void serverErrorIsRetried() {
        server.reply(503, "Service Unavailable").replyResource(200, "aapl-earnings.json");

        assertThat(client().earnings(AAPL).annual()).hasSize(2);
        assertThat(sleeps).containsExactly(Duration.ofMillis(1));
    }

    @Test
    void dailyQuotaAndPremiumEndpointAreNotRetried() {
        server.replyResource(200, "information-daily-limit.json").replyResource(200, "information-premium.json");
        AlphaVantageClient client = client();

        assertThatThrownBy(() -> client.dailyBars(AAPL, OutputSize.FULL))
                .isInstanceOfSatisfying(AlphaVantageException.class, e -> assertThat(e.kind()).isEqualTo(Kind.QUOTA_EXHAUSTED))
                .hasMessageContaining("25 requests per day");
        assertThatThrownBy(() -> client.intradayBars(AAPL, IntradayInterval.ONE_MINUTE, OutputSize.FULL))
                .isInstanceOfSatisfying(AlphaVantageException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED))
                .hasMessageContaining("premium endpoint");
        assertThat(server.requests()).hasSize(2);
        assertThat(sleeps).isEmpty();
        assertThat(client.health().consecutiveFailures()).isEqualTo(2);
    }

    @Test
    void missingKeyFailsBeforeAnyRequestNamingCredentialAndVariable() {
        AlphaVantageClient client = client(5, Duration.ofSeconds(30),
                AlphaVantageClient.apiKeyFrom(null, name -> null), false);

        assertThatThrownBy(() -> client.dailyBars(AAPL, OutputSize.COMPACT))
                .isInstanceOfSatisfying(AlphaVantageException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MISSING_API_KEY))
                .hasMessageContaining("alphavantage.api-key").hasMessageContaining("ALPHAVANTAGE_API_KEY");
        assertThat(server.requests()).isEmpty();
        assertThat(client.health().status().reason()).contains("alphavantage.api-key");
    }

    @Test
    void keyComesFromTheCredentialStoreElseTheEnvironment() {
        CredentialStore store = name -> name.equals("alphavantage.api-key") ? Optional.of("FROMSTORE") : Optional.empty();
        CredentialStore empty = name -> Optional.of(" ");
        Map<String, String> env = Map.of("ALPHAVANTAGE_API_KEY", "FROMENV");

        assertThat(AlphaVantageClient.apiKeyFrom(store, env::get).get()).contains("FROMSTORE");
        assertThat(AlphaVantageClient.apiKeyFrom(empty, env::get).get()).contains("FROMENV");
        assertThat(AlphaVantageClient.apiKeyFrom(null, env::get).get()).contains("FROMENV");
        assertThat(AlphaVantageClient.apiKeyFrom(null, name -> null).get()).isEmpty();
    }

    @Test
    void requestsAreSpacedByTheRateLimitAndAFullQueueFailsWithoutARequest() {
        server.replyResource(200, "aapl-earnings.json").replyResource(200, "aapl-earnings.json")
                .replyResource(200, "aapl-earnings.json");
        AlphaVantageClient client = client(2, Duration.ofSeconds(60), () -> Optional.of(KEY), true);

        client.earnings(AAPL);
        client.earnings(AAPL);
        client.earnings(AAPL);

        // 2 requests a minute: slots at 0 s, 30 s and 60 s while the (fixed) time stands at 0
        assertThat(sleeps).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60));
        assertThatThrownBy(() -> client.earnings(AAPL))
                .isInstanceOfSatisfying(AlphaVantageException.class, e -> assertThat(e.kind()).isEqualTo(Kind.THROTTLED))
                .hasMessageContaining("client-side rate limit").hasMessageContaining("PT1M30S");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void aHangingRequestTimesOutWithoutStallingAnotherThread() throws Exception {
        server.hang();
        AlphaVantageClient client = new AlphaVantageClient(AlphaVantageClient.Settings.of(server.baseUrl(),
                Duration.ofMillis(300), RetryPolicy.of(1, Duration.ZERO, Duration.ZERO), 600, Duration.ofSeconds(1)),
                () -> Optional.of(KEY), java.time.Clock.fixed(NOW, ZoneOffset.UTC),
                () -> nanos.addAndGet(Duration.ofMinutes(1).toNanos()), sleeps::add);
        CompletableFuture<Throwable> hanging = CompletableFuture.supplyAsync(() -> {
            try {
                client.earnings(InstrumentId.of("SLOW"));
                return null;
            } catch (AlphaVantageException e) {
                return e;
            }
        });
        while (server.requests().isEmpty()) {
            Thread.onSpinWait();
        }
        server.replyResource(200, "aapl-earnings.json");

        assertThat(client.earnings(AAPL).annual()).hasSize(2);
        assertThat(hanging.get()).isInstanceOfSatisfying(AlphaVantageException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
            assertThat(e.getMessage()).contains("EARNINGS SLOW", "no answer within PT0.3S").doesNotContain(KEY);
        });
    }
}
