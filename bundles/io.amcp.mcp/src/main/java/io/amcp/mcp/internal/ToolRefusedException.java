package io.amcp.mcp.internal;

/** A well-formed call the platform refused (risk rule, kill switch, unknown order); reported as a tool error. */
final class ToolRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Object details;

    ToolRefusedException(String message, Object details) {
        super(message);
        this.details = details;
    }

    /** What the agent should see besides the message (e.g. the rejected order), or null. */
    Object details() {
        return details;
    }
}
