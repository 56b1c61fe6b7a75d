package io.amcp.mcp.internal;

import static io.amcp.mcp.internal.McpTestNode.call;
import static io.amcp.mcp.internal.McpTestNode.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.amcp.api.model.Quote;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Market-data, option and order-management tools against a real kernel fed with hand-made bars. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarketAndOrderToolsTest {

    @TempDir
    static Path dir;

    McpTestNode node;
    McpSyncClient trader;

    @BeforeAll
    void start() throws Exception {
        node = new McpTestNode(dir.resolve("w.json"));
        node.bar(1, 100, 101, 99, 100.5);
        node.bar(2, 100.5, 102, 100, 101);
        node.bar(3, 101, 101.5, 98, 99);
        node.bar(4, 99, 100, 97.5, 98);
        node.bar(5, 98, 99, 96, 98.5);
        node.bar(6, 98.5, 99, 98, 98.75);
        trader = node.client(node.trader);
    }

    @AfterAll
    void stop() {
        trader.close();
        node.close();
    }

    @Test
    void barsAggregateToFiveMinutes() throws Exception {
        Map<?, ?> latest = (Map<?, ?>) node.parse(call(trader, "get_stock_latest_bar", Map.of("symbol", "AAPL")));
        assertEquals(98.75, ((Number) latest.get("c")).doubleValue());
        Map<?, ?> bars = (Map<?, ?>) node.parse(call(trader, "get_stock_bars",
                Map.of("symbol", "AAPL", "timeframe", "5Min")));
        List<?> list = (List<?>) bars.get("bars");
        // bars ending 15:01..15:05 form the 15:00-15:05 bucket: open 100, high 102, low 96, close 98.5,
        // volume 5 x 1,000,000; the bar ending 15:06 starts the next bucket
        assertEquals(2, list.size());
        Map<?, ?> first = (Map<?, ?>) list.get(0);
        assertEquals(100.0, ((Number) first.get("o")).doubleValue());
        assertEquals(102.0, ((Number) first.get("h")).doubleValue());
        assertEquals(96.0, ((Number) first.get("l")).doubleValue());
        assertEquals(98.5, ((Number) first.get("c")).doubleValue());
        assertEquals(5_000_000.0, ((Number) first.get("v")).doubleValue());
        assertEquals("received by the node", bars.get("source"));
    }

    @Test
    void quotesComeFromTheFeed() throws Exception {
        McpSchema.CallToolResult none = call(trader, "get_stock_latest_quote", Map.of("symbol", "MSFT"));
        assertTrue(none.isError());
        assertEquals("no quote of MSFT has been received by the node", text(none));
        node.kernel.post(Quote.of(McpTestNode.AAPL, node.clock.nanos(), 98.7, 98.8, 300, 500));
        node.kernel.call(() -> null);
        Map<?, ?> quote = (Map<?, ?>) node.parse(call(trader, "get_stock_latest_quote", Map.of("symbol", "AAPL")));
        assertEquals(98.7, ((Number) quote.get("bp")).doubleValue());
        assertEquals(98.8, ((Number) quote.get("ap")).doubleValue());
        assertEquals(500.0, ((Number) quote.get("as")).doubleValue());
    }

    @Test
    void optionChainFromThePaperVenue() throws Exception {
        Map<?, ?> chain = (Map<?, ?>) node.parse(call(trader, "get_option_contracts",
                Map.of("underlying_symbol", "AAPL", "type", "call", "limit", 20)));
        List<?> contracts = (List<?>) chain.get("option_contracts");
        assertFalse(contracts.isEmpty());
        for (Object o : contracts) {
            Map<?, ?> c = (Map<?, ?>) o;
            assertEquals("call", c.get("type"));
            String symbol = (String) c.get("symbol");
            // OCC: root, yymmdd, C/P, strike x 1000 in 8 digits
            assertTrue(symbol.matches("AAPL\\d{6}C\\d{8}"), symbol);
            assertEquals(((Number) c.get("strike_price")).doubleValue(),
                    Long.parseLong(symbol.substring(symbol.length() - 8)) / 1000.0, 1e-9);
        }
        String symbol = (String) ((Map<?, ?>) contracts.get(0)).get("symbol");
        Map<?, ?> snap = (Map<?, ?>) node.parse(call(trader, "get_option_snapshot", Map.of("symbol", symbol)));
        Map<?, ?> quote = (Map<?, ?>) snap.get("latestQuote");
        assertTrue(((Number) quote.get("ap")).doubleValue() >= ((Number) quote.get("bp")).doubleValue());
        double delta = ((Number) ((Map<?, ?>) snap.get("greeks")).get("delta")).doubleValue();
        assertTrue(delta > 0 && delta < 1, "call delta " + delta);
        McpSchema.CallToolResult bad = call(trader, "get_option_snapshot", Map.of("symbol", "AAPL"));
        assertTrue(text(bad).contains("symbol: not an OCC option symbol"), text(bad));
    }

    @Test
    void multiLegOrdersValidateEveryLegFirst() throws Exception {
        McpSchema.CallToolResult notOption = call(trader, "place_option_order", Map.of("legs", List.of(
                Map.of("symbol", "AAPL240315C00100000", "side", "buy"), Map.of("symbol", "AAPL", "side", "buy"))));
        assertTrue(text(notOption).contains("legs[1].symbol: AAPL is not an OCC option symbol"), text(notOption));
        McpSchema.CallToolResult noLimit = call(trader, "place_option_order", Map.of("order_type", "limit",
                "legs", List.of(Map.of("symbol", "AAPL240315C00100000", "side", "buy", "limit_price", 2.5),
                        Map.of("symbol", "AAPL240315P00095000", "side", "buy"))));
        assertTrue(text(noLimit).contains("legs[1].limit_price: is required for limit orders"), text(noLimit));
        Map<?, ?> strangle = (Map<?, ?>) node.parse(call(trader, "place_option_order", Map.of("order_type", "limit",
                "client_order_id", "strangle-1", "legs", List.of(
                        Map.of("symbol", "AAPL240315C00105000", "side", "buy", "limit_price", 1.2),
                        Map.of("symbol", "AAPL240315P00095000", "side", "buy", "limit_price", 1.1)))));
        assertEquals("mleg", strangle.get("order_class"));
        List<?> legs = (List<?>) strangle.get("legs");
        assertEquals(List.of("strangle-1-leg1", "strangle-1-leg2"),
                legs.stream().map(l -> ((Map<?, ?>) l).get("client_order_id")).toList());
    }

    @Test
    void cancelAWorkingOrderById() throws Exception {
        node.parse(call(trader, "place_stock_order", Map.of("symbol", "AAPL", "side", "buy", "quantity", 1,
                "order_type", "limit", "limit_price", "50", "client_order_id", "far-below")));
        Map<?, ?> canceled = (Map<?, ?>) node.parse(call(trader, "cancel_order_by_id", Map.of("order_id", "far-below")));
        assertEquals("cancel requested", canceled.get("status"));
        node.kernel.call(() -> null);
        McpSchema.CallToolResult again = call(trader, "cancel_order_by_id", Map.of("order_id", "far-below"));
        assertTrue(text(again).contains("order_id: order far-below is already canceled"), text(again));
        McpSchema.CallToolResult unknown = call(trader, "cancel_order_by_id", Map.of("order_id", "nope"));
        assertTrue(text(unknown).contains("order_id: no order with id 'nope'"), text(unknown));
    }

    @Test
    void closeHalfAPosition() throws Exception {
        node.parse(call(trader, "place_stock_order", Map.of("symbol", "AAPL", "side", "buy", "quantity", 10)));
        node.bar(7, 98.75, 99, 98.5, 98.9);
        Map<?, ?> position = (Map<?, ?>) node.parse(call(trader, "get_open_position", Map.of("symbol", "AAPL")));
        assertNotEquals("0", position.get("qty"));
        double held = Double.parseDouble((String) position.get("qty"));
        Map<?, ?> order = (Map<?, ?>) node.parse(call(trader, "close_position",
                Map.of("symbol", "AAPL", "percentage", 50)));
        assertEquals("sell", order.get("side"));
        assertEquals(held / 2, Double.parseDouble((String) order.get("qty")), 1e-9);
        McpSchema.CallToolResult tooMuch = call(trader, "close_position", Map.of("symbol", "AAPL", "qty", 1_000));
        assertTrue(text(tooMuch).startsWith("invalid argument qty: is more than the position's"), text(tooMuch));
    }
}
