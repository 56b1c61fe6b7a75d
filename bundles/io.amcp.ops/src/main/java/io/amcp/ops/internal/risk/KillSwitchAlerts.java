package io.amcp.ops.internal.risk;

import io.amcp.ops.AlertService;
import io.amcp.ops.Severity;

/**
 * The one observer of the kill switch: the health probe hands it the switch's state on every probe
 * (the API has no kill-switch listener to make this event-driven). While engaged it raises CRITICAL,
 * key {@code kill-switch} (the alert service de-duplicates the repeats within its window, so an
 * engaged switch is recalled once a window); once released after an engagement, INFO, key
 * {@code kill-switch-released}. Called from one thread, the probe's.
 */
public final class KillSwitchAlerts {

    private boolean engaged;

    /**
     * Alerts on the kill switch as a probe found it.
     *
     * @param alerts  where to raise
     * @param engaged whether it is engaged
     * @param reason  why it was engaged (ignored when released)
     */
    public void observe(AlertService alerts, boolean engaged, String reason) {
        if (engaged) {
            alerts.raise(Severity.CRITICAL, RiskAlerts.SOURCE, "kill-switch", "Kill switch engaged: " + reason);
        } else if (this.engaged) {
            alerts.raise(Severity.INFO, RiskAlerts.SOURCE, "kill-switch-released",
                    "Kill switch released: new orders accepted again");
        }
        this.engaged = engaged;
    }
}
