package io.amcp.mcp.internal;

import io.amcp.api.spi.AuditLog;
import io.amcp.api.spi.BacktestStrategies;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.DatasetProvider;
import io.amcp.api.spi.TradingNode;
import io.amcp.portfolio.PortfolioOptimizer;
import io.amcp.risk.RiskReportService;
import io.amcp.web.AssetInfo;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Every tool of the platform's MCP server, wired to the services they run on. */
final class McpTools {

    private McpTools() {
    }

    /**
     * The services the tools use.
     *
     * @param node        the trading node
     * @param clock       the node's clock
     * @param market      market data the node has received
     * @param datasets    dataset providers present now
     * @param optimizer   the portfolio optimiser
     * @param audit       the audit log, or null when none is installed
     * @param assets      configured assets
     * @param watchlists  watchlist store
     * @param history     equity samples
     * @param risk        live risk reports
     * @param backtests   strategies the strategy bundles offer to backtests, beside the built-in sma-cross
     */
    record Services(TradingNode node, Clock clock, MarketDataCache market, Supplier<List<DatasetProvider>> datasets,
            Supplier<PortfolioOptimizer> optimizer, Supplier<AuditLog> audit, List<AssetInfo> assets,
            WatchlistStore watchlists, EquityHistory history, RiskReportService risk,
            Supplier<List<BacktestStrategies>> backtests) {
    }

    static ToolDispatcher dispatcher(Services s, McpJsonMapper json) {
        MarketTools market = new MarketTools(s.market(), s.datasets(), s.clock());
        List<ToolDefinition> tools = new ArrayList<>();
        tools.addAll(new TradingTools(s.node(), s.market()).definitions());
        tools.addAll(market.definitions());
        tools.addAll(new ReferenceTools(s.node(), s.clock(), s.market(), s.datasets(), s.assets(), s.watchlists(),
                s.history()).definitions());
        tools.addAll(new PlatformTools(s.node(), s.datasets(), s.risk(), s.optimizer(), market, s.backtests()).definitions());
        return new ToolDispatcher(tools, json, s.audit());
    }
}
