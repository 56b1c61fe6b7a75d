package io.amcp.strategy.ironcondor;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of one iron-condor instance, factory PID {@code io.amcp.strategy.ironcondor}
 * ({@code io.amcp.strategy.ironcondor-<name>.cfg}).
 */
@ObjectClassDefinition(name = "AMCP iron condor", description = "Sells iron condors when implied exceeds realised volatility")
public @interface IronCondorConfig {

    @AttributeDefinition(description = "Strategy id, unique on the node")
    String id() default "iron-condor";

    @AttributeDefinition(description = "Underlying symbol (1-6 capital letters)")
    String symbol() default "AAPL";

    @AttributeDefinition(description = "Condors per entry", min = "1")
    int quantity() default 1;

    @AttributeDefinition(description = "Realised volatility window in daily returns", min = "2")
    int realizedWindow() default 10;

    @AttributeDefinition(description = "Enter when ATM implied vol minus realised vol exceeds this (0.03 = 3 points)")
    double volMargin() default 0.03;

    @AttributeDefinition(description = "Target calendar days to expiry", min = "2")
    int targetDays() default 30;

    @AttributeDefinition(description = "|delta| of the short put and call")
    double shortDelta() default 0.16;

    @AttributeDefinition(description = "Distance of the long wings from the short strikes")
    double wingWidth() default 10;

    @AttributeDefinition(description = "Take profit at this fraction of the credit")
    double profitTarget() default 0.5;

    @AttributeDefinition(description = "Stop when the loss reaches this multiple of the credit")
    double stopMultiple() default 2.0;

    @AttributeDefinition(description = "Close this many calendar days before expiry (-1: hold to cash settlement)", min = "-1")
    int closeDaysBeforeExpiry() default 5;

    @AttributeDefinition(description = "Limit price position in the spread: 0 = mid, 1 = touch")
    double priceConcession() default 1.0;

    @AttributeDefinition(description = "Synthetic chain strike spacing")
    double strikeStep() default 5;
}
