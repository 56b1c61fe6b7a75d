package io.amcp.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacktestResultJsonTest {

    @Test
    @SuppressWarnings("unchecked")
    void writesExactlyTheContractFields() {
        String name = "sma \"fast\" \\ slow\n\t\u0001 caf\u00e9";
        String json = BacktestResultJson.toJson(ReportFixtures.result(name));

        Map<String, Object> root = (Map<String, Object>) MiniJsonParser.parse(json);
        assertThat(root.keySet()).containsExactly("strategy", "dataset", "start", "end", "initialCash", "finalEquity",
                "metrics", "trades");
        assertThat(root.get("strategy")).isEqualTo(name);
        assertThat(root.get("dataset")).isEqualTo("AAPL 2013 daily");
        assertThat(root.get("start")).isEqualTo("2024-01-02T21:00:00Z");
        assertThat(root.get("end")).isEqualTo("2024-03-28T21:00:00Z");
        assertThat(root.get("initialCash")).isEqualTo(100_000.0);
        assertThat(root.get("finalEquity")).isEqualTo(103_950.0);

        Map<String, Object> metrics = (Map<String, Object>) root.get("metrics");
        assertThat(metrics).containsKeys("totalReturn", "cagr", "annualVolatility", "sharpe", "sortino", "calmar",
                "maxDrawdown", "maxDrawdownDurationDays", "beta", "winRate", "profitFactor", "averageWin",
                "averageLoss", "exposure", "turnover", "tradeCount");
        // 103,950 / 100,000 - 1
        assertThat((Double) metrics.get("totalReturn")).isCloseTo(0.0395, within(1e-12));
        // one winning closed trade and no loser: profit factor undefined -> null, not 0
        assertThat(metrics.get("profitFactor")).isNull();
        assertThat(metrics.get("tradeCount")).isEqualTo(1.0);

        List<Object> trades = (List<Object>) root.get("trades");
        assertThat(trades).hasSize(2);
        for (Object t : trades) {
            assertThat(((Map<String, Object>) t).keySet()).containsExactly("symbol", "side", "quantity", "entryTime",
                    "entryPrice", "exitTime", "exitPrice", "pnl");
        }
        Map<String, Object> closed = (Map<String, Object>) trades.get(0);
        assertThat(closed).containsEntry("symbol", "AAPL").containsEntry("side", "BUY").containsEntry("quantity", 100.0)
                .containsEntry("entryTime", "2024-01-02T21:00:00Z").containsEntry("entryPrice", 185.5)
                .containsEntry("exitTime", "2024-01-31T21:00:00Z").containsEntry("exitPrice", 190.25)
                .containsEntry("pnl", 470.5);
        Map<String, Object> open = (Map<String, Object>) trades.get(1);
        assertThat(open).containsEntry("side", "SELL").containsEntry("entryTime", "2024-02-29T21:00:00Z")
                .containsEntry("exitTime", null).containsEntry("exitPrice", null).containsEntry("pnl", null);
    }
}
