package io.amcp.ops;

/**
 * Raises operational alerts. Delivery (log, webhook, e-mail) happens off the caller's thread, so it
 * may be called from the kernel thread; an alert whose key was raised within the de-duplication
 * window is counted and dropped, and each channel is rate-limited. Thread-safe.
 */
public interface AlertService {

    /**
     * Raises an alert.
     *
     * @param severity how urgent
     * @param source   what raised it, e.g. {@code ops.health}
     * @param key      de-duplication key, e.g. {@code broker-offline:paper}
     * @param message  human-readable text
     * @return true if the alert was accepted for delivery, false if it was a duplicate within the window
     * @throws IllegalArgumentException naming the field at fault (blank source or key)
     */
    boolean raise(Severity severity, String source, String key, String message);
}
