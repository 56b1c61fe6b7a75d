package io.amcp.datasource.yahoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.amcp.api.model.AssetClass;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.DataSourceHealth.FeedHealth;
import io.amcp.api.spi.PluginStatus;
import io.amcp.datasource.http.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against recorded chart-API answers served by a local HTTP server. Expected values are
 * the payloads' numbers written out by hand (AAPL around its 2020-08-31 4-for-1 split).
 */
class YahooFinanceClientTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");
    private static final Instant AUG_27 = Instant.parse("2020-08-27T00:00:00Z");
    private static final Instant SEP_02 = Instant.parse("2020-09-02T00:00:00Z");

    private RecordedHttpServer server;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new RecordedHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private YahooFinanceClient client(Instant now, RetryPolicy retry, Duration timeout) {
        return new YahooFinanceClient(YahooFinanceClient.Settings.of(server.baseUrl(), timeout, retry),
                java.time.Clock.fixed(now, ZoneOffset.UTC), sleeps::add);
    }

    private YahooFinanceClient client(Instant now) {
        return client(now, RetryPolicy.of(3, Duration.ofMillis(1), Duration.ofSeconds(5)), Duration.ofSeconds(5));
    }

    private static long px(String decimal) {
        return FixedPoint.parse(decimal);
    }

    @Test
    void dailyBarsAreReadAsServedWithSplitAndAdjustedClose() {
        server.replyResource(200, "aapl-1d-2020-08-27.json");

        YahooChart chart = client(SEP_02).chart(AAPL, AUG_27, SEP_02, YahooInterval.DAILY);

        URI request = server.requests().get(0);
        assertThat(request.getPath()).isEqualTo("/v8/finance/chart/AAPL");
        assertThat(request.getQuery()).contains("period1=1598486400", "period2=1599004800", "interval=1d",
                "events=div,splits");
        BarSeries bars = chart.bars();
        assertThat(bars.instrument().assetClass()).isEqualTo(AssetClass.EQUITY);
        assertThat(bars.size()).isEqualTo(4);
        // 2020-08-28, split-adjusted as Yahoo serves it: 126.0125 / 126.4425 / 124.5775 / 124.8075, 187,629,916 shares
        assertThat(bars.time()[1]).isEqualTo(Clock.toNanos(Instant.parse("2020-08-28T20:00:00Z")));
        assertThat(bars.open()[1]).isEqualTo(px("126.0125"));
        assertThat(bars.high()[1]).isEqualTo(px("126.4425"));
        assertThat(bars.low()[1]).isEqualTo(px("124.5775"));
        assertThat(bars.close()[1]).isEqualTo(px("124.8075"));
        assertThat(bars.volume()[1]).isEqualTo(187_629_916L * FixedPoint.ONE);
        // 2020-08-31, first session after the split: 127.58 / 131.00 / 126.00 / 129.04
        assertThat(bars.close()[2]).isEqualTo(px("129.04"));
        assertThat(bars.high()[2]).isEqualTo(px("131"));
        assertThat(chart.adjustedClose()).containsExactly(122.9594, 122.7616, 126.9217, 131.9794);
        assertThat(chart.currency()).isEqualTo("USD");
        assertThat(chart.corporateActions()).containsExactly(
                CorporateEvent.split(AAPL, LocalDate.of(2020, 8, 31), 4.0));
    }

    @Test
    void rawChartUndoesTheSplitForEarlierSessions() {
        server.replyResource(200, "aapl-1d-2020-08-27.json");

        YahooChart raw = client(SEP_02).rawChart(AAPL, AUG_27, SEP_02, YahooInterval.DAILY);

        BarSeries bars = raw.bars();
        // as traded on 2020-08-27 and 08-28 (before the 4:1 split): close 500.04 and 499.23
        assertThat(bars.close()[0]).isEqualTo(px("500.04"));
        assertThat(bars.open()[0]).isEqualTo(px("508.57"));
        assertThat(bars.close()[1]).isEqualTo(px("499.23"));
        assertThat(bars.low()[1]).isEqualTo(px("498.31"));
        assertThat(bars.volume()[1]).isEqualTo(46_907_479L * FixedPoint.ONE);
        assertThat(bars.volume()[0]).isEqualTo(38_888_100L * FixedPoint.ONE);
        // from the ex-date on nothing changes
        assertThat(bars.close()[2]).isEqualTo(px("129.04"));
        assertThat(bars.volume()[2]).isEqualTo(225_702_700L * FixedPoint.ONE);
    }

    @Test
    void rawChartAsksForEverythingUpToNow() {
        server.replyResource(200, "aapl-1d-2020-08-27.json");
        Instant now = Instant.parse("2020-09-03T00:00:00Z");

        YahooChart raw = client(now).rawChart(AAPL, AUG_27, Instant.parse("2020-08-29T00:00:00Z"), YahooInterval.DAILY);

        assertThat(server.requests().get(0).getQuery()).contains("period2=" + now.getEpochSecond());
        assertThat(raw.bars().size()).isEqualTo(2);
        assertThat(raw.corporateActions()).isEmpty();
        assertThat(raw.adjustedClose()).containsExactly(122.9594, 122.7616);
    }

    @Test
    void intradayBarsEndOneIntervalAfterTheirTimestampAndSkipNullRows() {
        server.replyResource(200, "aapl-5m-2020-08-31.json");

        YahooChart chart = client(SEP_02).chart(AAPL, Instant.parse("2020-08-31T13:30:00Z"),
                Instant.parse("2020-08-31T13:50:00Z"), YahooInterval.FIVE_MINUTES);

        assertThat(server.requests().get(0).getQuery()).contains("interval=5m");
        BarSeries bars = chart.bars();
        assertThat(bars.size()).isEqualTo(3);
        assertThat(bars.time()[0]).isEqualTo(Clock.toNanos(Instant.parse("2020-08-31T13:35:00Z")));
        assertThat(bars.time()[2]).isEqualTo(Clock.toNanos(Instant.parse("2020-08-31T13:50:00Z")));
        assertThat(bars.open()[0]).isEqualTo(px("127.58"));
        assertThat(bars.close()[1]).isEqualTo(px("127.33"));
        assertThat(bars.volume()[2]).isEqualTo(2_999_000L * FixedPoint.ONE);
        assertThat(chart.adjustedClose()).isEmpty();
    }

    @Test
    void corporateActionsGiveDividendsAsPaidOnTheirDay() {
        server.replyResource(200, "aapl-1mo-2020-events.json");
        Instant dec01 = Instant.parse("2020-12-01T00:00:00Z");

        List<CorporateEvent> actions = client(dec01).corporateActions(AAPL, Instant.parse("2020-08-01T00:00:00Z"), dec01);

        assertThat(server.requests().get(0).getQuery()).contains("interval=1mo", "events=div,splits");
        // Apple paid $0.82 per pre-split share on 2020-08-07 (Yahoo shows 0.205 after the 4:1 split)
        assertThat(actions).hasSize(3);
        assertThat(actions.get(0).exDate()).isEqualTo(LocalDate.of(2020, 8, 7));
        assertThat(actions.get(0).type()).isEqualTo(CorporateEvent.Type.DIVIDEND);
        assertThat(actions.get(0).value()).isCloseTo(0.82, offset(1e-12));
        assertThat(actions.get(1)).isEqualTo(CorporateEvent.split(AAPL, LocalDate.of(2020, 8, 31), 4.0));
        assertThat(actions.get(2).exDate()).isEqualTo(LocalDate.of(2020, 11, 6));
        assertThat(actions.get(2).value()).isCloseTo(0.205, offset(1e-12));
    }

    @Test
    void unknownSymbolFailsAtOnceWithYahoosErrorAndIsRecordedInHealth() {
        server.replyResource(404, "not-found.json");
        Instant now = SEP_02;
        YahooFinanceClient client = client(now);

        assertThatThrownBy(() -> client.chart(InstrumentId.of("NOSUCH"), AUG_27, SEP_02, YahooInterval.DAILY))
                .isInstanceOfSatisfying(YahooFinanceException.class, e -> {
                    assertThat(e.symbol()).isEqualTo("NOSUCH");
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.getMessage()).contains("NOSUCH", "Not Found", "No data found, symbol may be delisted");
                });
        assertThat(server.requests()).hasSize(1);
        FeedHealth health = client.health();
        assertThat(health.consecutiveFailures()).isEqualTo(1);
        assertThat(health.lastFailure()).isEqualTo(now);
        assertThat(health.lastSuccess()).isNull();
        assertThat(health.status().state()).isEqualTo(PluginStatus.State.OFFLINE);
        assertThat(health.lastError()).contains("No data found");
    }

    @Test
    void throttledAnswerIsRetriedAfterTheServersRetryAfter() {
        server.reply(429, "Too Many Requests\r\n", Map.of("Retry-After", "2", "Content-Type", "text/plain"))
                .replyResource(200, "aapl-1d-2020-08-27.json");
        YahooFinanceClient client = client(SEP_02);

        YahooChart chart = client.chart(AAPL, AUG_27, SEP_02, YahooInterval.DAILY);

        assertThat(chart.bars().size()).isEqualTo(4);
        assertThat(server.requests()).hasSize(2);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
        assertThat(client.health()).isEqualTo(new FeedHealth("chart", SEP_02, null, "", 0));
        assertThat(client.health().age(SEP_02.plusSeconds(90))).contains(Duration.ofSeconds(90));
    }

    @Test
    void serverErrorsBackOffExponentiallyThenSucceed() {
        server.reply(503, "").reply(502, "<html>Bad Gateway</html>").replyResource(200, "aapl-1d-2020-08-27.json");
        YahooFinanceClient client = client(SEP_02, RetryPolicy.of(3, Duration.ofMillis(1), Duration.ofSeconds(1)),
                Duration.ofSeconds(5));

        assertThat(client.chart(AAPL, AUG_27, SEP_02, YahooInterval.DAILY).bars().size()).isEqualTo(4);
        assertThat(sleeps).containsExactly(Duration.ofMillis(1), Duration.ofMillis(2));
    }

    @Test
    void persistentServerErrorGivesUpAfterMaxAttempts() {
        server.reply(500, "").reply(500, "").reply(500, "");
        YahooFinanceClient client = client(SEP_02);

        assertThatThrownBy(() -> client.chart(AAPL, AUG_27, SEP_02, YahooInterval.DAILY))
                .isInstanceOfSatisfying(YahooFinanceException.class, e -> {
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.getMessage()).contains("AAPL", "gave up after 3 attempt(s)", "HTTP 500");
                });
        assertThat(server.requests()).hasSize(3);
        assertThat(client.health().consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void retryAfterLongerThanTheMaximumBackoffFailsInsteadOfHoldingTheThread() {
        server.reply(429, "Too Many Requests", Map.of("Retry-After", "3600"));
        YahooFinanceClient client = client(SEP_02);

        assertThatThrownBy(() -> client.chart(AAPL, AUG_27, SEP_02, YahooInterval.DAILY))
                .isInstanceOf(YahooFinanceException.class)
                .hasMessageContaining("retry after PT1H");
        assertThat(sleeps).isEmpty();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aHangingRequestTimesOutWithoutStallingAnotherThread() throws Exception {
        server.hang();
        YahooFinanceClient client = client(SEP_02, RetryPolicy.of(1, Duration.ZERO, Duration.ZERO),
                Duration.ofMillis(300));
        CompletableFuture<Throwable> hanging = CompletableFuture.supplyAsync(() -> {
            try {
                client.chart(InstrumentId.of("SLOW"), AUG_27, SEP_02, YahooInterval.DAILY);
                return null;
            } catch (YahooFinanceException e) {
                return e;
            }
        });
        while (server.requests().isEmpty()) {
            Thread.onSpinWait();
        }
        server.replyResource(200, "aapl-1d-2020-08-27.json");

        assertThat(client.chart(AAPL, AUG_27, SEP_02, YahooInterval.DAILY).bars().size()).isEqualTo(4);
        assertThat(hanging.get()).isInstanceOf(YahooFinanceException.class)
                .hasMessageContaining("SLOW").hasMessageContaining("no answer within PT0.3S");
    }

    @Test
    void columnsOfDifferentLengthAreRejectedNamingTheField() {
        server.reply(200, RecordedHttpServer.resource("aapl-1d-2020-08-27.json")
                .replace("\"volume\": [155552400, ", "\"volume\": ["));

        assertThatThrownBy(() -> client(SEP_02).chart(AAPL, AUG_27, SEP_02, YahooInterval.DAILY))
                .isInstanceOf(YahooFinanceException.class)
                .hasMessageContaining("indicators.quote[0].volume has 3 values for 4 timestamps");
    }

    @Test
    void windowMustNotBeEmpty() {
        assertThatThrownBy(() -> client(SEP_02).chart(AAPL, SEP_02, AUG_27, YahooInterval.DAILY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from: must be before to for AAPL");
    }

    @Test
    void aWindowWithoutSessionsGivesAnEmptySeries() {
        // Yahoo leaves out timestamp and the quote columns when a window holds no session (a weekend)
        server.reply(200, "{\"chart\":{\"result\":[{\"meta\":{\"currency\":\"USD\",\"symbol\":\"AAPL\","
                + "\"exchangeTimezoneName\":\"America/New_York\",\"instrumentType\":\"EQUITY\",\"dataGranularity\":\"1d\"},"
                + "\"indicators\":{\"quote\":[{}],\"adjclose\":[{}]}}],\"error\":null}}");

        YahooChart chart = client(SEP_02).chart(AAPL, Instant.parse("2020-08-29T00:00:00Z"),
                Instant.parse("2020-08-31T00:00:00Z"), YahooInterval.DAILY);

        assertThat(chart.bars().size()).isZero();
        assertThat(chart.adjustedClose()).isEmpty();
        assertThat(chart.corporateActions()).isEmpty();
    }
}
