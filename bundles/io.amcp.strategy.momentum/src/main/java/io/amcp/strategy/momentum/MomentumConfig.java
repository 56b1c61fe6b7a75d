package io.amcp.strategy.momentum;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of one time-series momentum instance, PID {@code io.amcp.strategy.momentum} (a factory
 * PID: {@code io.amcp.strategy.momentum-<name>.cfg} files run several instances side by side).
 */
@ObjectClassDefinition(name = "AMCP time-series momentum",
        description = "Long (or short) by the sign of the lookback return, sized to a target volatility")
public @interface MomentumConfig {

    @AttributeDefinition(description = "Strategy id, unique on the node")
    String id() default "momentum";

    @AttributeDefinition(description = "Symbol to trade")
    String symbol() default "AAPL";

    @AttributeDefinition(description = "Lookback of the momentum return in bars", min = "1")
    int lookback() default 120;

    @AttributeDefinition(description = "Window of the realised volatility in bars (log returns)", min = "2")
    int volatilityWindow() default 20;

    @AttributeDefinition(description = "Target annual volatility as a fraction, e.g. 0.15", min = "0")
    double targetVolatility() default 0.15;

    @AttributeDefinition(description = "Largest position notional as a multiple of capital", min = "0")
    double maxLeverage() default 1.0;

    @AttributeDefinition(description = "Bars between rebalances", min = "1")
    int rebalanceBars() default 5;

    @AttributeDefinition(description = "Bars per year, to annualise the realised volatility (252 daily equities)")
    double periodsPerYear() default 252;

    @AttributeDefinition(description = "Whether a negative lookback return goes short (else flat)")
    boolean allowShort() default false;

    @AttributeDefinition(description = "Capital allocated to this strategy, account currency")
    String capital() default "100000";

    @AttributeDefinition(description = "Order quantities are whole multiples of this lot")
    String lotSize() default "1";
}
