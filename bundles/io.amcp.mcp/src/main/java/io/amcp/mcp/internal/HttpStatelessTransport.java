package io.amcp.mcp.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * MCP Streamable HTTP in its stateless form over the JDK's HTTP server: each JSON-RPC request is a
 * POST to the endpoint answered with one JSON response; GET (server-initiated streams) is 405, as
 * the protocol allows. Every request needs a valid bearer token (401 otherwise) and a token of its
 * key's rate limit (429 with Retry-After otherwise); the caller travels
 * to the tools in the transport context. No servlet container is needed, so it runs unchanged
 * inside Karaf, whose HTTP service speaks javax.servlet while the SDK's servlet transports need
 * jakarta.servlet.
 */
final class HttpStatelessTransport implements McpStatelessServerTransport {

    private static final Logger LOG = LoggerFactory.getLogger(HttpStatelessTransport.class);

    private final McpJsonMapper json;
    private final BearerAuthenticator authenticator;
    private final String endpoint;
    private final int maxBodyBytes;
    private final KeyRateLimiter limiter;
    private volatile McpStatelessServerHandler handler;
    private volatile boolean closing;
    private HttpServer server;
    private ExecutorService workers;

    HttpStatelessTransport(McpJsonMapper json, BearerAuthenticator authenticator, String endpoint, int maxBodyBytes,
            KeyRateLimiter limiter) {
        if (!endpoint.startsWith("/")) {
            throw new IllegalArgumentException("endpoint: must start with /, was '" + endpoint + "'");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes: must be at least 1024, was " + maxBodyBytes);
        }
        this.json = json;
        this.authenticator = authenticator;
        this.endpoint = endpoint;
        this.maxBodyBytes = maxBodyBytes;
        this.limiter = limiter;
    }

    @Override
    public void setMcpHandler(McpStatelessServerHandler mcpHandler) {
        this.handler = mcpHandler;
    }

    /** Binds and starts serving; returns the bound port. */
    int start(String host, int port, int threads) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 64);
        AtomicInteger count = new AtomicInteger();
        workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "amcp-mcp-http-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext(endpoint, this::handle);
        server.start();
        return server.getAddress().getPort();
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::stop);
    }

    void stop() {
        closing = true;
        if (server != null) {
            server.stop(0);
            workers.shutdownNow();
            try {
                workers.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(endpoint)) {
                plain(exchange, 404, "not found");
                return;
            }
            Optional<Caller> caller = authenticator.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
            if (caller.isEmpty()) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"amcp\"");
                plain(exchange, 401, "a valid 'Authorization: Bearer <keyId>:<secret>' header is required");
                return;
            }
            long wait = limiter.acquire(caller.get().keyId());
            if (wait > 0) {
                exchange.getResponseHeaders().add("Retry-After", Long.toString(wait));
                plain(exchange, 429, "too many requests for key " + caller.get().keyId() + "; retry in " + wait + " s");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "POST");
                plain(exchange, 405, "this server is stateless: POST JSON-RPC messages to " + endpoint);
                return;
            }
            if (closing) {
                plain(exchange, 503, "shutting down");
                return;
            }
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            if (accept == null || !accept.contains("application/json") || !accept.contains("text/event-stream")) {
                rpcError(exchange, 400, McpSchema.ErrorCodes.INVALID_REQUEST,
                        "Accept must list application/json and text/event-stream");
                return;
            }
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                plain(exchange, 413, "request body larger than " + maxBodyBytes + " bytes");
                return;
            }
            dispatch(exchange, caller.get(), new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            LOG.warn("MCP request failed", e);
        }
    }

    private void dispatch(HttpExchange exchange, Caller caller, String body) throws IOException {
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(json, body);
        } catch (IOException | IllegalArgumentException e) {
            rpcError(exchange, 400, McpSchema.ErrorCodes.PARSE_ERROR, "invalid JSON-RPC message: " + e.getMessage());
            return;
        }
        McpTransportContext context = McpTransportContext.create(Map.of(Caller.CONTEXT_KEY, caller));
        if (message instanceof McpSchema.JSONRPCRequest request) {
            McpSchema.JSONRPCResponse response = handler.handleRequest(context, request)
                    .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context)).block();
            send(exchange, 200, "application/json", json.writeValueAsBytes(response));
        } else if (message instanceof McpSchema.JSONRPCNotification notification) {
            handler.handleNotification(context, notification)
                    .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context)).block();
            exchange.sendResponseHeaders(202, -1);
        } else {
            rpcError(exchange, 400, McpSchema.ErrorCodes.INVALID_REQUEST, "only requests and notifications are accepted");
        }
    }

    private byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(maxBodyBytes + 1);
        return body.length > maxBodyBytes ? null : body;
    }

    private void rpcError(HttpExchange exchange, int status, int code, String message) throws IOException {
        McpError error = McpError.builder(code).message(message).build();
        send(exchange, status, "application/json", json.writeValueAsBytes(
                new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, null, null, error.getJsonRpcError())));
    }

    private static void plain(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
