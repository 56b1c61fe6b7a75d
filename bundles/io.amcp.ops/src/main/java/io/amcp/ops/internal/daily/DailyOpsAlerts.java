package io.amcp.ops.internal.daily;

import io.amcp.ops.AlertService;
import io.amcp.ops.Severity;

/** Turns a daily job's result into an alert (keys carry the job and the date, so each day alerts once). */
public final class DailyOpsAlerts {

    private DailyOpsAlerts() {
    }

    public static void raise(AlertService alerts, JobResult r) {
        String key = r.job().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ":" + r.date();
        String text = r.job() + " " + r.date() + ": " + String.join("; ", r.findings());
        Severity severity;
        if (r.ok()) {
            severity = Severity.INFO;
        } else if (r.job() == DailyJob.RECONCILIATION
                && r.findings().stream().anyMatch(f -> f.startsWith("POSITION") || f.startsWith("CASH"))) {
            severity = Severity.CRITICAL;
        } else {
            severity = Severity.WARNING;
        }
        alerts.raise(severity, "ops.daily", key, text);
    }
}
