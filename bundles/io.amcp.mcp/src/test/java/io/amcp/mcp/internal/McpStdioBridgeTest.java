package io.amcp.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.amcp.mcp.McpStdioBridge;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code amcp mcp}: newline-delimited JSON-RPC on stdio relayed to the platform's HTTP endpoint. */
class McpStdioBridgeTest {

    @TempDir
    Path dir;

    @Test
    void relaysToolsAndCallsWithTheKeysRole() throws Exception {
        try (McpTestNode node = new McpTestNode(dir.resolve("w.json"))) {
            PipedOutputStream agentWrites = new PipedOutputStream();
            PipedInputStream bridgeReads = new PipedInputStream(agentWrites, 1 << 16);
            PipedOutputStream bridgeWrites = new PipedOutputStream();
            BufferedReader agentReads = new BufferedReader(new InputStreamReader(
                    new PipedInputStream(bridgeWrites, 1 << 20), StandardCharsets.UTF_8));
            String token = node.viewer.keyId() + ":" + node.viewer.secret();
            try (McpStdioBridge bridge = McpStdioBridge.start(URI.create(node.baseUrl + "/mcp"), token, bridgeReads,
                    bridgeWrites)) {
                send(agentWrites, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                        + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"agent\",\"version\":\"1\"}}}");
                Map<?, ?> init = (Map<?, ?>) node.json.readValue(agentReads.readLine(), Map.class);
                assertEquals(1, ((Number) init.get("id")).intValue());
                send(agentWrites, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
                send(agentWrites, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
                Map<?, ?> list = (Map<?, ?>) node.json.readValue(agentReads.readLine(), Map.class);
                List<?> tools = (List<?>) ((Map<?, ?>) list.get("result")).get("tools");
                assertEquals(McpServerTest.EXPECTED_TOOLS.size(), tools.size());

                send(agentWrites, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
                        + "\"get_account_info\",\"arguments\":{}}}");
                Map<?, ?> account = (Map<?, ?>) ((Map<?, ?>) node.json.readValue(agentReads.readLine(), Map.class))
                        .get("result");
                assertFalse((Boolean) account.get("isError"));

                send(agentWrites, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":"
                        + "\"cancel_all_orders\",\"arguments\":{}}}");
                Map<?, ?> refused = (Map<?, ?>) ((Map<?, ?>) node.json.readValue(agentReads.readLine(), Map.class))
                        .get("result");
                assertTrue((Boolean) refused.get("isError"));
                assertTrue(refused.get("content").toString().contains("needs role trader"), refused.toString());
                agentWrites.close();
                bridge.awaitEndOfInput();
            }
        }
    }

    @Test
    void refusesAMalformedToken() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> McpStdioBridge.start(URI.create("http://127.0.0.1:1/mcp"), "no-colon", null, null));
        assertTrue(e.getMessage().startsWith("token:"), e.getMessage());
    }

    private static void send(OutputStream out, String line) throws Exception {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
