package io.amcp.routing.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Smart order routing, PID {@code io.amcp.routing}. */
@ObjectClassDefinition(name = "AMCP smart order router", description = "Routes orders across broker connectors")
public @interface RoutingConfig {

    @AttributeDefinition(description = "The router's own connector id")
    String routerId() default "smart";

    @AttributeDefinition(description = "One rule per venue, <connector id>:<asset classes|*>:<fee bps>, e.g. "
            + "paper:*:0 or alpaca:EQUITY,ETF,CRYPTO:0.3; cheapest first, ties in this order. Empty: every "
            + "connector, every asset class, in the order they appeared")
    String[] venueRules() default {};

    @AttributeDefinition(description = "Simple orders above this quantity are split across venues; 0 = never split")
    double splitAboveQuantity() default 0;

    @AttributeDefinition(description = "At most this many venues share one split order (at least 2)")
    int maxVenuesPerOrder() default 2;

    @AttributeDefinition(description = "Seconds a venue whose connector refused an order is passed over")
    int refusalCooldownSeconds() default 30;
}
