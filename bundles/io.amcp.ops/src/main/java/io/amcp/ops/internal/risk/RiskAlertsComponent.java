package io.amcp.ops.internal.risk;

import io.amcp.api.spi.TradingNode;
import io.amcp.core.Kernel;
import io.amcp.ops.AlertService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to the in-process kernel's risk events and raises them as alerts ({@link RiskAlerts}). The
 * kernel registers itself as the {@link TradingNode} service; its risk breaches are only reported to
 * in-process {@code KernelListener}s, so a node that is not the local kernel gets no risk alerts. The
 * kill switch is alerted on by {@link KillSwitchAlerts}, subscribed to it for any node.
 */
@Component(immediate = true, service = {})
public final class RiskAlertsComponent {

    private static final Logger LOG = LoggerFactory.getLogger(RiskAlertsComponent.class);

    private final Kernel kernel;
    private final RiskAlerts listener;

    @Activate
    public RiskAlertsComponent(@Reference TradingNode node, @Reference AlertService alerts) {
        this.listener = new RiskAlerts(alerts);
        if (node instanceof Kernel k) {
            this.kernel = k;
            k.addListener(listener);
        } else {
            this.kernel = null;
            LOG.warn("risk alerts need the in-process kernel; trading node {} is not one", node.getClass().getName());
        }
    }

    @Deactivate
    void deactivate() {
        if (kernel != null) {
            kernel.removeListener(listener);
        }
    }
}
