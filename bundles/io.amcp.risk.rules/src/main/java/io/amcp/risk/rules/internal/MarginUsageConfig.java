package io.amcp.risk.rules.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Factory PID {@code io.amcp.risk.rules.margin}: Reg-T style initial margin over equity. */
@ObjectClassDefinition(name = "AMCP risk rule: margin usage",
        description = "Most initial margin requirement (Reg-T style) in percent of equity")
public @interface MarginUsageConfig {

    @AttributeDefinition(description = "Rule name, reported in rejections and alerts")
    String name() default "margin-usage";

    @AttributeDefinition(description = "What a breach does: alert, block, reduce or stop")
    String action() default "block";

    @AttributeDefinition(description = "Most initial margin in percent of equity, e.g. 80")
    double maxUsagePercent() default 100;

    @AttributeDefinition(description = "Initial requirement of long positions, percent of market value (Reg-T 50)")
    double longInitialPercent() default 50;

    @AttributeDefinition(description = "Initial requirement of short positions beyond the proceeds, percent of market value (Reg-T 50)")
    double shortInitialPercent() default 50;
}
