package io.amcp.mcp.internal;

import io.amcp.api.spi.AuditLog;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tool calls: checks the caller's role, parses the arguments against the tool's schema, runs
 * the tool, writes state-changing calls to the audit log (when one is present) and turns every
 * failure into a tool error whose text names the argument or the refusal.
 */
final class ToolDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ToolDispatcher.class);

    private final Map<String, ToolDefinition> tools = new LinkedHashMap<>();
    private final McpJsonMapper json;
    private final Supplier<AuditLog> audit;

    ToolDispatcher(List<ToolDefinition> definitions, McpJsonMapper json, Supplier<AuditLog> audit) {
        for (ToolDefinition d : definitions) {
            if (tools.put(d.name(), d) != null) {
                throw new IllegalArgumentException("tools: duplicate name " + d.name());
            }
        }
        this.json = json;
        this.audit = audit;
    }

    List<ToolDefinition> definitions() {
        return new ArrayList<>(tools.values());
    }

    /** The MCP description of a tool, its role in the description so agents know what they may call. */
    McpSchema.Tool describe(ToolDefinition d) {
        return McpSchema.Tool.builder(d.name())
                .description(d.description() + " (role: " + d.role().name().toLowerCase(java.util.Locale.ROOT) + ")")
                .inputSchema(d.schema().build())
                .annotations(new McpSchema.ToolAnnotations(null, !d.changesState(), null, null, null, null))
                .build();
    }

    CallToolResult call(Caller caller, String name, Map<String, Object> arguments) {
        ToolDefinition tool = tools.get(name);
        if (tool == null) {
            return error("unknown tool '" + name + "'", null);
        }
        if (caller == null) {
            return error("not authenticated", null);
        }
        if (!caller.may(tool.role())) {
            record(caller, tool, "refused", "role " + caller.role() + " may not call " + name);
            return error("permission denied: " + name + " needs role "
                    + tool.role().name().toLowerCase(java.util.Locale.ROOT) + ", this key has role "
                    + caller.role().name().toLowerCase(java.util.Locale.ROOT), null);
        }
        try {
            Args args = new Args(arguments, tool.schema().names());
            Object result = tool.handler().call(caller, args);
            record(caller, tool, "ok", arguments == null ? "{}" : text(arguments));
            return CallToolResult.builder().addTextContent(text(result)).isError(false).build();
        } catch (ToolArgumentException e) {
            return error("invalid argument " + e.getMessage(), null);
        } catch (ToolRefusedException e) {
            record(caller, tool, "refused", e.getMessage());
            return error(e.getMessage(), e.details());
        } catch (IllegalArgumentException | IllegalStateException e) {
            record(caller, tool, "failed", e.getMessage());
            return error(e.getMessage(), null);
        } catch (Exception e) {
            LOG.warn("tool {} failed", name, e);
            return error("internal error in " + name + ": " + e, null);
        }
    }

    private void record(Caller caller, ToolDefinition tool, String outcome, String detail) {
        if (!tool.changesState()) {
            return;
        }
        AuditLog log = audit.get();
        if (log != null) {
            log.append(caller.actor(), "mcp." + tool.name() + "." + outcome, tool.name(), detail);
        }
    }

    private CallToolResult error(String message, Object details) {
        CallToolResult.Builder b = CallToolResult.builder().addTextContent(message).isError(true);
        if (details != null) {
            b.addTextContent(text(details));
        }
        return b.build();
    }

    String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write result as JSON", e);
        }
    }
}
