package io.amcp.execution.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Defaults of the TWAP algorithm, PID {@code io.amcp.execution.twap}. */
@ObjectClassDefinition(name = "AMCP TWAP", description = "Equal slices over the parent's [start, end]")
public @interface TwapConfig {

    @AttributeDefinition(description = "Slice interval in seconds when the parent gives no slice_interval_seconds")
    double sliceIntervalSeconds() default 300;
}
