package io.amcp.risk.rules.internal;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.RiskAction;
import io.amcp.api.spi.RiskContext;
import io.amcp.api.spi.RiskDecision;
import io.amcp.api.spi.RiskRule;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What every configurable rule shares: the current limits (swapped whole when Config Admin updates
 * the configuration, so a change applies from the next order or market event without a restart),
 * the action, and acting once per breach.
 *
 * <p>Pre-trade: an order that would breach the limit is rejected with a reason naming the rule, the
 * limit and the value; with action {@code alert} it passes and the breach is reported. Monitoring
 * (rules whose {@link #monitors()} is true): when the current state breaches the limit the rule acts
 * once, by its action, and again only after the state has come back within the limit.
 *
 * <p>Orders the risk engine submits itself (owner {@code risk}: liquidations, hedges) are not limited
 * by these rules, so a reducing order is never blocked by the breach it repairs.
 *
 * @param <L> the parsed limits
 */
abstract class LimitRule<L extends LimitRule.Limits> implements RiskRule {

    /** What a rule's parsed configuration always has. */
    interface Limits {
        String name();

        RiskAction action();
    }

    static final StrategyId RISK_OWNER = StrategyId.of("risk");

    private volatile L limits;
    /** Instruments this rule has seen in orders: the positions it can measure and reduce (kernel thread). */
    private final Set<InstrumentId> seen = new TreeSet<>();
    private boolean acted;

    LimitRule(L limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Replaces the limits; the next order or market event uses them. */
    final void update(L newLimits) {
        this.limits = Objects.requireNonNull(newLimits, "limits");
    }

    final L limits() {
        return limits;
    }

    @Override
    public final String name() {
        return limits.name();
    }

    /** Every instrument this rule has seen in an order or an open order, in symbol order. */
    final Set<InstrumentId> seenInstruments() {
        return seen;
    }

    @Override
    public final RiskDecision check(SubmitOrder order, StrategyId strategy, RiskContext context) {
        seen.add(order.instrument());
        if (RISK_OWNER.equals(strategy)) {
            return RiskDecision.APPROVED;
        }
        L l = limits;
        String reason = preTrade(l, order, strategy, context);
        if (reason == null) {
            return RiskDecision.APPROVED;
        }
        if (l.action() == RiskAction.ALERT) {
            context.alert(l.name(), reason);
            return RiskDecision.APPROVED;
        }
        return RiskDecision.reject(l.name(), reason);
    }

    @Override
    public final void monitor(RiskContext context) {
        for (OrderView open : context.openOrders()) {
            seen.add(open.request().instrument());
        }
        L l = limits;
        String breach = breach(l, context);
        if (breach == null) {
            acted = false;
            return;
        }
        if (acted) {
            return;
        }
        acted = true;
        String text = l.name() + ": " + breach;
        switch (l.action()) {
            case ALERT -> context.alert(l.name(), breach);
            case BLOCK -> context.alert(l.name(), breach + "; orders that add risk are refused");
            case REDUCE -> {
                List<SubmitOrder> orders = reducingOrders(l, context);
                if (orders.isEmpty()) {
                    context.alert(l.name(), breach + "; no position this rule can reduce");
                }
                for (SubmitOrder order : orders) {
                    context.submitRiskOrder(order, text);
                }
            }
            case STOP -> context.stopTrading(text);
            default -> throw new IllegalStateException("unknown action " + l.action());
        }
    }

    /**
     * Why {@code order} would break the limit, or null when it may pass. The rule's name is not part
     * of it: a rejection carries the name beside the reason and hosts show {@code name: reason}.
     */
    abstract String preTrade(L limits, SubmitOrder order, StrategyId strategy, RiskContext context);

    /** Why the current state breaks the limit, without the rule's name, or null when it is within. */
    String breach(L limits, RiskContext context) {
        return null;
    }

    /** Orders that bring the current state back within the limit (action {@code reduce}). */
    List<SubmitOrder> reducingOrders(L limits, RiskContext context) {
        return List.of();
    }
}
