package io.amcp.shell.internal;

import io.amcp.api.spi.KillSwitch;
import io.amcp.api.spi.TradingNode;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** {@code amcp:kill-switch [on|off] [reason]}: stops or resumes all new orders; alone it shows the state. */
@Service
@Command(scope = "amcp", name = "kill-switch",
        description = "Engages (on) or releases (off) the kill switch that stops all new orders; without an action shows its state")
public class KillSwitchCommand implements Action {

    static final String DEFAULT_REASON = "engaged from the shell";

    @Reference
    TradingNode node;

    @Argument(index = 0, name = "action", description = "on or off; omit to show the state")
    @Completion(value = StringsCompleter.class, values = {"on", "off"})
    String action;

    @Argument(index = 1, name = "reason", description = "why the switch is engaged (with on)", multiValued = true)
    List<String> reason;

    @Override
    public Object execute() {
        System.out.println(apply(node.killSwitch(), action, reason));
        return null;
    }

    /** Applies the action to the switch and returns the line to print. */
    static String apply(KillSwitch killSwitch, String action, List<String> reason) {
        if (action == null) {
            return describe(killSwitch);
        }
        switch (action) {
            case "on" -> killSwitch.engage(reason == null || reason.isEmpty() ? DEFAULT_REASON : String.join(" ", reason));
            case "off" -> {
                if (reason != null && !reason.isEmpty()) {
                    throw new IllegalArgumentException("reason: only 'on' takes a reason, got '" + String.join(" ", reason) + "'");
                }
                killSwitch.release();
            }
            default -> throw new IllegalArgumentException("action: must be 'on' or 'off', was '" + action + "'");
        }
        return describe(killSwitch);
    }

    private static String describe(KillSwitch killSwitch) {
        return killSwitch.isEngaged()
                ? "Kill switch ENGAGED: " + killSwitch.reason() + " (new orders are rejected)"
                : "Kill switch released (orders flow)";
    }
}
