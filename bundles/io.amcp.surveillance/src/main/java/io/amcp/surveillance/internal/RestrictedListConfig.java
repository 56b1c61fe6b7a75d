package io.amcp.surveillance.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Restricted list and trading halts, PID {@code io.amcp.surveillance.restricted}. */
@ObjectClassDefinition(name = "AMCP restricted list and halts", description = "Refuses orders in restricted or halted symbols")
public @interface RestrictedListConfig {

    @AttributeDefinition(description = "Restricted symbols, comma-separated (e.g. XYZ,ABC): nobody may trade them")
    String restricted() default "";

    @AttributeDefinition(description = "Halted symbols, comma-separated: trading is suspended until removed")
    String halted() default "";
}
