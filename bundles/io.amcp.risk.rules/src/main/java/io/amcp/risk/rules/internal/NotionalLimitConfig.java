package io.amcp.risk.rules.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Factory PID {@code io.amcp.risk.rules.notional}: per-order notional and gross exposure. */
@ObjectClassDefinition(name = "AMCP risk rule: notional limit",
        description = "Most notional per order and most gross exposure (long plus absolute short market value)")
public @interface NotionalLimitConfig {

    @AttributeDefinition(description = "Rule name, reported in rejections and alerts")
    String name() default "notional-limit";

    @AttributeDefinition(description = "What a breach does: alert, block, reduce or stop")
    String action() default "block";

    @AttributeDefinition(description = "Most notional of one order (price x quantity x multiplier); 0 = no limit")
    double maxOrderNotional() default 0;

    @AttributeDefinition(description = "Most gross exposure of the account; 0 = no limit")
    double maxGrossExposure() default 0;
}
