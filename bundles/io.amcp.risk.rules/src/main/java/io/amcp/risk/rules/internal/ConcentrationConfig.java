package io.amcp.risk.rules.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Factory PID {@code io.amcp.risk.rules.concentration}: largest weight of one symbol and one sector. */
@ObjectClassDefinition(name = "AMCP risk rule: concentration",
        description = "Most weight of one symbol and of one sector in gross exposure")
public @interface ConcentrationConfig {

    @AttributeDefinition(description = "Rule name, reported in rejections and alerts")
    String name() default "concentration";

    @AttributeDefinition(description = "What a breach does: alert, block, reduce or stop")
    String action() default "block";

    @AttributeDefinition(description = "Most weight of one symbol, percent of gross exposure")
    double maxSymbolPercent() default 25;

    @AttributeDefinition(description = "Most weight of one sector, percent of gross exposure; 0 = no limit")
    double maxSectorPercent() default 0;

    @AttributeDefinition(description = "Sector of each symbol, e.g. AAPL:tech,XOM:energy")
    String sectors() default "";
}
