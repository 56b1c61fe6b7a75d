package io.amcp.strategy.xsmomentum;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of one cross-sectional momentum instance, PID {@code io.amcp.strategy.xsmomentum} (a
 * factory PID: {@code io.amcp.strategy.xsmomentum-<name>.cfg} files run several instances side by side).
 */
@ObjectClassDefinition(name = "AMCP cross-sectional momentum",
        description = "Holds the top K symbols of a universe by lookback return, equally weighted")
public @interface CrossSectionalMomentumConfig {

    @AttributeDefinition(description = "Strategy id, unique on the node")
    String id() default "xs-momentum";

    @AttributeDefinition(description = "Universe of symbols, at least two")
    String[] symbols() default {"SYN001", "SYN002", "SYN003", "SYN004", "SYN005"};

    @AttributeDefinition(description = "Lookback of the ranking return in bars", min = "1")
    int lookback() default 60;

    @AttributeDefinition(description = "Most recent bars left out of the ranking return", min = "0")
    int skip() default 5;

    @AttributeDefinition(description = "Number of symbols held long (and short, with shortBottom)", min = "1")
    int topK() default 2;

    @AttributeDefinition(description = "Whether to sell short the bottom K symbols")
    boolean shortBottom() default false;

    @AttributeDefinition(description = "Bars between rebalances", min = "1")
    int rebalanceBars() default 21;

    @AttributeDefinition(description = "Gross exposure as a multiple of account equity", min = "0")
    double grossExposure() default 1.0;

    @AttributeDefinition(description = "Fraction of equity kept as cash when sizing", min = "0", max = "1")
    double cashBuffer() default 0.02;

    @AttributeDefinition(description = "Order quantities are whole multiples of this lot")
    String lotSize() default "1";
}
