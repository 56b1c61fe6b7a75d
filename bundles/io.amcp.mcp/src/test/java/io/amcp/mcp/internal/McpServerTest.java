package io.amcp.mcp.internal;

import static io.amcp.mcp.internal.McpTestNode.call;
import static io.amcp.mcp.internal.McpTestNode.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.StrategyId;
import io.amcp.api.spi.BacktestStrategies;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.Strategy;
import io.amcp.backtest.BacktestEngine;
import io.amcp.backtest.BacktestRun;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.datasource.file.BundledDatasets;
import io.amcp.strategy.meanreversion.MeanReversionStrategy;
import io.amcp.strategy.meanreversion.internal.MeanReversionBacktests;
import io.amcp.strategy.smacross.SmaCrossStrategy;
import io.amcp.strategy.smacross.internal.SmaCrossBacktests;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The MCP server over Streamable HTTP, driven by the Java MCP SDK's client against a real kernel. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpServerTest {

    /** The tool names of the official Alpaca MCP server (alpacahq/alpaca-mcp-server) plus the platform's. */
    static final Set<String> EXPECTED_TOOLS = Set.of("get_account_info", "get_all_positions", "get_open_position",
            "close_position", "close_all_positions", "get_orders", "place_stock_order", "place_crypto_order",
            "place_option_order", "cancel_order_by_id", "cancel_all_orders", "get_stock_bars",
            "get_stock_latest_quote", "get_stock_latest_trade", "get_stock_latest_bar", "get_stock_snapshot",
            "get_crypto_bars", "get_option_contracts", "get_option_latest_quote", "get_option_snapshot",
            "get_market_clock", "get_market_calendar", "get_asset", "get_all_assets", "get_watchlists",
            "create_watchlist", "update_watchlist", "get_portfolio_history", "get_account_activities",
            "get_corporate_actions", "run_backtest", "list_strategies", "start_strategy", "stop_strategy",
            "get_risk_report", "price_option", "optimize_portfolio");

    @TempDir
    static Path dir;

    McpTestNode node;
    McpSyncClient trader;

    @BeforeAll
    void start() throws Exception {
        node = new McpTestNode(dir.resolve("watchlists.json"));
        node.bar(1, 190, 191, 189, 190);
        trader = node.client(node.trader);
    }

    @AfterAll
    void stop() {
        if (trader != null) {
            trader.close();
        }
        node.close();
    }

    @Test
    void listsEveryToolWithAnObjectSchema() {
        List<McpSchema.Tool> tools = trader.listTools().tools();
        Set<String> names = tools.stream().map(McpSchema.Tool::name).collect(Collectors.toSet());
        assertEquals(EXPECTED_TOOLS, names);
        for (McpSchema.Tool tool : tools) {
            assertNotNull(tool.inputSchema(), tool.name());
            assertEquals("object", tool.inputSchema().get("type"), tool.name());
            assertNotNull(tool.description(), tool.name());
        }
    }

    @Test
    void accountInfoShowsTheStartingCash() throws Exception {
        McpSyncClient viewer = node.client(node.viewer);
        try {
            Map<?, ?> account = (Map<?, ?>) node.parse(call(viewer, "get_account_info", Map.of()));
            assertEquals("USD", account.get("currency"));
            assertEquals(Boolean.FALSE, account.get("trading_blocked"));
            assertTrue(account.containsKey("buying_power"));
        } finally {
            viewer.close();
        }
    }

    @Test
    void placedOrderIsListedAndFills() throws Exception {
        Map<?, ?> order = (Map<?, ?>) node.parse(call(trader, "place_stock_order", Map.of("symbol", "aapl",
                "side", "buy", "quantity", 10, "order_type", "market", "client_order_id", "mcp-test-1")));
        assertEquals("mcp-test-1", order.get("client_order_id"));
        assertEquals("AAPL", order.get("symbol"));
        assertEquals("10", order.get("qty"));
        List<?> orders = (List<?>) node.parse(call(trader, "get_orders", Map.of("status", "all")));
        assertTrue(orders.stream().anyMatch(o -> "mcp-test-1".equals(((Map<?, ?>) o).get("client_order_id"))),
                orders.toString());
        assertTrue(orders.stream().allMatch(o -> ((Map<?, ?>) o).get("owner").toString()
                .equals("mcp." + node.trader.keyId())), orders.toString());
    }

    @Test
    void badArgumentsNameTheArgument() {
        McpSchema.CallToolResult negative = call(trader, "place_stock_order",
                Map.of("symbol", "AAPL", "side", "buy", "quantity", -5));
        assertTrue(negative.isError());
        assertTrue(text(negative).contains("quantity: must be positive"), text(negative));

        McpSchema.CallToolResult side = call(trader, "place_stock_order",
                Map.of("symbol", "AAPL", "side", "hold", "quantity", 1));
        assertTrue(side.isError());
        assertTrue(text(side).contains("side: must be one of [buy, sell]"), text(side));

        McpSchema.CallToolResult limit = call(trader, "place_stock_order",
                Map.of("symbol", "AAPL", "side", "buy", "quantity", 1, "order_type", "limit"));
        assertTrue(limit.isError());
        assertTrue(text(limit).contains("limit_price"), text(limit));

        McpSchema.CallToolResult unknown = call(trader, "get_orders", Map.of("colour", "red"));
        assertTrue(unknown.isError());
        assertTrue(text(unknown).contains("colour: unknown argument"), text(unknown));
    }

    @Test
    void viewerMayReadButNotTrade() {
        McpSyncClient viewer = node.client(node.viewer);
        try {
            McpSchema.CallToolResult refused = call(viewer, "place_stock_order",
                    Map.of("symbol", "AAPL", "side", "buy", "quantity", 1));
            assertTrue(refused.isError());
            assertTrue(text(refused).contains("permission denied: place_stock_order needs role trader"), text(refused));
            assertFalse(call(viewer, "get_all_positions", Map.of()).isError());
        } finally {
            viewer.close();
        }
    }

    @Test
    void requestsWithoutAValidTokenAre401() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl + "/mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(initialize));
        HttpResponse<String> none = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, none.statusCode());
        assertEquals("Bearer realm=\"amcp\"", none.headers().firstValue("WWW-Authenticate").orElse(""));
        HttpResponse<String> wrong = http.send(request.header("Authorization", "Bearer " + node.trader.keyId()
                + ":not-the-secret-at-all").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrong.statusCode());
        assertThrows(RuntimeException.class, () -> node.client(null));
    }

    @Test
    void killSwitchBlocksOrders() throws Exception {
        node.kernel.killSwitch().engage("desk halted by test");
        try {
            McpSchema.CallToolResult blocked = call(trader, "place_stock_order",
                    Map.of("symbol", "AAPL", "side", "buy", "quantity", 1));
            assertTrue(blocked.isError());
            assertTrue(text(blocked).startsWith("order rejected: "), text(blocked));
            assertTrue(text(blocked).contains("kill switch engaged"), text(blocked));
            Map<?, ?> report = (Map<?, ?>) node.parse(call(trader, "get_risk_report", Map.of()));
            assertEquals(Boolean.TRUE, report.get("killSwitchEngaged"));
            assertEquals("desk halted by test", report.get("killSwitchReason"));
        } finally {
            node.kernel.killSwitch().release();
        }
    }

    @Test
    void pricesAnOptionAsHull() throws Exception {
        // Hull, Options, Futures and Other Derivatives: S=K=100, T=1, r=5%, sigma=20% -> call 10.4506, delta 0.6368
        Map<?, ?> v = (Map<?, ?>) node.parse(call(trader, "price_option", Map.of("type", "call", "spot", 100,
                "strike", 100, "years", 1, "volatility", 0.2, "rate", 0.05)));
        assertEquals(10.4506, ((Number) v.get("price")).doubleValue(), 1e-4);
        assertEquals(0.6368, ((Number) v.get("delta")).doubleValue(), 1e-4);
        McpSchema.CallToolResult bad = call(trader, "price_option", Map.of("type", "call", "spot", 100,
                "strike", 100, "years", 1, "volatility", 0));
        assertTrue(bad.isError());
        assertTrue(text(bad).contains("volatility: must be positive"), text(bad));
    }

    @Test
    void marketClockFollowsTheNyseSession() throws Exception {
        // the node's clock is Monday 2024-03-04 10:01 New York: open, closing 16:00 EST the same day
        Map<?, ?> clock = (Map<?, ?>) node.parse(call(trader, "get_market_clock", Map.of()));
        assertEquals(Boolean.TRUE, clock.get("is_open"));
        assertEquals("2024-03-04T16:00-05:00", clock.get("next_close"));
        assertEquals("2024-03-05T09:30-05:00", clock.get("next_open"));
        // Good Friday 2024-03-29 is an NYSE holiday
        List<?> days = (List<?>) node.parse(call(trader, "get_market_calendar",
                Map.of("start", "2024-03-28", "end", "2024-04-01")));
        assertEquals(List.of("2024-03-28", "2024-04-01"), days.stream().map(d -> ((Map<?, ?>) d).get("date")).toList());
    }

    @Test
    void watchlistsPersist() throws Exception {
        Map<?, ?> created = (Map<?, ?>) node.parse(call(trader, "create_watchlist",
                Map.of("name", "tech", "symbols", List.of("aapl", "MSFT"))));
        assertEquals(List.of("AAPL", "MSFT"), created.get("symbols"));
        Map<?, ?> updated = (Map<?, ?>) node.parse(call(trader, "update_watchlist",
                Map.of("watchlist_id", created.get("id"), "symbols", List.of("NVDA"))));
        assertEquals(List.of("NVDA"), updated.get("symbols"));
        WatchlistStore reopened = new WatchlistStore(dir.resolve("watchlists.json"), node.json);
        assertEquals(List.of("NVDA"), reopened.find("tech").orElseThrow().symbols());
        McpSchema.CallToolResult duplicate = call(trader, "create_watchlist", Map.of("name", "tech"));
        assertTrue(text(duplicate).contains("name: a watchlist named 'tech' exists already"), text(duplicate));
    }

    @Test
    void backtestsTheBundledAppleYear() throws Exception {
        Map<?, ?> result = (Map<?, ?>) node.parse(call(trader, "run_backtest",
                Map.of("dataset", "aapl-2013", "fast", 5, "slow", 20)));
        // 2013 had 252 NYSE sessions
        assertEquals(252, ((Number) result.get("bars")).intValue());
        assertEquals("AAPL", result.get("symbol"));
        McpSchema.CallToolResult unknown = call(trader, "run_backtest", Map.of("dataset", "nope"));
        assertTrue(text(unknown).startsWith("invalid argument dataset: unknown dataset 'nope'"), text(unknown));
        // sma-cross is built by SmaCrossStrategy.of: slow defaults to SmaCrossConfig's 30, and the strategy's
        // own check names the argument at fault
        McpSchema.CallToolResult crossed = call(trader, "run_backtest", Map.of("dataset", "aapl-2013", "fast", 40));
        assertTrue(text(crossed).startsWith("invalid argument slow: must be greater than fast (40), was 30"),
                text(crossed));
    }

    @Test
    void backtestsAStrategyABundleOffers() throws Exception {
        // what a strategy bundle registers: here the SMA cross again under another name, with its parameters as text
        BacktestStrategies offered = new BacktestStrategies() {
            @Override
            public List<String> names() {
                return List.of("sma-offered");
            }

            @Override
            public Strategy create(String name, StrategyId id, String symbol, Map<String, String> p) {
                int fast;
                try {
                    fast = Integer.parseInt(p.getOrDefault("fast", "10"));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("fast: not an integer: '" + p.get("fast") + "'");
                }
                return new SmaCrossStrategy(id, InstrumentId.of(symbol), fast, Integer.parseInt(p.getOrDefault("slow", "30")),
                        Quantity.of(10));
            }
        };
        node.backtests.add(offered);
        try {
            Map<?, ?> builtIn = (Map<?, ?>) node.parse(call(trader, "run_backtest",
                    Map.of("dataset", "aapl-2013", "fast", 5, "slow", 20)));
            Map<?, ?> viaBundle = (Map<?, ?>) node.parse(call(trader, "run_backtest",
                    Map.of("dataset", "aapl-2013", "strategy", "sma-offered", "parameters", Map.of("fast", 5, "slow", "20"))));
            // 2013 had 252 NYSE sessions; the same strategy and parameters trade the same way
            assertEquals(252, ((Number) viaBundle.get("bars")).intValue());
            assertEquals("sma-offered", viaBundle.get("strategy"));
            assertEquals(Map.of("fast", "5", "slow", "20"), viaBundle.get("parameters"));
            assertEquals(builtIn.get("fills"), viaBundle.get("fills"));
            assertEquals(builtIn.get("final_equity"), viaBundle.get("final_equity"));

            McpSchema.CallToolResult bad = call(trader, "run_backtest",
                    Map.of("dataset", "aapl-2013", "strategy", "sma-offered", "parameters", Map.of("fast", "five")));
            assertTrue(text(bad).startsWith("invalid argument parameters: fast: not an integer: 'five'"), text(bad));
            McpSchema.CallToolResult unknown = call(trader, "run_backtest", Map.of("dataset", "aapl-2013", "strategy", "nope"));
            assertTrue(text(unknown).startsWith("invalid argument strategy: unknown 'nope' (known: [sma-cross, sma-offered])"),
                    text(unknown));
            McpSchema.CallToolResult mixed = call(trader, "run_backtest",
                    Map.of("dataset", "aapl-2013", "strategy", "sma-offered", "fast", 5));
            assertTrue(text(mixed).startsWith("invalid argument fast: belongs to sma-cross"), text(mixed));
        } finally {
            node.backtests.remove(offered);
        }
    }

    /**
     * mean-reversion from its bundle's registered {@code BacktestStrategies} component: the tool's fills
     * and final equity equal the strategy built directly with the same parameters and replayed through
     * the backtest engine on a frictionless paper exchange (the tool's defaults).
     */
    @Test
    void backtestsMeanReversionFromItsBundle() throws Exception {
        List<BacktestStrategies> registered = List.of(new SmaCrossBacktests(), new MeanReversionBacktests());
        node.backtests.addAll(registered);
        try {
            Map<?, ?> viaTool = (Map<?, ?>) node.parse(call(trader, "run_backtest", Map.of("dataset", "aapl-2013",
                    "strategy", "mean-reversion", "parameters",
                    Map.of("bandPeriod", 15, "bandWidth", 1.5, "rsiPeriod", 10, "quantity", "20"))));

            BarSeries aapl = new BundledDatasets().load(BundledDatasets.AAPL_2013).get(0);
            BacktestRun direct = new BacktestEngine(Money.of("100000"), 1.0, List.of()).run(List.of(aapl),
                    new MeanReversionStrategy(StrategyId.of("direct"), aapl.instrument().id(), 15, 1.5, 10, 30, 70, true,
                            Quantity.of(20)),
                    (Clock c) -> new PaperExchange(c, PaperSettings.FRICTIONLESS), null);
            assertEquals("mean-reversion", viaTool.get("strategy"));
            assertEquals(252, ((Number) viaTool.get("bars")).intValue());
            assertTrue(direct.fills().size() > 0, "the direct run trades");
            assertEquals(direct.fills().size(), ((Number) viaTool.get("fills")).intValue());
            assertEquals(direct.finalAccount().equity().toDouble(), ((Number) viaTool.get("final_equity")).doubleValue());

            McpSchema.CallToolResult bad = call(trader, "run_backtest", Map.of("dataset", "aapl-2013",
                    "strategy", "mean-reversion", "parameters", Map.of("rsiPeriod", "two weeks")));
            assertTrue(text(bad).startsWith("invalid argument parameters: rsiPeriod: not an integer: 'two weeks'"),
                    text(bad));
            // sma-cross, built in and offered by its bundle too, is listed once
            McpSchema.CallToolResult unknown = call(trader, "run_backtest", Map.of("dataset", "aapl-2013",
                    "strategy", "nope"));
            assertTrue(text(unknown).startsWith("invalid argument strategy: unknown 'nope' (known: [sma-cross, "
                    + "mean-reversion])"), text(unknown));
        } finally {
            node.backtests.removeAll(registered);
        }
    }
}
