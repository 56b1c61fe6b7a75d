package ${package};

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of one breakout instance, factory PID {@code ${pid}}: every
 * {@code etc/${pid}-<name>.cfg} file starts one instance.
 */
@ObjectClassDefinition(name = "Breakout strategy", description = "Long-only channel breakout on closes")
public @interface BreakoutConfig {

    @AttributeDefinition(description = "Strategy id, unique on the node")
    String id() default "breakout";

    @AttributeDefinition(description = "Symbol to trade")
    String symbol() default "AAPL";

    @AttributeDefinition(description = "Number of previous closes that make the channel", min = "2")
    int lookback() default 20;

    @AttributeDefinition(description = "Units bought on a breakout above the channel")
    String quantity() default "10";
}
