package io.amcp.ops;

import java.time.Instant;
import java.util.Objects;

/**
 * One alert as the channels deliver it.
 *
 * @param time     when it was raised (platform clock)
 * @param severity how urgent
 * @param source   what raised it, e.g. {@code ops.reconciliation} or {@code ops.health}
 * @param key      de-duplication key: alerts with the same key inside the window are sent once
 * @param message  human-readable text
 */
public record Alert(Instant time, Severity severity, String source, String key, String message) {

    public Alert {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(severity, "severity");
        source = requireText("source", source);
        key = requireText("key", key);
        message = message == null ? "" : message;
    }

    public static Alert of(Instant time, Severity severity, String source, String key, String message) {
        return new Alert(time, severity, source, key, message);
    }

    private static String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be blank");
        }
        return value.trim();
    }
}
