package io.amcp.mcp.internal;

import io.amcp.web.Role;
import java.util.Objects;

/**
 * Who calls a tool: the API key id the bearer token named and that key's role.
 *
 * @param keyId API key id
 * @param role  the key's role
 */
record Caller(String keyId, Role role) {

    /** Key of the caller in the MCP transport context. */
    static final String CONTEXT_KEY = "amcp.caller";

    Caller {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(role, "role");
    }

    /** The actor written to the audit log, {@code mcp:<keyId>}. */
    String actor() {
        return "mcp:" + keyId;
    }

    boolean may(Role needed) {
        return role.compareTo(needed) >= 0;
    }
}
