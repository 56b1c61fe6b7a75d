package io.amcp.surveillance.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Scheduled surveillance, trade reporting and record retention, PID {@code io.amcp.surveillance}. */
@ObjectClassDefinition(name = "AMCP trade surveillance", description = "Scans the day's orders for abusive patterns, "
        + "writes the daily surveillance and trade reports, keeps them per the retention policy")
public @interface SurveillanceConfig {

    @AttributeDefinition(description = "Exchange time zone of the schedule and of the report day")
    String zone() default "America/New_York";

    @AttributeDefinition(description = "Exchange-local time at which the day's reports are written (HH:mm)")
    String reportTime() default "16:30";

    @AttributeDefinition(description = "Minutes between scans of the day's activity for new alerts")
    int scanIntervalMinutes() default 5;

    @AttributeDefinition(description = "Seconds between checks of the schedule against the platform clock")
    int tickSeconds() default 30;

    @AttributeDefinition(description = "Account token written in the trade report")
    String account() default "default";

    @AttributeDefinition(description = "Report directory; empty = ${karaf.data}/surveillance")
    String reportDirectory() default "";

    @AttributeDefinition(description = "Days a report is kept (six years = 2192, SEC rule 17a-4)")
    int retentionDays() default 2192;

    @AttributeDefinition(description = "Where expired reports are moved; empty = delete them")
    String archiveDirectory() default "";

    @AttributeDefinition(description = "Wash trade: seconds between an opposite buy and sell of two strategies")
    int washWindowSeconds() default 60;

    @AttributeDefinition(description = "Wash trade: price difference still counted as the same price, in bps")
    double washPriceToleranceBps() default 1;

    @AttributeDefinition(description = "Spoofing: a large order canceled within this many seconds is suspect")
    int spoofCancelWithinSeconds() default 5;

    @AttributeDefinition(description = "Spoofing: large = at least this many times the opposite fill")
    double spoofSizeRatio() default 5;

    @AttributeDefinition(description = "Most orders per executed order a strategy may send")
    double maxOrderToTrade() default 20;

    @AttributeDefinition(description = "The order-to-trade ratio is judged from this many orders on")
    int minOrdersForRatio() default 50;

    @AttributeDefinition(description = "Restricted symbols, comma-separated: any fill in them is an alert")
    String restricted() default "";
}
