package io.amcp.execution.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Defaults of the percent-of-volume algorithm, PID {@code io.amcp.execution.pov}. */
@ObjectClassDefinition(name = "AMCP percent of volume", description = "Children follow a fraction of the observed market volume")
public @interface PovConfig {

    @AttributeDefinition(description = "Participation rate in (0, 1] when the parent gives no rate")
    double rate() default 0.1;

    @AttributeDefinition(description = "Smallest child (quantity) when the parent gives no min_child; 0 = none")
    String minChild() default "0";

    @AttributeDefinition(description = "Largest child (quantity) when the parent gives no max_child; 0 = none")
    String maxChild() default "0";
}
