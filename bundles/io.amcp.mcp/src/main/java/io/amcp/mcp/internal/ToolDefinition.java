package io.amcp.mcp.internal;

import io.amcp.web.Role;
import java.util.Objects;

/**
 * One MCP tool: name, description, input schema, the least role that may call it, whether it
 * changes state (and is therefore audited), and what it does.
 *
 * @param name          tool name (the official Alpaca MCP server's name where it has one)
 * @param description   what it does, for the agent
 * @param schema        its input schema
 * @param role          least role allowed to call it
 * @param changesState  whether calls are written to the audit log
 * @param handler       the implementation; returns a JSON-serialisable value
 */
record ToolDefinition(String name, String description, Schema schema, Role role, boolean changesState,
        Handler handler) {

    ToolDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(handler, "handler");
    }

    /** The body of a tool. */
    @FunctionalInterface
    interface Handler {
        Object call(Caller caller, Args args) throws Exception;
    }

    static ToolDefinition read(String name, String description, Schema schema, Handler handler) {
        return new ToolDefinition(name, description, schema, Role.VIEWER, false, handler);
    }

    static ToolDefinition trade(String name, String description, Schema schema, Handler handler) {
        return new ToolDefinition(name, description, schema, Role.TRADER, true, handler);
    }

    static ToolDefinition admin(String name, String description, Schema schema, Handler handler) {
        return new ToolDefinition(name, description, schema, Role.ADMIN, true, handler);
    }
}
