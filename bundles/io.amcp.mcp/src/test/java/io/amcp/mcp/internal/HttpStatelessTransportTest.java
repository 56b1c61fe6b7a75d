package io.amcp.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.amcp.web.ApiKeyStore;
import io.amcp.web.Role;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTTP edge: rate limit per key, GET refused as the stateless transport allows, body size limit. */
class HttpStatelessTransportTest {

    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}";

    @Test
    void limitsPerKeyAndRefusesGetAndLargeBodies() throws Exception {
        ApiKeyStore keys = new ApiKeyStore(1_000);
        ApiKeyStore.Credentials key = keys.issue(Role.VIEWER);
        McpJsonMapper json = McpHttpServer.jsonMapper();
        McpHttpServer server = new McpHttpServer(new ToolDispatcher(List.of(), json, () -> null), json,
                BearerAuthenticator.of(keys), "/mcp", 1024, new KeyRateLimiter(1, 2, System::nanoTime), "test");
        int port = server.start("127.0.0.1", 0, 1);
        try {
            HttpClient http = HttpClient.newHttpClient();
            String bearer = "Bearer " + key.keyId() + ":" + key.secret();
            HttpResponse<String> ping = http.send(post(port, bearer, PING), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ping.statusCode());
            assertTrue(ping.body().contains("\"id\":7"), ping.body());
            HttpResponse<String> large = http.send(post(port, bearer, PING + " ".repeat(2000)),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, large.statusCode());
            // burst of 2 used up; 1 a minute: the next token is 60 s away
            HttpResponse<String> limited = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                    .header("Authorization", bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(429, limited.statusCode());
            assertEquals("60", limited.headers().firstValue("Retry-After").orElse(""));
        } finally {
            server.stop();
        }
    }

    @Test
    void getIsNotAllowed() throws Exception {
        ApiKeyStore keys = new ApiKeyStore(1_000);
        ApiKeyStore.Credentials key = keys.issue(Role.VIEWER);
        McpJsonMapper json = McpHttpServer.jsonMapper();
        McpHttpServer server = new McpHttpServer(new ToolDispatcher(List.of(), json, () -> null), json,
                BearerAuthenticator.of(keys), "/mcp", 1024, new KeyRateLimiter(600, 10, System::nanoTime), "test");
        int port = server.start("127.0.0.1", 0, 1);
        try {
            HttpResponse<String> get = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/mcp")).header("Authorization", "Bearer " + key.keyId()
                    + ":" + key.secret()).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, get.statusCode());
            assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
        } finally {
            server.stop();
        }
    }

    private static HttpRequest post(int port, String bearer, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp")).header("Authorization", bearer)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
