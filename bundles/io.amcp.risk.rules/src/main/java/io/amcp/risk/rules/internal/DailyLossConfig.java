package io.amcp.risk.rules.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Factory PID {@code io.amcp.risk.rules.dailyloss}: loss against the day's starting equity. */
@ObjectClassDefinition(name = "AMCP risk rule: daily loss",
        description = "Most loss of the trading day, in percent of the equity at the start of the day")
public @interface DailyLossConfig {

    @AttributeDefinition(description = "Rule name, reported in rejections and alerts")
    String name() default "daily-loss";

    @AttributeDefinition(description = "What a breach does: alert, block, reduce or stop")
    String action() default "block";

    @AttributeDefinition(description = "Most loss in percent of the day's starting equity, e.g. 2")
    double maxLossPercent() default 2;

    @AttributeDefinition(description = "With action reduce: fraction of every position to sell, (0, 1]")
    double reduceFraction() default 0.5;
}
