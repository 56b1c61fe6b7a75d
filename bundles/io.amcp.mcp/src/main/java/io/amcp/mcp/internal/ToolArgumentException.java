package io.amcp.mcp.internal;

/** A tool argument is missing or malformed; the message starts with the argument's name. */
final class ToolArgumentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String argument;

    ToolArgumentException(String argument, String message) {
        super(argument + ": " + message);
        this.argument = argument;
    }

    String argument() {
        return argument;
    }
}
