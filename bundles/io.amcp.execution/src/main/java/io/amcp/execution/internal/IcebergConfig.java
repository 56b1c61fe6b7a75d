package io.amcp.execution.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Defaults of the iceberg algorithm, PID {@code io.amcp.execution.iceberg}. */
@ObjectClassDefinition(name = "AMCP iceberg", description = "Shows a display quantity at a limit price, refilled as it fills")
public @interface IcebergConfig {

    @AttributeDefinition(description = "Displayed fraction of the parent when the parent gives no display quantity, in (0, 1]")
    double displayFraction() default 0.1;
}
