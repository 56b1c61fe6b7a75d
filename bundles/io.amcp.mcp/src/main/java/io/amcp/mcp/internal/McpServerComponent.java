package io.amcp.mcp.internal;

import io.amcp.api.model.Bar;
import io.amcp.api.model.Quote;
import io.amcp.api.model.TradeTick;
import io.amcp.api.spi.AuditLog;
import io.amcp.api.spi.BacktestStrategies;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.DatasetProvider;
import io.amcp.api.spi.MarketDataHub;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.api.spi.RiskRule;
import io.amcp.api.spi.TradingNode;
import io.amcp.portfolio.PortfolioOptimizer;
import io.amcp.risk.LiveRiskReports;
import io.amcp.risk.RiskReportService;
import io.amcp.web.AssetInfo;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's MCP server: serves the tools over Streamable HTTP, hears the node's market data (the
 * {@link MarketDataHub}'s {@code mcp} subscriber, LOSSLESS because VaR reads consecutive bars; its own
 * thread, so the cache never holds up the kernel) for the market-data tools and VaR, and offers the live
 * {@link RiskReportService}.
 */
@Component(immediate = true, configurationPid = "io.amcp.mcp", service = RiskReportService.class)
@Designate(ocd = McpServerConfig.class)
public final class McpServerComponent implements MarketDataSink, RiskReportService {

    private static final Logger LOG = LoggerFactory.getLogger(McpServerComponent.class);

    private final MarketDataCache market;
    private final LiveRiskReports risk;
    private final McpHttpServer server;
    private final ScheduledExecutorService sampler;
    private final int port;
    private final MarketDataHub.Subscription feed;
    private final List<DatasetProvider> datasets = new CopyOnWriteArrayList<>();
    private final List<RiskRule> rules = new CopyOnWriteArrayList<>();
    private final List<BacktestStrategies> backtests = new CopyOnWriteArrayList<>();
    private volatile AuditLog audit;
    private volatile PortfolioOptimizer optimizer;

    @Activate
    public McpServerComponent(@Reference TradingNode node, @Reference Clock clock, @Reference MarketDataHub hub,
            McpServerConfig config) throws IOException {
        market = new MarketDataCache(config.barsKept());
        risk = new LiveRiskReports(node, clock, market::recentBars, () -> rules.stream().map(RiskRule::name).toList());
        McpJsonMapper json = McpHttpServer.jsonMapper();
        List<AssetInfo> assets = new ArrayList<>();
        for (String spec : config.assets()) {
            assets.add(AssetInfo.parse(spec));
        }
        EquityHistory history = new EquityHistory(node, clock, 100_000);
        WatchlistStore watchlists = new WatchlistStore(
                Path.of(System.getProperty("karaf.data", "data")).resolve(config.watchlistsFile()), json);
        McpTools.Services services = new McpTools.Services(node, clock, market, () -> List.copyOf(datasets),
                () -> optimizer == null ? PortfolioOptimizer.standard() : optimizer, () -> audit, assets, watchlists,
                history, risk, () -> List.copyOf(backtests));
        Path keys = Path.of(config.keysFile());
        if (!keys.isAbsolute()) {
            keys = Path.of(System.getProperty("karaf.base", ".")).resolve(keys);
        }
        String version = FrameworkUtil.getBundle(getClass()) == null ? "0"
                : FrameworkUtil.getBundle(getClass()).getVersion().toString();
        server = new McpHttpServer(McpTools.dispatcher(services, json), json, BearerAuthenticator.ofFile(keys),
                config.endpoint(), config.maxBodyBytes(),
                new KeyRateLimiter(config.requestsPerMinute(), config.burst(), System::nanoTime), version);
        port = server.start(config.host(), config.port(), config.threads());
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "amcp-mcp-equity");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(() -> {
            try {
                history.sample();
            } catch (RuntimeException e) {
                LOG.warn("equity sample failed: {}", e.toString());
            }
        }, 0, Math.max(1, config.equitySampleSeconds()), TimeUnit.SECONDS);
        feed = hub.subscribe("mcp", MarketDataHub.DeliveryPolicy.LOSSLESS, this);
        LOG.info("MCP server on http://{}:{}{} (bearer tokens from {})", config.host(), port, config.endpoint(), keys);
    }

    /** The bound port. */
    int port() {
        return port;
    }

    @Deactivate
    void deactivate() {
        feed.close();
        sampler.shutdownNow();
        server.stop();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setAuditLog(AuditLog log) {
        audit = log;
    }

    void unsetAuditLog(AuditLog log) {
        if (audit == log) {
            audit = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setOptimizer(PortfolioOptimizer value) {
        optimizer = value;
    }

    void unsetOptimizer(PortfolioOptimizer value) {
        if (optimizer == value) {
            optimizer = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDataset(DatasetProvider provider) {
        datasets.add(provider);
    }

    void removeDataset(DatasetProvider provider) {
        datasets.remove(provider);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addBacktestStrategies(BacktestStrategies value) {
        backtests.add(value);
    }

    void removeBacktestStrategies(BacktestStrategies value) {
        backtests.remove(value);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRiskRule(RiskRule rule) {
        rules.add(rule);
    }

    void removeRiskRule(RiskRule rule) {
        rules.remove(rule);
    }

    @Override
    public void onBar(Bar bar) {
        market.onBar(bar);
    }

    @Override
    public void onQuote(Quote quote) {
        market.onQuote(quote);
    }

    @Override
    public void onTrade(TradeTick trade) {
        market.onTrade(trade);
    }

    @Override
    public LiveRiskReport report() {
        return risk.report();
    }
}
