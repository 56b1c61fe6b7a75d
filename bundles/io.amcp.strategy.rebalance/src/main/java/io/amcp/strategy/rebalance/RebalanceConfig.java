package io.amcp.strategy.rebalance;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of one rebalancing instance, factory PID {@code io.amcp.strategy.rebalance}
 * ({@code io.amcp.strategy.rebalance-<name>.cfg} files run several instances side by side).
 */
@ObjectClassDefinition(name = "AMCP optimised rebalancing",
        description = "Rebalances a universe to optimiser target weights every N bars")
public @interface RebalanceConfig {

    @AttributeDefinition(description = "Strategy id, unique on the node")
    String id() default "rebalance";

    @AttributeDefinition(description = "Universe, comma-separated symbols")
    String symbols() default "SPY,TLT,GLD";

    @AttributeDefinition(description = "Optimiser: min-variance, risk-parity or max-sharpe")
    String method() default "min-variance";

    @AttributeDefinition(description = "Bars of returns the estimates use", min = "2")
    int lookback() default 60;

    @AttributeDefinition(description = "Bars between rebalances", min = "1")
    int rebalanceEvery() default 21;

    @AttributeDefinition(description = "Most turnover sum |target - current| per rebalance; 2 = unlimited for long-only")
    double turnoverLimit() default 2;

    @AttributeDefinition(description = "Share of net asset value kept in cash, [0, 1)")
    double cashBuffer() default 0.02;
}
