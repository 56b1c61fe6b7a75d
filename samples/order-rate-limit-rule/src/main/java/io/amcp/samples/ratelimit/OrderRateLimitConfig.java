package io.amcp.samples.ratelimit;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of one order rate limit, factory PID {@code io.amcp.samples.ratelimit}: every
 * {@code etc/io.amcp.samples.ratelimit-<name>.cfg} file adds one rule to the risk chain.
 */
@ObjectClassDefinition(name = "AMCP sample: order rate limit",
        description = "Rejects a strategy's orders beyond maxOrders per rolling window of kernel time")
public @interface OrderRateLimitConfig {

    @AttributeDefinition(description = "Orders one strategy may submit within the window", min = "1")
    int maxOrders() default 10;

    @AttributeDefinition(description = "Length of the rolling window in seconds of kernel time", min = "1")
    int windowSeconds() default 60;
}
