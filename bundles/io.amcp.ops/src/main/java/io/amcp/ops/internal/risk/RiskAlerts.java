package io.amcp.ops.internal.risk;

import io.amcp.api.order.OrderDenied;
import io.amcp.api.order.OrderEvent;
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
 *     {@code stop-trading} (a drawdown or loss limit that stops the node and engages the kill switch),
 *     WARNING for the others (a risk order, an alert-only limit); key {@code risk-limit:<rule>}.</li>
 * </ul>
 * The kill switch itself is observed by {@link KillSwitchAlerts}, subscribed to it.
 */
public final class RiskAlerts implements KernelListener {

    /** The source of risk and kill-switch alerts. */
    public static final String SOURCE = "ops.risk";
    static final String STOP_TRADING = "stop-trading";

    private final AlertService alerts;

    public RiskAlerts(AlertService alerts) {
        this.alerts = alerts;
    }

    @Override
    public void onOrderEvent(OrderEvent event) {
        if (event instanceof OrderDenied d) {
            alerts.raise(Severity.WARNING, SOURCE, "risk-denied:" + d.rule() + ":" + d.strategyId().value(),
                    "Order " + d.clientOrderId().value() + " of " + d.strategyId().value() + " ("
                            + d.order().side().name().toLowerCase(Locale.ROOT) + " " + d.order().quantity() + " "
                            + d.order().instrument().value() + ") denied by " + d.rule() + ": " + d.reason());
        }
    }

    @Override
    public void onRiskAlert(String rule, String message) {
        Severity severity = STOP_TRADING.equals(rule) ? Severity.CRITICAL : Severity.WARNING;
        alerts.raise(severity, SOURCE, "risk-limit:" + rule, "Risk limit " + rule + ": " + message);
    }
}
