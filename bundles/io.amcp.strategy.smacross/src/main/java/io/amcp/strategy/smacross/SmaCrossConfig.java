package io.amcp.strategy.smacross;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of one SMA-crossover instance, PID {@code io.amcp.strategy.smacross} (a factory
 * PID: {@code io.amcp.strategy.smacross-<name>.cfg} files run several instances side by side).
 */
@ObjectClassDefinition(name = "AMCP SMA crossover", description = "Long-only simple-moving-average crossover")
public @interface SmaCrossConfig {

    @AttributeDefinition(description = "Strategy id, unique on the node")
    String id() default "sma-cross";

    @AttributeDefinition(description = "Symbol to trade")
    String symbol() default "AAPL";

    @AttributeDefinition(description = "Fast SMA period in bars", min = "1")
    int fast() default 10;

    @AttributeDefinition(description = "Slow SMA period in bars", min = "2")
    int slow() default 30;

    @AttributeDefinition(description = "Quantity to buy on a golden cross")
    String quantity() default "10";
}
