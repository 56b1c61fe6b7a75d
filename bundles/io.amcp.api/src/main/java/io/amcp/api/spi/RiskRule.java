package io.amcp.api.spi;

import io.amcp.api.model.StrategyId;
import io.amcp.api.order.SubmitOrder;

/**
 * A pre-trade check, registered as an OSGi service and run on the kernel thread for every new
 * order before it reaches a broker. Must be fast and must not block.
 */
public interface RiskRule {

    /** Name reported in rejections, e.g. {@code max-order-notional}. */
    String name();

    RiskDecision check(SubmitOrder order, StrategyId strategy, RiskContext context);

    /**
     * Whether {@link #monitor} should run after every market event: limits that can be breached
     * without a new order (drawdown, VaR, margin usage) say yes and act through the context.
     */
    default boolean monitors() {
        return false;
    }

    /** Checks the limit against the current state after a market event (kernel thread; fast, non-blocking). */
    default void monitor(RiskContext context) {
    }
}
