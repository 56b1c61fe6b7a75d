package io.amcp.strategy.meanreversion;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of one Bollinger/RSI mean-reversion instance, PID
 * {@code io.amcp.strategy.meanreversion} (a factory PID: {@code io.amcp.strategy.meanreversion-<name>.cfg}
 * files run several instances side by side).
 */
@ObjectClassDefinition(name = "AMCP Bollinger/RSI mean reversion",
        description = "Buys below the lower Bollinger band on an oversold RSI, sells short above the upper band on an "
                + "overbought RSI, exits at the middle band")
public @interface MeanReversionConfig {

    @AttributeDefinition(description = "Strategy id, unique on the node")
    String id() default "mean-reversion";

    @AttributeDefinition(description = "Symbol to trade")
    String symbol() default "AAPL";

    @AttributeDefinition(description = "Bollinger band period in bars", min = "2")
    int bandPeriod() default 20;

    @AttributeDefinition(description = "Bollinger band width in population standard deviations", min = "0")
    double bandWidth() default 2.0;

    @AttributeDefinition(description = "RSI period in bars (Wilder smoothing)", min = "1")
    int rsiPeriod() default 14;

    @AttributeDefinition(description = "RSI below which a close under the lower band enters long", min = "0", max = "100")
    double oversold() default 30;

    @AttributeDefinition(description = "RSI above which a close over the upper band enters short", min = "0", max = "100")
    double overbought() default 70;

    @AttributeDefinition(description = "Whether to enter short positions")
    boolean allowShort() default true;

    @AttributeDefinition(description = "Quantity of each entry")
    String quantity() default "10";
}
