package io.amcp.options.strategy;

/** What a leg holds: a call, a put or the underlying itself. */
public enum LegType {
    CALL,
    PUT,
    UNDERLYING
}
