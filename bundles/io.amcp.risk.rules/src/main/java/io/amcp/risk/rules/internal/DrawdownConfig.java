package io.amcp.risk.rules.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Factory PID {@code io.amcp.risk.rules.drawdown}: peak-to-trough decline of equity. */
@ObjectClassDefinition(name = "AMCP risk rule: drawdown",
        description = "Most decline of equity from its highest value seen, in percent of that peak")
public @interface DrawdownConfig {

    @AttributeDefinition(description = "Rule name, reported in rejections and alerts")
    String name() default "drawdown";

    @AttributeDefinition(description = "What a breach does: alert, block, reduce or stop")
    String action() default "stop";

    @AttributeDefinition(description = "Most drawdown in percent of the equity peak, e.g. 10")
    double maxDrawdownPercent() default 10;

    @AttributeDefinition(description = "With action reduce: fraction of every position to sell, (0, 1]")
    double reduceFraction() default 0.5;
}
