package io.amcp.samples.pairs;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of one pairs-trading instance, factory PID {@code io.amcp.samples.pairs}: every
 * {@code etc/io.amcp.samples.pairs-<name>.cfg} file starts one.
 */
@ObjectClassDefinition(name = "AMCP sample: pairs trading",
        description = "Trades the spread ln(y) - alpha - beta ln(x) of a cointegrated pair on its z-score")
public @interface PairsTradingConfig {

    @AttributeDefinition(description = "Strategy id, unique on the node")
    String id() default "pairs";

    @AttributeDefinition(description = "Dependent leg y")
    String symbolY();

    @AttributeDefinition(description = "Explanatory leg x")
    String symbolX();

    @AttributeDefinition(description = "Bars in the rolling OLS window of log prices (hedge ratio)", min = "3")
    int olsWindow() default 120;

    @AttributeDefinition(description = "Bars in the spread's z-score window", min = "2")
    int zWindow() default 30;

    @AttributeDefinition(description = "Enter when |z| rises above this")
    double entryZ() default 2.0;

    @AttributeDefinition(description = "Exit when |z| falls below this")
    double exitZ() default 0.5;

    @AttributeDefinition(description = "Stop out when |z| rises above this")
    double stopZ() default 4.0;

    @AttributeDefinition(description = "Units of y per trade; the x leg is sized by the hedge ratio")
    String quantityY() default "100";
}
