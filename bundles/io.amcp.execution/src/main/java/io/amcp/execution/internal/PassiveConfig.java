package io.amcp.execution.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Defaults of the passive-then-market algorithm, PID {@code io.amcp.execution.passive}. */
@ObjectClassDefinition(name = "AMCP passive then market", description = "Posts at the touch, crosses with a market order after a timeout")
public @interface PassiveConfig {

    @AttributeDefinition(description = "Seconds to rest passively before crossing, when the parent gives no timeout_seconds")
    double timeoutSeconds() default 60;
}
