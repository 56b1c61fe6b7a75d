package io.amcp.risk.rules.internal;

import io.amcp.api.model.StrategyId;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.RiskAction;
import io.amcp.api.spi.RiskContext;
import io.amcp.api.spi.RiskRule;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * At most {@code maxOrdersPerMinute} orders per strategy in any window of 60 seconds of the kernel
 * clock ({@link RiskContext#clock()}: simulated time in backtests, never the wall clock). An order
 * counts when this rule lets it pass (a refused order does not use up the budget). Pre-trade only.
 */
@Component(service = RiskRule.class, configurationPid = "io.amcp.risk.rules.orderrate",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = OrderRateConfig.class, factory = true)
public final class OrderRateRule extends LimitRule<OrderRateRule.Limits> {

    private static final long MINUTE = 60_000_000_000L;

    record Limits(String name, RiskAction action, int maxOrdersPerMinute) implements LimitRule.Limits {

        static Limits of(OrderRateConfig c) {
            if (c.maxOrdersPerMinute() < 1) {
                throw new IllegalArgumentException("maxOrdersPerMinute: must be at least 1, was " + c.maxOrdersPerMinute());
            }
            return new Limits(Settings.name(c.name(), "order-rate"), Settings.action(c.action()),
                    c.maxOrdersPerMinute());
        }
    }

    /** Clock times of each strategy's counted orders within the last minute (kernel thread). */
    private final Map<StrategyId, ArrayDeque<Long>> sent = new HashMap<>();

    @Activate
    public OrderRateRule(OrderRateConfig config) {
        super(Limits.of(config));
    }

    @Modified
    void modified(OrderRateConfig config) {
        update(Limits.of(config));
    }

    @Override
    String preTrade(Limits l, SubmitOrder order, StrategyId strategy, RiskContext context) {
        long now = context.clock().nanos();
        ArrayDeque<Long> times = sent.computeIfAbsent(strategy, s -> new ArrayDeque<>());
        while (!times.isEmpty() && times.peekFirst() <= now - MINUTE) {
            times.pollFirst();
        }
        if (times.size() >= l.maxOrdersPerMinute) {
            return "strategy " + strategy + " sent " + times.size() + " orders in the last minute, limit "
                    + l.maxOrdersPerMinute;
        }
        times.addLast(now);
        return null;
    }
}
