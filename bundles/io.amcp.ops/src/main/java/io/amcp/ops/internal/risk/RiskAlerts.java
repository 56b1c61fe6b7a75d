package io.amcp.ops.internal.risk;

import io.amcp.api.model.Bar;
import io.amcp.api.order.OrderDenied;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.spi.KillSwitch;
import io.amcp.core.KernelListener;
import io.amcp.ops.AlertService;
import io.amcp.ops.Severity;
import java.util.Locale;

/**
 * Turns the kernel's risk events into alerts, on the kernel thread (raising never blocks: the alert
 * service delivers on its own thread, de-duplicates by key and rate-limits each channel):
 * <ul>
 * <li>an order the pre-trade risk chain refused ({@link OrderDenied}): WARNING, key
 *     {@code risk-denied:<rule>:<strategy>}, so a strategy hammering one limit alerts once per window;</li>
 * <li>a limit breach a monitoring rule reports ({@link KernelListener#onRiskAlert}): CRITICAL for
 *     {@code stop-trading} (a drawdown or loss limit that stops the node), WARNING for the others
 *     (a risk order, an alert-only limit); key {@code risk-limit:<rule>};</li>
 * <li>the kill switch being engaged, seen on the next kernel event: CRITICAL, key {@code kill-switch}
 *     (the key the health probe uses for the same condition), and INFO {@code kill-switch-released}
 *     once released.</li>
 * </ul>
 */
public final class RiskAlerts implements KernelListener {

    static final String SOURCE = "ops.risk";
    static final String STOP_TRADING = "stop-trading";

    private final AlertService alerts;
    private final KillSwitch killSwitch;
    private boolean engaged;

    public RiskAlerts(AlertService alerts, KillSwitch killSwitch) {
        this.alerts = alerts;
        this.killSwitch = killSwitch;
        this.engaged = killSwitch.isEngaged();
    }

    @Override
    public void onOrderEvent(OrderEvent event) {
        if (event instanceof OrderDenied d) {
            alerts.raise(Severity.WARNING, SOURCE, "risk-denied:" + d.rule() + ":" + d.strategyId().value(),
                    "Order " + d.clientOrderId().value() + " of " + d.strategyId().value() + " ("
                            + d.order().side().name().toLowerCase(Locale.ROOT) + " " + d.order().quantity() + " "
                            + d.order().instrument().value() + ") denied by " + d.rule() + ": " + d.reason());
        }
        checkKillSwitch();
    }

    @Override
    public void onRiskAlert(String rule, String message) {
        Severity severity = STOP_TRADING.equals(rule) ? Severity.CRITICAL : Severity.WARNING;
        alerts.raise(severity, SOURCE, "risk-limit:" + rule, "Risk limit " + rule + ": " + message);
        checkKillSwitch();
    }

    @Override
    public void onBarProcessed(Bar bar) {
        checkKillSwitch();
    }

    /** Raises an alert when the kill switch changed since the last look. */
    void checkKillSwitch() {
        boolean now = killSwitch.isEngaged();
        if (now == engaged) {
            return;
        }
        engaged = now;
        if (now) {
            alerts.raise(Severity.CRITICAL, SOURCE, "kill-switch", "Kill switch engaged: " + killSwitch.reason());
        } else {
            alerts.raise(Severity.INFO, SOURCE, "kill-switch-released", "Kill switch released: new orders accepted again");
        }
    }
}
