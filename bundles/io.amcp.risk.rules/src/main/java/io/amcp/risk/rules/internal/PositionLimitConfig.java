package io.amcp.risk.rules.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Factory PID {@code io.amcp.risk.rules.position}: most absolute quantity held per symbol. */
@ObjectClassDefinition(name = "AMCP risk rule: position limit",
        description = "Most absolute quantity per symbol, open orders on the same side counted as filled")
public @interface PositionLimitConfig {

    @AttributeDefinition(description = "Rule name, reported in rejections and alerts")
    String name() default "position-limit";

    @AttributeDefinition(description = "What a breach does: alert or block (reduce and stop block the order)")
    String action() default "block";

    @AttributeDefinition(description = "Most absolute quantity of any symbol")
    String maxQuantity() default "1000";

    @AttributeDefinition(description = "Per-symbol limits overriding maxQuantity, e.g. AAPL:500,MSFT:200")
    String limits() default "";
}
