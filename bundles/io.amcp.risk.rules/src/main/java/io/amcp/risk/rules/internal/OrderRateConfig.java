package io.amcp.risk.rules.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Factory PID {@code io.amcp.risk.rules.orderrate}: orders per minute per strategy. */
@ObjectClassDefinition(name = "AMCP risk rule: order rate",
        description = "Most orders one strategy may send in any 60 seconds of kernel clock time")
public @interface OrderRateConfig {

    @AttributeDefinition(description = "Rule name, reported in rejections and alerts")
    String name() default "order-rate";

    @AttributeDefinition(description = "What a breach does: alert or block (reduce and stop block the order)")
    String action() default "block";

    @AttributeDefinition(description = "Most orders per strategy in any 60 seconds", min = "1")
    int maxOrdersPerMinute() default 60;
}
