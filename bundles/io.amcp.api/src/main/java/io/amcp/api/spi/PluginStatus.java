package io.amcp.api.spi;

import java.util.Objects;

/**
 * A plugin's health, reported instead of throwing into the host (openHAB style).
 *
 * @param state  online, offline or unknown
 * @param reason why, when not online
 */
public record PluginStatus(State state, String reason) {

    /** Plugin states. */
    public enum State { ONLINE, OFFLINE, UNKNOWN }

    public static final PluginStatus ONLINE = new PluginStatus(State.ONLINE, "");

    public PluginStatus {
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
    }

    public static PluginStatus offline(String reason) {
        return new PluginStatus(State.OFFLINE, reason);
    }
}
