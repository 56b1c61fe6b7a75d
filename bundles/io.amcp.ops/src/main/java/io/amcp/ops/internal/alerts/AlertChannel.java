package io.amcp.ops.internal.alerts;

import io.amcp.ops.Alert;
import java.io.IOException;

/** Somewhere alerts go: the log, a webhook, an e-mail relay. */
interface AlertChannel {

    /** Short name used in metrics and logs: {@code log}, {@code webhook}, {@code email}. */
    String name();

    /** Delivers one alert; called on the dispatcher's delivery thread. */
    void send(Alert alert) throws IOException;
}
