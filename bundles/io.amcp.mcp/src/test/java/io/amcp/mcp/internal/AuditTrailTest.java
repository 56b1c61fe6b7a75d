package io.amcp.mcp.internal;

import static io.amcp.mcp.internal.McpTestNode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.amcp.api.spi.AuditLog;
import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State-changing tool calls, allowed or refused, are appended to the audit log; reads are not. */
class AuditTrailTest {

    @TempDir
    Path dir;

    /** An audit log that keeps entries in memory (the hash chain is the security bundle's business). */
    static final class RecordingAuditLog implements AuditLog {
        final List<Entry> entries = new ArrayList<>();

        @Override
        public synchronized Entry append(String actor, String action, String subject, String detail) {
            Entry e = new Entry(entries.size() + 1, Instant.EPOCH, actor, action, subject, detail, "0".repeat(64),
                    "0".repeat(64));
            entries.add(e);
            return e;
        }

        @Override
        public synchronized List<Entry> recent(int limit) {
            return List.copyOf(entries.subList(Math.max(0, entries.size() - limit), entries.size()));
        }

        @Override
        public long verify() {
            return -1;
        }
    }

    @Test
    void ordersAndRefusalsAreAudited() throws Exception {
        RecordingAuditLog audit = new RecordingAuditLog();
        try (McpTestNode node = new McpTestNode(dir.resolve("w.json"), audit)) {
            node.bar(1, 100, 100, 100, 100);
            try (McpSyncClient trader = node.client(node.trader); McpSyncClient viewer = node.client(node.viewer)) {
                call(trader, "get_account_info", Map.of());
                call(trader, "place_stock_order", Map.of("symbol", "AAPL", "side", "buy", "quantity", 1,
                        "client_order_id", "audited-1"));
                call(viewer, "cancel_all_orders", Map.of());
            }
            List<AuditLog.Entry> entries = audit.recent(10);
            assertEquals(2, entries.size(), entries.toString());
            assertEquals("mcp:" + node.trader.keyId(), entries.get(0).actor());
            assertEquals("mcp.place_stock_order.ok", entries.get(0).action());
            assertTrue(entries.get(0).detail().contains("audited-1"), entries.get(0).detail());
            assertEquals("mcp:" + node.viewer.keyId(), entries.get(1).actor());
            assertEquals("mcp.cancel_all_orders.refused", entries.get(1).action());
        }
    }
}
