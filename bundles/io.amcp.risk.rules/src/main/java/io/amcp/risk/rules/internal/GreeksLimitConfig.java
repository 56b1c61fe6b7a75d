package io.amcp.risk.rules.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Factory PID {@code io.amcp.risk.rules.greeks}: net delta, gamma and vega per underlying. */
@ObjectClassDefinition(name = "AMCP risk rule: Greeks limits",
        description = "Most net delta, gamma and vega per underlying, from option positions and the underlying itself")
public @interface GreeksLimitConfig {

    @AttributeDefinition(description = "Rule name, reported in rejections and alerts")
    String name() default "greeks-limit";

    @AttributeDefinition(description = "What a breach does: alert, block, reduce (delta hedge) or stop")
    String action() default "block";

    @AttributeDefinition(description = "Most absolute net delta per underlying, in shares; 0 = no limit")
    double maxDelta() default 0;

    @AttributeDefinition(description = "Most absolute net gamma per underlying, in shares per 1.00 move; 0 = no limit")
    double maxGamma() default 0;

    @AttributeDefinition(description = "Most absolute net vega per underlying, in currency per volatility point; 0 = no limit")
    double maxVega() default 0;

    @AttributeDefinition(description = "Implied volatility used for every underlying without its own, e.g. 0.25")
    double volatility() default 0.25;

    @AttributeDefinition(description = "Implied volatility per underlying, e.g. AAPL:0.28,SPY:0.15")
    String volatilities() default "";

    @AttributeDefinition(description = "Risk-free rate, continuously compounded, e.g. 0.05")
    double rate() default 0;
}
