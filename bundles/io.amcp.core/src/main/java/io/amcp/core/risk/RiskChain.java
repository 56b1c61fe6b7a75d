package io.amcp.core.risk;

import io.amcp.api.model.StrategyId;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.RiskContext;
import io.amcp.api.spi.RiskDecision;
import io.amcp.api.spi.RiskRule;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The pre-trade risk chain: every rule sees every new order; the first rejection wins. Rules can be
 * added and removed while trading (they come and go as OSGi services). A rule that throws rejects
 * the order (fail closed) and names itself.
 */
public final class RiskChain {

    private final List<RiskRule> rules = new CopyOnWriteArrayList<>();
    /** The rules that watch every market event; an empty array costs nothing per event. */
    private volatile RiskRule[] monitoring = new RiskRule[0];

    public void add(RiskRule rule) {
        rules.add(rule);
        refreshMonitoring();
    }

    public void remove(RiskRule rule) {
        rules.remove(rule);
        refreshMonitoring();
    }

    private synchronized void refreshMonitoring() {
        monitoring = rules.stream().filter(RiskRule::monitors).toArray(RiskRule[]::new);
    }

    /** Whether any rule watches market events. */
    public boolean hasMonitors() {
        return monitoring.length > 0;
    }

    /**
     * Runs the monitoring rules after a market event; a rule that throws is reported through
     * {@code onFailure} and the others still run.
     */
    public void monitor(RiskContext context, BiConsumer<RiskRule, RuntimeException> onFailure) {
        for (RiskRule rule : monitoring) {
            try {
                rule.monitor(context);
            } catch (RuntimeException e) {
                onFailure.accept(rule, e);
            }
        }
    }

    public List<RiskRule> rules() {
        return List.copyOf(rules);
    }

    public RiskDecision check(SubmitOrder order, StrategyId strategy, RiskContext context) {
        for (RiskRule rule : rules) {
            RiskDecision d;
            try {
                d = rule.check(order, strategy, context);
            } catch (RuntimeException e) {
                return RiskDecision.reject(rule.name(), "rule failed, order refused: " + e);
            }
            if (!d.approved()) {
                return d;
            }
        }
        return RiskDecision.APPROVED;
    }
}
