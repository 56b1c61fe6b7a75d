package io.amcp.execution.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Defaults of the implementation-shortfall algorithm, PID {@code io.amcp.execution.shortfall}. */
@ObjectClassDefinition(name = "AMCP implementation shortfall", description = "Almgren-Chriss front-loaded schedule against the arrival price")
public @interface ShortfallConfig {

    @AttributeDefinition(description = "Urgency kappa*T when the parent gives none: 0 = straight line (TWAP), larger = more front-loaded", min = "0")
    double urgency() default 1.0;

    @AttributeDefinition(description = "Decision interval in seconds when the parent gives no decision_interval_seconds")
    double decisionIntervalSeconds() default 300;
}
