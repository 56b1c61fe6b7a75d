package io.amcp.mcp.internal;

import static io.amcp.mcp.internal.McpTestNode.call;
import static io.amcp.mcp.internal.McpTestNode.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.amcp.api.model.Quantity;
import io.amcp.api.model.StrategyId;
import io.amcp.strategy.smacross.SmaCrossStrategy;
import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Assets, activities, corporate actions and the strategy lifecycle (admin only). */
class ReferenceAndStrategyToolsTest {

    @TempDir
    Path dir;

    @Test
    void referenceData() throws Exception {
        try (McpTestNode node = new McpTestNode(dir.resolve("w.json"))) {
            node.bar(1, 100, 100, 100, 100);
            try (McpSyncClient trader = node.client(node.trader)) {
                node.parse(call(trader, "place_stock_order", Map.of("symbol", "AAPL", "side", "buy", "quantity", 3,
                        "client_order_id", "fill-me")));
                node.bar(2, 101, 101, 101, 101);
                List<?> activities = (List<?>) node.parse(call(trader, "get_account_activities", Map.of()));
                Map<?, ?> fill = (Map<?, ?>) activities.get(0);
                assertEquals("FILL", fill.get("activity_type"));
                assertEquals("fill-me", fill.get("client_order_id"));
                assertEquals("3", fill.get("qty"));

                Map<?, ?> asset = (Map<?, ?>) node.parse(call(trader, "get_asset", Map.of("symbol", "AAPL")));
                assertEquals("us_equity", asset.get("class"));
                assertTrue(text(call(trader, "get_asset", Map.of("symbol", "ZZZZ"))).contains("symbol: unknown asset ZZZZ"));
                List<?> crypto = (List<?>) node.parse(call(trader, "get_all_assets", Map.of("asset_class", "crypto")));
                assertTrue(crypto.stream().anyMatch(a -> "BTC/USD".equals(((Map<?, ?>) a).get("symbol"))),
                        "the bundled Bitstamp dataset holds BTC/USD: " + crypto);

                Map<?, ?> actions = (Map<?, ?>) node.parse(call(trader, "get_corporate_actions",
                        Map.of("symbols", List.of("AAPL"))));
                assertEquals(List.of(), actions.get("corporate_actions"));
                assertTrue(((String) actions.get("note")).contains("no corporate-actions data source"));

                Map<?, ?> history = (Map<?, ?>) node.parse(call(trader, "get_portfolio_history", Map.of("period", "1D")));
                assertEquals(1, ((List<?>) history.get("equity")).size());
                assertTrue(text(call(trader, "get_portfolio_history", Map.of("period", "soon")))
                        .contains("period: expected a number and D, W, M or A"));
            }
        }
    }

    @Test
    void onlyAdminsStopAndStartStrategies() throws Exception {
        try (McpTestNode node = new McpTestNode(dir.resolve("w.json"))) {
            node.kernel.addStrategy(new SmaCrossStrategy(StrategyId.of("sma-aapl"), McpTestNode.AAPL, 2, 3,
                    Quantity.of(1)));
            node.kernel.call(() -> null);
            try (McpSyncClient trader = node.client(node.trader); McpSyncClient admin = node.client(node.admin)) {
                List<?> strategies = (List<?>) node.parse(call(trader, "list_strategies", Map.of()));
                assertEquals("sma-aapl", ((Map<?, ?>) strategies.get(0)).get("id"));
                assertTrue(text(call(trader, "stop_strategy", Map.of("strategy_id", "sma-aapl")))
                        .contains("permission denied: stop_strategy needs role admin"));
                Map<?, ?> stopped = (Map<?, ?>) node.parse(call(admin, "stop_strategy", Map.of("strategy_id", "sma-aapl")));
                assertEquals("STOPPED", stopped.get("state"));
                Map<?, ?> started = (Map<?, ?>) node.parse(call(admin, "start_strategy", Map.of("strategy_id", "sma-aapl")));
                assertEquals("RUNNING", started.get("state"));
                assertTrue(text(call(admin, "stop_strategy", Map.of("strategy_id", "nope")))
                        .contains("strategy_id: no strategy 'nope' on this node"));
            }
        }
    }
}
