package io.amcp.execution.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Defaults of the VWAP algorithm, PID {@code io.amcp.execution.vwap}. */
@ObjectClassDefinition(name = "AMCP VWAP", description = "Child sizes follow a historical volume profile")
public @interface VwapConfig {

    @AttributeDefinition(description = "Decision interval in seconds when the parent gives no decision_interval_seconds")
    double decisionIntervalSeconds() default 300;

    @AttributeDefinition(description = "Volume profile when the parent gives none, text form zone|HH:mm|duration|s1,s2,... "
            + "(see VolumeProfile); the default is flat over 24 UTC hours")
    String profile() default "UTC|00:00|PT1H|1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1";
}
