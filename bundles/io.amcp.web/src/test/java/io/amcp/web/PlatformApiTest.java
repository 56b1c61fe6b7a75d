package io.amcp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.portfolio.PositionView;
import io.amcp.api.spi.Clock;
import io.amcp.backtest.BacktestEngine;
import io.amcp.backtest.BacktestRun;
import io.amcp.backtest.metrics.RoundTripTracker;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.strategy.meanreversion.MeanReversionStrategy;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform API over a real kernel that traded the first 120 real AAPL 2013 daily bars with an
 * SMA(5/20) cross strategy on a paper exchange. Expected numbers come from hand calculations written
 * out here (SMA crosses, exposure from the ledger's positions) or from textbook values (Hull's
 * Black-Scholes example).
 */
class PlatformApiTest {

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

    private static String login(ApiKeyStore.Credentials key) {
        Http.Reply r = http.post("/api/v1/session", null,
                new JsonObject().put("key_id", key.keyId()).put("secret", key.secret()).encode());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getString("role")).isEqualTo(key.role().name().toLowerCase());
        return r.json().getString("token");
    }

    @Test
    void everyEndpointNeedsCredentials() {
        for (String path : List.of("/api/v1/strategies", "/api/v1/risk", "/api/v1/datasets", "/api/v1/bundles",
                "/api/v1/nodes", "/api/v1/audit", "/api/v1/backtests", "/api/v1/models", "/v2/account")) {
            Http.Reply r = http.get(path, null);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.json().getInteger("code")).isEqualTo(40110000);
        }
        assertThat(http.bearer("GET", "/api/v1/risk", "not-a-token", null).status()).isEqualTo(401);
    }

    @Test
    void aSessionTokenWorksOnBothApisUntilLoggedOut() {
        String token = login(node.trader);
        assertThat(http.bearer("GET", "/v2/account", token, null).json().getString("status")).isEqualTo("ACTIVE");
        assertThat(http.bearer("GET", "/api/v1/session", token, null).json().getString("key_id"))
                .isEqualTo(node.trader.keyId());
        assertThat(http.bearer("DELETE", "/api/v1/session", token, null).status()).isEqualTo(204);
        assertThat(http.bearer("GET", "/api/v1/risk", token, null).status()).isEqualTo(401);

        Http.Reply wrong = http.post("/api/v1/session", null,
                new JsonObject().put("key_id", node.trader.keyId()).put("secret", "wrong").encode());
        assertThat(wrong.status()).isEqualTo(401);
        Http.Reply missing = http.post("/api/v1/session", null, new JsonObject().put("secret", "x").encode());
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().getString("message")).startsWith("key_id:");
    }

    @Test
    void rolesAreEnforcedPerEndpoint() {
        String stop = "/api/v1/strategies/" + ConsoleNode.STRATEGY.value() + "/pause";
        assertThat(http.post(stop, node.viewer, "{}").status()).isEqualTo(403);
        Http.Reply traderKill = http.put("/api/v1/risk/kill-switch", node.trader, "{\"engaged\":true}");
        assertThat(traderKill.status()).isEqualTo(403);
        assertThat(traderKill.json().getString("message")).contains("admin");
        assertThat(http.get("/api/v1/audit", node.trader).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/backtests", node.viewer, "{}").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/strategies", node.viewer).status()).isEqualTo(200);
    }

    @Test
    void killSwitchIsSetByAdminsAndAudited() {
        Http.Reply on = http.put("/api/v1/risk/kill-switch", node.admin,
                "{\"engaged\":true,\"reason\":\"test drill\"}");
        assertThat(on.status()).isEqualTo(200);
        assertThat(node.kernel.killSwitch().isEngaged()).isTrue();
        assertThat(http.get("/api/v1/risk", node.viewer).json().getJsonObject("kill_switch").getString("reason"))
                .isEqualTo("test drill");
        JsonArray alerts = http.get("/api/v1/alerts", node.viewer).array();
        assertThat(alerts.getJsonObject(0).getString("message")).contains("test drill");
        assertThat(http.put("/api/v1/risk/kill-switch", node.admin, "{\"engaged\":false}").json().getBoolean("engaged"))
                .isFalse();
        assertThat(node.kernel.killSwitch().isEngaged()).isFalse();
        assertThat(http.put("/api/v1/risk/kill-switch", node.admin, "{\"engaged\":\"yes\"}").json().getString("message"))
                .startsWith("engaged:");

        JsonObject audit = http.get("/api/v1/audit", node.admin).json();
        List<String> actions = new ArrayList<>();
        audit.getJsonArray("entries").forEach(e -> actions.add(((JsonObject) e).getString("action")));
        assertThat(actions).containsSubsequence("kill-switch.on", "kill-switch.off");
        assertThat(audit.getLong("first_broken")).isEqualTo(-1L);
    }

    @Test
    void stateChangingAlpacaCallsAreAudited() throws InterruptedException {
        http.post("/v2/orders", node.trader, new JsonObject().put("symbol", "AAPL").put("qty", "1").put("side", "buy")
                .put("type", "limit").put("limit_price", "1.00").put("time_in_force", "gtc")
                .put("client_order_id", "audited-1").encode());
        http.delete("/v2/orders", node.trader);
        List<String> seen = List.of();
        for (int i = 0; i < 50 && seen.size() < 2; i++) {
            seen = node.audit.recent(1_000).stream().filter(e -> e.actor().equals(node.trader.keyId()))
                    .filter(e -> e.subject().equals("/v2/orders")).map(e -> e.action() + " " + e.detail()).toList();
            Thread.sleep(20);
        }
        assertThat(seen).containsSubsequence("api.post HTTP 200", "api.delete HTTP 207");
    }

    @Test
    void strategiesAreListedStoppedAndStartedAgain() {
        JsonObject s = strategy();
        assertThat(s.getString("state")).isEqualTo("RUNNING");
        assertThat(s.getLong("events_handled")).isEqualTo(120L);
        String base = "/api/v1/strategies/" + ConsoleNode.STRATEGY.value();
        assertThat(http.post(base + "/stop", node.trader, "{}").json().getString("state")).isEqualTo("STOPPED");
        assertThat(http.post(base + "/start", node.trader, "{}").json().getString("state")).isEqualTo("RUNNING");
        assertThat(http.post("/api/v1/strategies/nope/stop", node.trader, "{}").status()).isEqualTo(404);
    }

    @Test
    void parametersAreReadByViewersAndChangedByAdminsWithTheirTypes() {
        String path = "/api/v1/strategies/" + ConsoleNode.STRATEGY.value() + "/params";
        assertThat(http.get(path, node.viewer).json().getJsonObject("params").getInteger("fast")).isEqualTo(5);
        assertThat(http.put(path, node.trader, "{\"fast\":7}").status()).isEqualTo(403);
        JsonObject changed = http.put(path, node.admin, "{\"fast\":\"7\"}").json();
        assertThat(changed.getJsonObject("params").getValue("fast")).isEqualTo(7);
        Http.Reply bad = http.put(path, node.admin, "{\"slow\":\"many\"}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().getString("message")).startsWith("slow:");
        assertThat(http.put(path, node.admin, "{\"slow\":{}}").json().getString("message")).startsWith("slow:");
    }

    @Test
    void anAdminUploadsABundleToHotDeployIt() throws Exception {
        byte[] jar = ManifestReadingDeployer.bundle("com.example.strategy.breakout", "1.2.0");
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                URI.create(node.baseUrl + "/api/v1/strategies/deploy?name=breakout-1.2.0.jar"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(jar))
                .header("Content-Type", "application/java-archive");
        HttpClient client = HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> asTrader = client.send(request.copy()
                .header("APCA-API-KEY-ID", node.trader.keyId()).header("APCA-API-SECRET-KEY", node.trader.secret()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(asTrader.statusCode()).isEqualTo(403);
        java.net.http.HttpResponse<String> asAdmin = client.send(request.copy()
                .header("APCA-API-KEY-ID", node.admin.keyId()).header("APCA-API-SECRET-KEY", node.admin.secret()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(asAdmin.statusCode()).isEqualTo(200);
        JsonObject d = new JsonObject(asAdmin.body());
        assertThat(d.getString("symbolic_name")).isEqualTo("com.example.strategy.breakout");
        assertThat(d.getString("version")).isEqualTo("1.2.0");
        assertThat(d.getBoolean("updated")).isFalse();
        Http.Reply badName = http.post("/api/v1/strategies/deploy?name=../../x", node.admin, "{}");
        assertThat(badName.status()).isEqualTo(422);
        assertThat(badName.json().getString("message")).startsWith("name:");
    }

    private static JsonObject strategy() {
        return http.get("/api/v1/strategies", node.viewer).array().stream().map(JsonObject.class::cast)
                .filter(o -> o.getString("id").equals(ConsoleNode.STRATEGY.value())).findFirst().orElseThrow();
    }

    @Test
    void riskSummaryAddsUpThePositions() {
        JsonObject risk = http.get("/api/v1/risk", node.viewer).json();
        double gross = 0;
        for (PositionView p : node.kernel.positions()) {
            // quantity x last close, as the ledger marks it
            gross += Math.abs(p.quantity().toDouble() * p.lastPrice().toDouble());
        }
        assertThat(risk.getDouble("gross_exposure")).isCloseTo(gross, within(1e-6));
        assertThat(risk.getDouble("equity")).isCloseTo(node.kernel.account().equity().toDouble(), within(1e-6));
    }

    @Test
    void riskReportComesFromTheLiveRiskService() {
        try (ConsoleNode own = new ConsoleNode(119, models)) {
            // a long AAPL position for certain: buy 10 at the next bar's open besides what the strategy holds
            own.kernel.submit(StrategyId.of("risk-test"),
                    SubmitOrder.builder(InstrumentId.of("AAPL"), Side.BUY, Quantity.of(10)).build());
            own.replay(119);
            List<PositionView> open = own.kernel.positions();
            assertThat(open).extracting(p -> p.instrument().value()).containsExactly("AAPL");
            JsonObject report = new Http(own.baseUrl).get("/api/v1/risk", own.viewer).json().getJsonObject("report");
            assertThat(report.getString("limits")).isEqualTo("buying-power");
            // 120 replayed daily closes give 119 one-day returns; no one-day loss can exceed the worst day's
            double value = open.get(0).quantity().toDouble() * open.get(0).lastPrice().toDouble();
            double worst = 0;
            for (int i = 1; i < 120; i++) {
                double r = own.aapl.bar(i).closeAsDouble() / own.aapl.bar(i - 1).closeAsDouble() - 1;
                worst = Math.max(worst, -r * value);
            }
            assertThat(report.getInteger("var_history_returns")).isEqualTo(119);
            assertThat(report.getDouble("var_95")).isPositive().isLessThanOrEqualTo(report.getDouble("var_99"));
            assertThat(report.getDouble("cvar_99")).isGreaterThanOrEqualTo(report.getDouble("var_99"))
                    .isLessThanOrEqualTo(worst + 1e-6);
        }
    }

    @Test
    void riskTabSaysWhenNoRiskServiceRuns() {
        AlpacaApiServer bare = new AlpacaApiServer(node.kernel, node.keys, node.clock, AlpacaApiSettings.defaults(),
                PlatformServices.builder("node-without-risk").build());
        try {
            JsonObject risk = new Http("http://127.0.0.1:" + bare.start("127.0.0.1", 0)).get("/api/v1/risk", node.viewer)
                    .json();
            assertThat(risk.getValue("report")).isNull();
            assertThat(risk.getString("report_status")).isEqualTo("the risk report service is not running");
        } finally {
            bare.stop();
        }
    }

    @Test
    void datasetsAndTheirBarsAreServed() {
        JsonArray datasets = http.get("/api/v1/datasets", node.viewer).array();
        assertThat(datasets.stream().map(o -> ((JsonObject) o).getString("id"))).contains("aapl-2013");
        JsonObject bars = http.get("/api/v1/datasets/aapl-2013/bars?symbol=AAPL&limit=10", node.viewer).json();
        JsonArray rows = bars.getJsonArray("bars");
        assertThat(rows).hasSize(10);
        int last = node.aapl.size() - 1;
        assertThat(rows.getJsonArray(9).getDouble(4)).isEqualTo(FixedPoint.toDouble(node.aapl.close()[last]));
        assertThat(http.get("/api/v1/datasets/aapl-2013/bars?limit=0", node.viewer).json().getString("message"))
                .startsWith("limit:");
        assertThat(http.get("/api/v1/datasets/nope/bars", node.viewer).json().getString("message")).startsWith("dataset:");
    }

    @Test
    void aBacktestRunsWithProgressAndItsTradesEnterAtTheOpenAfterEachCross() throws InterruptedException {
        Http.Reply bad = http.post("/api/v1/backtests", node.trader, new JsonObject().put("dataset", "aapl-2013").encode());
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().getString("message")).startsWith("strategy:");

        Http.Reply started = http.post("/api/v1/backtests", node.trader, new JsonObject().put("strategy", "sma-cross")
                .put("dataset", "aapl-2013").put("initial_cash", 10_000)
                .put("params", new JsonObject().put("fast", 10).put("slow", 30).put("quantity", 10)).encode());
        assertThat(started.status()).isEqualTo(202);
        String id = started.json().getString("id");
        JsonObject status = started.json();
        for (int i = 0; i < 200 && !List.of("done", "failed").contains(status.getString("state")); i++) {
            Thread.sleep(50);
            status = http.get("/api/v1/backtests/" + id, node.viewer).json();
        }
        assertThat(status.getString("state")).isEqualTo("done");
        assertThat(status.getDouble("progress")).isEqualTo(1.0);
        assertThat(status.getLong("bars_total")).isEqualTo((long) node.aapl.size());

        JsonObject result = http.get("/api/v1/backtests/" + id + "/result", node.viewer).json();
        List<Double> entries = new ArrayList<>();
        result.getJsonArray("trades").forEach(t -> entries.add(((JsonObject) t).getDouble("entryPrice")));
        assertThat(entries).isEqualTo(expectedBuys(10, 30));
        assertThat(result.getJsonArray("equity_curve")).isNotEmpty();
        assertThat(result.getJsonArray("equity_curve").getJsonArray(0).getDouble(1)).isEqualTo(10_000.0);
        assertThat(result.getJsonObject("metrics").containsKey("sharpe")).isTrue();
        assertThat(http.get("/api/v1/backtests/bt-999", node.viewer).status()).isEqualTo(404);
    }

    /**
     * Each backtestable strategy with its parameters: sma-cross's are the defaults written in SmaCrossConfig
     * ({@code fast() default 10}, {@code slow() default 30}, {@code quantity() default "10"}), id and
     * symbol left out since they name an instance; an unknown strategy is refused naming the known ones.
     */
    @Test
    void backtestStrategiesListTheirParametersWithTheirDefaults() {
        JsonArray strategies = http.get("/api/v1/backtests/strategies", node.viewer).array();
        JsonObject sma = strategies.stream().map(JsonObject.class::cast).filter(o -> "sma-cross".equals(o.getString("name")))
                .findFirst().orElseThrow();
        assertThat(sma.getJsonObject("parameters")).isEqualTo(new JsonObject().put("fast", "10").put("quantity", "10")
                .put("slow", "30"));
        assertThat(List.copyOf(sma.getJsonObject("parameters").fieldNames())).containsExactly("fast", "quantity", "slow");
        assertThat(strategies.stream().map(o -> ((JsonObject) o).getString("name"))).contains("mean-reversion");

        Http.Reply unknown = http.post("/api/v1/backtests", node.trader,
                new JsonObject().put("strategy", "breakout").put("dataset", "aapl-2013").encode());
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().getString("message")).startsWith("strategy: unknown strategy 'breakout'; known: [")
                .contains("sma-cross", "mean-reversion");
    }

    /**
     * mean-reversion comes from its bundle's registered {@code BacktestStrategies}; the API's trades
     * equal those of the strategy built directly with the same parameters and replayed through the
     * backtest engine, so the parameters reached the instance the job ran.
     */
    @Test
    void aMeanReversionBacktestRunsTheRegisteredStrategyWithItsParameters() throws InterruptedException {
        assertThat(http.get("/api/v1/backtests/strategies", node.viewer).body()).contains("mean-reversion");
        Http.Reply badParameter = http.post("/api/v1/backtests", node.trader, new JsonObject()
                .put("strategy", "mean-reversion").put("dataset", "aapl-2013")
                .put("params", new JsonObject().put("rsiPeriod", "two weeks")).encode());
        assertThat(badParameter.status()).isEqualTo(422);
        assertThat(badParameter.json().getString("message")).isEqualTo("params: rsiPeriod: not an integer: 'two weeks'");

        Http.Reply started = http.post("/api/v1/backtests", node.trader, new JsonObject().put("strategy", "mean-reversion")
                .put("dataset", "aapl-2013").put("initial_cash", 100_000).put("params", new JsonObject()
                        .put("bandPeriod", 15).put("bandWidth", 1.5).put("rsiPeriod", 10).put("quantity", 20)).encode());
        assertThat(started.status()).isEqualTo(202);
        String id = started.json().getString("id");
        JsonObject status = started.json();
        for (int i = 0; i < 200 && !List.of("done", "failed").contains(status.getString("state")); i++) {
            Thread.sleep(50);
            status = http.get("/api/v1/backtests/" + id, node.viewer).json();
        }
        assertThat(status.getString("state")).as(status.encode()).isEqualTo("done");
        assertThat(status.getLong("bars_total")).isEqualTo((long) node.aapl.size());

        BacktestRun direct = new BacktestEngine(Money.of("100000"), 1.0, List.of()).run(List.of(node.aapl),
                new MeanReversionStrategy(StrategyId.of("direct"), node.aapl.instrument().id(), 15, 1.5, 10, 30, 70,
                        true, Quantity.of(20)),
                (Clock c) -> new PaperExchange(c, PaperSettings.FRICTIONLESS), null);
        List<Double> expected = new ArrayList<>();
        RoundTripTracker.pair(direct.fills()).forEach(t -> expected.add(t.entryPrice()));
        JsonObject result = http.get("/api/v1/backtests/" + id + "/result", node.viewer).json();
        List<Double> entries = new ArrayList<>();
        result.getJsonArray("trades").forEach(t -> {
            entries.add(((JsonObject) t).getDouble("entryPrice"));
            assertThat(((JsonObject) t).getDouble("quantity")).isEqualTo(20.0);
        });
        assertThat(entries).isNotEmpty().isEqualTo(expected);
        assertThat(result.getInteger("fills")).isEqualTo(direct.fills().size());
    }

    /**
     * A whole JSON number written with a fraction ({@code 20.0}, as JavaScript clients and the MCP tools
     * may send) reaches an integer parameter as {@code "20"} by the shared NumberText rule, as MCP's
     * run_backtest accepts it; a fraction that is not whole stays refused.
     */
    @Test
    void aWholeNumberWithAFractionIsAcceptedForAnIntegerParameter() {
        Http.Reply whole = http.post("/api/v1/backtests", node.trader,
                "{\"strategy\":\"sma-cross\",\"dataset\":\"aapl-2013\",\"params\":{\"fast\":10.0,\"slow\":20.0}}");
        assertThat(whole.status()).as(whole.body()).isEqualTo(202);
        Http.Reply fraction = http.post("/api/v1/backtests", node.trader,
                "{\"strategy\":\"sma-cross\",\"dataset\":\"aapl-2013\",\"params\":{\"slow\":20.5}}");
        assertThat(fraction.status()).isEqualTo(422);
        assertThat(fraction.json().getString("message")).isEqualTo("params: slow: not an integer: '20.5'");
    }

    /** Buy prices of a long-only SMA cross: the open after each upward cross of fast over slow closes. */
    private static List<Double> expectedBuys(int fast, int slow) {
        double[] close = node.aapl.closesAsDouble();
        List<Double> buys = new ArrayList<>();
        int lastSign = 0;
        boolean holding = false;
        for (int i = slow - 1; i < close.length; i++) {
            double d = mean(close, i, fast) - mean(close, i, slow);
            int sign = d > 0 ? 1 : d < 0 ? -1 : lastSign;
            if (lastSign != 0 && sign != lastSign && i + 1 < close.length) {
                if (sign > 0 && !holding) {
                    buys.add(FixedPoint.toDouble(node.aapl.open()[i + 1]));
                    holding = true;
                } else if (sign < 0 && holding) {
                    holding = false;
                }
            }
            lastSign = sign;
        }
        return buys;
    }

    private static double mean(double[] x, int end, int n) {
        double sum = 0;
        for (int i = end - n + 1; i <= end; i++) {
            sum += x[i];
        }
        return sum / n;
    }

    @Test
    void optionChainMatchesHullsBlackScholesExample() {
        // Hull, Options, Futures and Other Derivatives, example 15.6 style: S=K=100, T=1y, r=5%, vol=20%:
        // call 10.4506, put 5.5735
        JsonObject chain = http.get("/api/v1/options/chain?spot=100&volatility=0.2&rate=0.05&days=365&strikes=3&step=5",
                node.viewer).json();
        JsonObject atm = chain.getJsonArray("rows").getJsonObject(1);
        assertThat(atm.getDouble("strike")).isEqualTo(100.0);
        assertThat(atm.getJsonObject("call").getDouble("price")).isCloseTo(10.4506, within(1e-4));
        assertThat(atm.getJsonObject("put").getDouble("price")).isCloseTo(5.5735, within(1e-4));
        assertThat(http.get("/api/v1/options/chain?spot=abc", node.viewer).json().getString("message")).startsWith("spot:");
    }

    @Test
    void payoffOfALongCallLosesItsPremiumBelowTheStrike() {
        JsonObject body = new JsonObject().put("spot", 100).put("volatility", 0.2).put("rate", 0.0)
                .put("legs", new JsonArray().add(new JsonObject().put("side", "long").put("type", "call")
                        .put("strike", 100).put("days", 30).put("quantity", 1).put("premium", 5)));
        JsonObject r = http.post("/api/v1/options/payoff", node.viewer, body.encode()).json();
        // at expiry: profit = max(S - 100, 0) - 5; worst case a loss of 5, break-even at 105, profit unbounded
        assertThat(r.getDouble("max_loss")).isCloseTo(5.0, within(1e-9));
        assertThat(r.getJsonArray("breakevens").getDouble(0)).isCloseTo(105.0, within(1e-6));
        assertThat(r.getValue("max_profit")).isNull();
        JsonArray first = r.getJsonArray("payoff").getJsonArray(0);
        assertThat(first.getDouble(1)).isCloseTo(-5.0, within(1e-9));
        Http.Reply bad = http.post("/api/v1/options/payoff", node.viewer,
                body.put("legs", new JsonArray().add(new JsonObject().put("type", "swap"))).encode());
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().getString("message")).startsWith("legs[0].type:");
    }

    @Test
    void systemEndpointsDescribeThisNode() {
        assertThat(http.get("/api/v1/nodes", node.viewer).array().getJsonObject(0).getString("id")).isEqualTo("node-test");
        assertThat(http.get("/api/v1/bundles", node.viewer).array().getJsonObject(1).getString("symbolic_name"))
                .isEqualTo("io.amcp.web");
        assertThat(http.get("/api/v1/health", node.viewer).json().getString("status")).isEqualTo("UP");
        assertThat(http.get("/api/v1/metrics", node.viewer).json().getLong("api_requests")).isPositive();
        assertThat(http.get("/api/v1/models", node.viewer).array()).isEmpty();
    }

    @Test
    void theLiveStreamNeedsASessionAndCarriesOrderEvents() throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                frames.add(data.toString());
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                frames.add("closed " + status);
                return null;
            }
        };
        String ws = node.baseUrl.replace("http://", "ws://") + "/api/v1/stream?token=";
        HttpClient client = HttpClient.newHttpClient();
        client.newWebSocketBuilder().buildAsync(URI.create(ws + "forged"), listener).get(5, TimeUnit.SECONDS);
        assertThat(frames.poll(5, TimeUnit.SECONDS)).isEqualTo("closed 1008");

        WebSocket socket = client.newWebSocketBuilder().buildAsync(URI.create(ws + login(node.trader)), listener)
                .get(5, TimeUnit.SECONDS);
        try {
            assertThat(new JsonObject(frames.poll(5, TimeUnit.SECONDS)).getString("type")).isEqualTo("hello");
            http.post("/v2/orders", node.trader, new JsonObject().put("symbol", "AAPL").put("qty", "1").put("side", "buy")
                    .put("type", "limit").put("limit_price", "1.00").put("time_in_force", "gtc")
                    .put("client_order_id", "stream-1").encode());
            JsonObject order = null;
            for (int i = 0; i < 5 && order == null; i++) {
                JsonObject f = new JsonObject(frames.poll(5, TimeUnit.SECONDS));
                if ("order".equals(f.getString("type"))) {
                    order = f;
                }
            }
            assertThat(order).isNotNull();
            assertThat(order.getString("event")).isEqualTo("new");
            assertThat(order.getJsonObject("order").getString("client_order_id")).isEqualTo("stream-1");
            assertThat(order.getJsonObject("order").getString("limit_price")).isEqualTo("1");
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            http.delete("/v2/orders", node.trader);
        }
    }
}
