package io.amcp.mcp.internal;

import static io.amcp.mcp.internal.McpTestNode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code get_risk_report} over a live position, checked against a hand calculation. */
class LiveRiskReportTest {

    @TempDir
    Path dir;

    @Test
    void historicalVarOfOnePositionByHand() throws Exception {
        try (McpTestNode node = new McpTestNode(dir.resolve("w.json"))) {
            McpSyncClient trader = node.client(node.trader);
            try {
                node.bar(1, 100, 100, 100, 100);
                node.parse(call(trader, "place_stock_order", Map.of("symbol", "AAPL", "side", "buy", "quantity", 10)));
                // closes 100, 110, 99, 108.9, 98.01: returns +10%, -10%, +10%, -10%
                node.bar(2, 100, 110, 100, 110);
                node.bar(3, 110, 110, 99, 99);
                node.bar(4, 99, 108.9, 99, 108.9);
                node.bar(5, 108.9, 108.9, 98.01, 98.01);
                Map<?, ?> report = (Map<?, ?>) node.parse(call(trader, "get_risk_report", Map.of()));
                // 10 shares marked at 98.01: exposure 980.1, all of it in AAPL
                assertEquals(980.1, ((Number) report.get("grossExposure")).doubleValue(), 1e-9);
                assertEquals(Map.of("AAPL", 1.0), report.get("concentration"));
                assertEquals(1.0, ((Number) report.get("herfindahl")).doubleValue(), 1e-12);
                // docs/risk.md: P&L_t = e r_t = 980.1 x (+-0.10); n = 4, k = ceil(4 (1 - c)) = 1 at 95% and 99%,
                // so VaR = CVaR = -p(1) = 98.01
                assertEquals(4, ((Number) report.get("historyReturns")).intValue());
                List<?> var = (List<?>) report.get("valueAtRisk");
                assertEquals(2, var.size());
                for (Object o : var) {
                    Map<?, ?> figure = (Map<?, ?>) o;
                    assertEquals(98.01, ((Number) figure.get("var")).doubleValue(), 1e-6, figure.toString());
                    assertEquals(98.01, ((Number) figure.get("cvar")).doubleValue(), 1e-6, figure.toString());
                }
                // Reg-T: initial 50% of a long position's value
                assertEquals(490.05, ((Number) report.get("initialMargin")).doubleValue(), 1e-6);
                assertEquals(List.of("buying-power"), report.get("limits"));
            } finally {
                trader.close();
            }
        }
    }
}
