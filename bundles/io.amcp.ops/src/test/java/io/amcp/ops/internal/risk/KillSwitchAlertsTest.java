package io.amcp.ops.internal.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.Money;
import io.amcp.api.spi.KillSwitch;
import io.amcp.core.Kernel;
import io.amcp.core.SimulatedClock;
import io.amcp.core.journal.Journal;
import io.amcp.ops.AlertService;
import io.amcp.ops.Severity;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Kill-switch alerts: at the change for a switch that notifies (the kernel's), and from the probe's
 * fallback only for changes no notification reported.
 */
class KillSwitchAlertsTest {

    /** One raised alert, as the alert service received it. */
    record Raised(Severity severity, String key, String message) {
    }

    private static final Raised RELEASED =
            new Raised(Severity.INFO, "kill-switch-released", "Kill switch released: new orders accepted again");

    private static Raised engaged(String reason) {
        return new Raised(Severity.CRITICAL, "kill-switch", "Kill switch engaged: " + reason);
    }

    private final List<Raised> raised = new CopyOnWriteArrayList<>();
    private final AlertService service = (severity, source, key, message) -> {
        assertThat(source).isEqualTo("ops.risk");
        return raised.add(new Raised(severity, key, message));
    };

    /** A switch that keeps the SPI's default onChange: it never notifies. */
    static final class SilentSwitch implements KillSwitch {
        private volatile String reason = "";

        @Override
        public void engage(String why) {
            reason = why;
        }

        @Override
        public void release() {
            reason = "";
        }

        @Override
        public boolean isEngaged() {
            return !reason.isEmpty();
        }

        @Override
        public String reason() {
            return reason;
        }
    }

    @Test
    void theKernelsSwitchAlertsAtEngagementAndReleaseAndTheProbeAddsNothing() {
        Kernel kernel = new Kernel(new SimulatedClock(0), Journal.NONE, Money.of("100000"), 1.0);
        KillSwitch killSwitch = kernel.killSwitch();
        KillSwitchAlerts alerts = new KillSwitchAlerts(() -> service);
        killSwitch.onChange(alerts);

        killSwitch.engage("broker outage");
        assertThat(raised).containsExactly(engaged("broker outage"));
        alerts.observe(killSwitch);
        killSwitch.release();
        alerts.observe(killSwitch);

        assertThat(raised).containsExactly(engaged("broker outage"), RELEASED);
    }

    @Test
    void theProbeAlertsOnceOnEachChangeOfASwitchThatDoesNotNotify() {
        SilentSwitch killSwitch = new SilentSwitch();
        KillSwitchAlerts alerts = new KillSwitchAlerts(() -> service);
        killSwitch.onChange(alerts);

        alerts.observe(killSwitch);
        killSwitch.engage("daily loss");
        assertThat(raised).isEmpty();
        alerts.observe(killSwitch);
        alerts.observe(killSwitch);
        killSwitch.release();
        alerts.observe(killSwitch);
        alerts.observe(killSwitch);

        assertThat(raised).containsExactly(engaged("daily loss"), RELEASED);
    }

    @Test
    void aChangeMadeWhileNoAlertServiceIsBoundIsAlertedByTheFirstProbeAfterwards() {
        Kernel kernel = new Kernel(new SimulatedClock(0), Journal.NONE, Money.of("100000"), 1.0);
        AlertService[] bound = {null};
        KillSwitchAlerts alerts = new KillSwitchAlerts(() -> bound[0]);
        kernel.killSwitch().onChange(alerts);

        kernel.killSwitch().engage("operator");
        alerts.observe(kernel.killSwitch());
        bound[0] = service;
        alerts.observe(kernel.killSwitch());

        assertThat(raised).containsExactly(engaged("operator"));
    }
}
