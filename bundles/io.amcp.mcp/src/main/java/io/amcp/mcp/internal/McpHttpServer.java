package io.amcp.mcp.internal;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's MCP server over Streamable HTTP: the tools of a {@link ToolDispatcher} served by
 * the SDK's stateless server through {@link HttpStatelessTransport}.
 */
final class McpHttpServer {

    /** Server name reported in the MCP handshake. */
    static final String NAME = "amcp";

    private final HttpStatelessTransport transport;
    private final McpStatelessSyncServer server;

    McpHttpServer(ToolDispatcher dispatcher, McpJsonMapper json, BearerAuthenticator authenticator, String endpoint,
            int maxBodyBytes, KeyRateLimiter limiter, String version) {
        transport = new HttpStatelessTransport(json, authenticator, endpoint, maxBodyBytes, limiter);
        List<McpStatelessServerFeatures.SyncToolSpecification> specs = dispatcher.definitions().stream()
                .map(d -> new McpStatelessServerFeatures.SyncToolSpecification(dispatcher.describe(d),
                        (McpTransportContext context, McpSchema.CallToolRequest request) -> dispatcher.call(
                                (Caller) context.get(Caller.CONTEXT_KEY), request.name(), request.arguments())))
                .toList();
        server = McpServer.sync(transport)
                .serverInfo(NAME, version)
                .instructions("AMCP trading platform: Alpaca-compatible trading and market-data tools plus "
                        + "backtests, strategies, risk, option pricing and portfolio optimisation. Orders pass the "
                        + "platform's pre-trade risk chain and kill switch.")
                .jsonMapper(json)
                .jsonSchemaValidator(new DefaultJsonSchemaValidator(JsonMapper.builder().build()))
                .validateToolInputs(false)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .requestTimeout(Duration.ofMinutes(2))
                .tools(specs)
                .build();
    }

    /** A JSON mapper built directly (no service loader, which OSGi does not serve). */
    static McpJsonMapper jsonMapper() {
        return new JacksonMcpJsonMapper(JsonMapper.builder().build());
    }

    int start(String host, int port, int threads) throws IOException {
        return transport.start(host, port, threads);
    }

    void stop() {
        server.close();
        transport.stop();
    }
}
