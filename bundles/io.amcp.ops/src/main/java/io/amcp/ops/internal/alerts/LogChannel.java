package io.amcp.ops.internal.alerts;

import io.amcp.ops.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes alerts to the log ({@code io.amcp.ops.alerts}): INFO as info, WARNING as warn, CRITICAL as error. */
final class LogChannel implements AlertChannel {

    private static final Logger LOG = LoggerFactory.getLogger("io.amcp.ops.alerts");

    @Override
    public String name() {
        return "log";
    }

    @Override
    public void send(Alert alert) {
        String format = "[{}] {} {}: {}";
        Object[] args = {alert.severity(), alert.source(), alert.key(), alert.message()};
        switch (alert.severity()) {
            case INFO -> LOG.info(format, args);
            case WARNING -> LOG.warn(format, args);
            case CRITICAL -> LOG.error(format, args);
        }
    }
}
