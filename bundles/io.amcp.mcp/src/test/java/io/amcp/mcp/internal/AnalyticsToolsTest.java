package io.amcp.mcp.internal;

import static io.amcp.mcp.internal.McpTestNode.call;
import static io.amcp.mcp.internal.McpTestNode.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.TradeTick;
import io.amcp.api.model.FixedPoint;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Portfolio optimisation and crypto sizing, checked by hand. */
class AnalyticsToolsTest {

    @TempDir
    Path dir;

    @Test
    void minimumVarianceOfTwoUncorrelatedAssets() throws Exception {
        try (McpTestNode node = new McpTestNode(dir.resolve("w.json"))) {
            // daily closes, Mon 2024-03-04 to Fri 2024-03-08 at 16:00 New York:
            // AAA returns +1%, -1%, +1%, -1%; BBB returns +2%, +2%, -2%, -2%
            double[] a = {100, 101, 99.99, 100.9899, 99.980001};
            double[] b = {100, 102, 104.04, 101.9592, 99.920016};
            for (int d = 0; d < a.length; d++) {
                long end = Instant.parse("2024-03-04T21:00:00Z").plusSeconds(86_400L * d).getEpochSecond() * 1_000_000_000L;
                node.market.onBar(Bar.of(InstrumentId.of("AAA"), end, a[d], a[d], a[d], a[d], 1));
                node.market.onBar(Bar.of(InstrumentId.of("BBB"), end, b[d], b[d], b[d], b[d], 1));
            }
            try (McpSyncClient client = node.client(node.viewer)) {
                Map<?, ?> result = (Map<?, ?>) node.parse(call(client, "optimize_portfolio",
                        Map.of("symbols", List.of("AAA", "BBB"), "covariance", "sample")));
                // the sample covariance of the two return series is 0 (sum of products: .0002 - .0002 - .0002 + .0002),
                // so w_AAA = var_BBB / (var_AAA + var_BBB) = 0.0016 / 0.0020 = 0.8 (sums of squares; divisors cancel)
                Map<?, ?> weights = (Map<?, ?>) result.get("weights");
                assertEquals(0.8, ((Number) weights.get("AAA")).doubleValue(), 1e-6);
                assertEquals(0.2, ((Number) weights.get("BBB")).doubleValue(), 1e-6);
                assertEquals(4, ((Number) result.get("observations")).intValue());
                McpSchema.CallToolResult one = call(client, "optimize_portfolio", Map.of("symbols", List.of("AAA")));
                assertTrue(text(one).contains("symbols: at least two symbols are required"), text(one));
            }
        }
    }

    @Test
    void cryptoNotionalIsSizedAtTheLastTrade() throws Exception {
        try (McpTestNode node = new McpTestNode(dir.resolve("w.json"))) {
            InstrumentId btc = InstrumentId.of("BTC/USD");
            node.kernel.post(new TradeTick(btc, node.clock.nanos(), FixedPoint.fromDouble(50_000),
                    FixedPoint.fromDouble(0.5), null));
            node.kernel.call(() -> null);
            try (McpSyncClient client = node.client(node.trader)) {
                McpSchema.CallToolResult r = call(client, "place_crypto_order",
                        Map.of("symbol", "BTC/USD", "side", "buy", "notional", 1000));
                // 1,000 USD at 50,000 USD per coin = 0.02 BTC
                Map<?, ?> order = (Map<?, ?>) node.parse(r);
                assertEquals("0.02", order.get("qty"));
                assertEquals("BTC/USD", order.get("symbol"));
                McpSchema.CallToolResult both = call(client, "place_crypto_order",
                        Map.of("symbol", "BTC/USD", "side", "buy", "notional", 1000, "qty", 1));
                assertTrue(text(both).contains("qty: give exactly one of qty and notional"), text(both));
                McpSchema.CallToolResult stock = call(client, "place_crypto_order",
                        Map.of("symbol", "AAPL", "side", "buy", "qty", 1));
                assertTrue(text(stock).contains("symbol: AAPL is not a crypto pair"), text(stock));
            }
        }
    }
}
