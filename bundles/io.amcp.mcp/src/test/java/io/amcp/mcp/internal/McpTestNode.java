package io.amcp.mcp.internal;

import io.amcp.api.model.Bar;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.spi.BacktestStrategies;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.core.Kernel;
import io.amcp.core.SimulatedClock;
import io.amcp.core.journal.Journal;
import io.amcp.core.risk.BuyingPowerRule;
import io.amcp.datasource.file.BundledDatasets;
import io.amcp.portfolio.PortfolioOptimizer;
import io.amcp.risk.LiveRiskReports;
import io.amcp.web.ApiKeyStore;
import io.amcp.web.Role;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real kernel on its own thread with a frictionless paper exchange and the buying-power rule, the
 * MCP server on 127.0.0.1 with a free port over it, wired as the component wires them (the market-data
 * cache is one of the kernel's market-data sinks), and API keys of each role.
 */
final class McpTestNode implements AutoCloseable {

    /** Monday 2024-03-04 10:00 New York (EST, UTC-5): a regular session. */
    static final Instant START = Instant.parse("2024-03-04T15:00:00Z");
    static final InstrumentId AAPL = InstrumentId.of("AAPL");

    final SimulatedClock clock = new SimulatedClock(START.getEpochSecond() * 1_000_000_000L);
    final Kernel kernel = new Kernel(clock, Journal.NONE, Money.of("100000"), 1.0);
    final ApiKeyStore keys = new ApiKeyStore(1_000);
    final ApiKeyStore.Credentials trader = keys.issue(Role.TRADER);
    final ApiKeyStore.Credentials viewer = keys.issue(Role.VIEWER);
    final ApiKeyStore.Credentials admin = keys.issue(Role.ADMIN);
    final MarketDataCache market = new MarketDataCache(500);
    /** Strategies offered to run_backtest, as strategy bundles register them; tests add theirs. */
    final List<BacktestStrategies> backtests = new CopyOnWriteArrayList<>();
    final McpJsonMapper json = McpHttpServer.jsonMapper();
    final McpHttpServer server;
    final String baseUrl;

    McpTestNode(Path watchlists) throws IOException {
        this(watchlists, null);
    }

    McpTestNode(Path watchlists, io.amcp.api.spi.AuditLog audit) throws IOException {
        kernel.addRiskRule(new BuyingPowerRule());
        kernel.registerInstrument(Instrument.equity("AAPL"));
        PaperExchange exchange = new PaperExchange(clock, PaperSettings.FRICTIONLESS, kernel::instrument);
        kernel.addBroker(exchange);
        kernel.addMarketDataSink(exchange);
        kernel.addMarketDataSink(market);
        kernel.start("kernel-mcp-test");
        LiveRiskReports risk = new LiveRiskReports(kernel, clock, market::recentBars, () -> List.of("buying-power"));
        McpTools.Services services = new McpTools.Services(kernel, clock, market, () -> List.of(new BundledDatasets()),
                PortfolioOptimizer::standard, () -> audit, List.of(), new WatchlistStore(watchlists, json),
                new EquityHistory(kernel, clock, 1000), risk, () -> List.copyOf(backtests));
        server = new McpHttpServer(McpTools.dispatcher(services, json), json, BearerAuthenticator.of(keys), "/mcp",
                1_048_576, new KeyRateLimiter(100_000, 100_000, System::nanoTime), "test");
        baseUrl = "http://127.0.0.1:" + server.start("127.0.0.1", 0, 2);
    }

    /** Feeds a one-minute AAPL bar ending {@code minutes} after {@link #START} and waits until it is processed. */
    void bar(int minutes, double open, double high, double low, double close) {
        long end = (START.getEpochSecond() + minutes * 60L) * 1_000_000_000L;
        kernel.post(Bar.of(AAPL, end, open, high, low, close, 1_000_000));
        kernel.call(() -> null);
    }

    /** An MCP client over Streamable HTTP with {@code credentials} as bearer token (none when null). */
    McpSyncClient client(ApiKeyStore.Credentials credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder();
        if (credentials != null) {
            request.header("Authorization", "Bearer " + credentials.keyId() + ":" + credentials.secret());
        }
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(baseUrl)
                .endpoint("/mcp").requestBuilder(request).jsonMapper(json).build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
        client.initialize();
        return client;
    }

    /** Calls a tool and returns the result. */
    static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    /** The first text of a result. */
    static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    /** The first text of a successful result, parsed. */
    Object parse(McpSchema.CallToolResult result) throws IOException {
        if (Boolean.TRUE.equals(result.isError())) {
            throw new AssertionError("tool error: " + result.content());
        }
        return json.readValue(text(result), Object.class);
    }

    @Override
    public void close() {
        server.stop();
        kernel.stop();
    }
}
