package io.amcp.samples.macronews;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of one macro/news/trend instance, factory PID {@code io.amcp.samples.macronews}:
 * every {@code etc/io.amcp.samples.macronews-<name>.cfg} file starts one.
 */
@ObjectClassDefinition(name = "AMCP sample: macro, news and trend",
        description = "Long while price trends up, a macro series is not deteriorating and news is not bearish")
public @interface MacroNewsConfig {

    @AttributeDefinition(description = "Strategy id, unique on the node")
    String id() default "macronews";

    @AttributeDefinition(description = "Instrument traded")
    String symbol();

    @AttributeDefinition(description = "Macro series id in the MacroSeries service, e.g. fred:UNRATE")
    String macroSeries() default "fred:UNRATE";

    @AttributeDefinition(description = "Periods back the latest macro value is compared with", min = "1")
    int macroLookback() default 1;

    @AttributeDefinition(description = "Bars in the simple moving average of closes", min = "2")
    int smaWindow() default 20;

    @AttributeDefinition(description = "Hours of news averaged for the sentiment", min = "1")
    int newsWindowHours() default 120;

    @AttributeDefinition(description = "Enter only when the mean sentiment is at least this (no news counts as 0)")
    double minSentiment() default 0.0;

    @AttributeDefinition(description = "Exit when the mean sentiment falls below this")
    double exitSentiment() default -0.3;

    @AttributeDefinition(description = "Units bought per entry")
    String quantity() default "10";
}
