package io.amcp.ops.internal.risk;

import io.amcp.api.spi.KillSwitch;
import io.amcp.api.spi.KillSwitchListener;
import io.amcp.ops.AlertService;
import io.amcp.ops.Severity;
import java.util.function.Supplier;

/**
 * The one observer of the kill switch. Subscribed to it ({@link KillSwitch#onChange}), it alerts at the
 * change, on the thread that made it: an engagement raises CRITICAL, key {@code kill-switch}, with the
 * reason; a release after an engagement raises INFO, key {@code kill-switch-released}. The health probe
 * hands it the switch too ({@link #observe}), as a fallback that alerts only on a change no notification
 * reported: a switch that does not notify, one restored engaged from the journal at start, or a change
 * made while no alert service was bound (then nothing is raised and nothing is remembered). Thread-safe;
 * alerts are raised outside its lock.
 */
public final class KillSwitchAlerts implements KillSwitchListener {

    private final Supplier<AlertService> alerts;
    private final Object lock = new Object();
    private boolean engaged;

    /**
     * @param alerts the alert service now, or null while none is bound
     */
    public KillSwitchAlerts(Supplier<AlertService> alerts) {
        this.alerts = alerts;
    }

    @Override
    public void killSwitchChanged(boolean on, String reason) {
        AlertService a = alerts.get();
        if (a == null) {
            return;
        }
        boolean was;
        synchronized (lock) {
            was = engaged;
            engaged = on;
        }
        raise(a, was, on, reason);
    }

    /**
     * The probe's fallback: alerts if the switch is not as the last alert left it.
     *
     * @param killSwitch the switch, read now
     */
    public void observe(KillSwitch killSwitch) {
        AlertService a = alerts.get();
        if (a == null) {
            return;
        }
        boolean was;
        boolean on;
        String reason;
        synchronized (lock) {
            on = killSwitch.isEngaged();
            reason = killSwitch.reason();
            was = engaged;
            engaged = on;
        }
        if (was != on) {
            raise(a, was, on, reason);
        }
    }

    private static void raise(AlertService alerts, boolean was, boolean on, String reason) {
        if (on) {
            alerts.raise(Severity.CRITICAL, RiskAlerts.SOURCE, "kill-switch", "Kill switch engaged: " + reason);
        } else if (was) {
            alerts.raise(Severity.INFO, RiskAlerts.SOURCE, "kill-switch-released",
                    "Kill switch released: new orders accepted again");
        }
    }
}
