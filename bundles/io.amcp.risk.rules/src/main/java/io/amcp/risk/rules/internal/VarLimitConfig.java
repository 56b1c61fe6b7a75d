package io.amcp.risk.rules.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Factory PID {@code io.amcp.risk.rules.var}: parametric one-day value at risk. */
@ObjectClassDefinition(name = "AMCP risk rule: VaR limit",
        description = "Most parametric (normal, zero-mean) one-day VaR of the positions plus the new order")
public @interface VarLimitConfig {

    @AttributeDefinition(description = "Rule name, reported in rejections and alerts")
    String name() default "var-limit";

    @AttributeDefinition(description = "What a breach does: alert, block, reduce or stop")
    String action() default "block";

    @AttributeDefinition(description = "Most one-day VaR in account currency")
    double maxVar() default 5000;

    @AttributeDefinition(description = "Confidence level in percent, e.g. 99")
    double confidencePercent() default 99;

    @AttributeDefinition(description = "Daily return volatility per symbol, e.g. AAPL:0.02,MSFT:0.018 (used when returns is empty)")
    String volatilities() default "";

    @AttributeDefinition(description = "Correlation of every pair of symbols with volatilities, -1..1")
    double correlation() default 1;

    @AttributeDefinition(description = "Daily returns per symbol, equal lengths, e.g. AAPL:0.01 -0.02 0.004;MSFT:0.003 0.01 -0.007")
    String returns() default "";
}
