package io.amcp.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.amcp.api.model.Bar;
import io.amcp.api.model.Money;
import io.amcp.core.Kernel;
import io.amcp.core.SimulatedClock;
import io.amcp.core.journal.Journal;
import io.amcp.marketdata.MarketDataFanout;
import io.amcp.web.ApiKeyStore;
import io.amcp.web.Role;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.lang.annotation.Annotation;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DS component as the framework builds it: keys from the web bundle's key file, a free port. */
class McpServerComponentTest {

    @Test
    void servesToolsWithKeysFromTheKeyFile(@TempDir Path dir) throws Exception {
        String line = new ApiKeyStore(1_000).add("PKMCP", "mcp-secret-0123456789", Role.TRADER);
        Path keys = dir.resolve("io.amcp.web.keys");
        Files.write(keys, List.of("# API keys", line));
        Kernel kernel = new Kernel(new SimulatedClock(0), Journal.NONE, Money.of("5000"), 1.0);
        kernel.start("kernel-component-test");
        MarketDataFanout hub = new MarketDataFanout();
        McpServerComponent component = new McpServerComponent(kernel, kernel.clock(), hub,
                config(keys.toString(), dir.resolve("watchlists.json").toString()));
        try {
            component.onBar(Bar.of(io.amcp.api.model.InstrumentId.of("SPY"), 60_000_000_000L, 500, 501, 499, 500.5, 10));
            HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                    .builder("http://127.0.0.1:" + component.port()).endpoint("/mcp")
                    .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer PKMCP:mcp-secret-0123456789"))
                    .build();
            try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build()) {
                client.initialize();
                McpSchema.CallToolResult account = client.callTool(new McpSchema.CallToolRequest("get_account_info", Map.of()));
                assertFalse(account.isError());
                assertTrue(((McpSchema.TextContent) account.content().get(0)).text().contains("\"cash\":\"5000\""));
                McpSchema.CallToolResult bar = client.callTool(new McpSchema.CallToolRequest("get_stock_latest_bar",
                        Map.of("symbol", "SPY")));
                assertTrue(((McpSchema.TextContent) bar.content().get(0)).text().contains("\"c\":500.5"));
            }
            assertEquals(5000.0, component.report().equity());
        } finally {
            component.deactivate();
            hub.close();
            kernel.stop();
        }
    }

    private static McpServerConfig config(String keysFile, String watchlists) {
        return new McpServerConfig() {
            @Override public Class<? extends Annotation> annotationType() { return McpServerConfig.class; }
            @Override public String host() { return "127.0.0.1"; }
            @Override public int port() { return 0; }
            @Override public String endpoint() { return "/mcp"; }
            @Override public String keysFile() { return keysFile; }
            @Override public String watchlistsFile() { return watchlists; }
            @Override public String[] assets() { return new String[] {"SPY:etf:ARCA:SPDR S&P 500"}; }
            @Override public int barsKept() { return 100; }
            @Override public int equitySampleSeconds() { return 60; }
            @Override public int maxBodyBytes() { return 1 << 20; }
            @Override public int requestsPerMinute() { return 600; }
            @Override public int burst() { return 120; }
            @Override public int threads() { return 2; }
        };
    }
}
