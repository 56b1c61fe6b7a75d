package io.amcp.ops.internal.daily;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the daily operations (PID {@code io.amcp.ops.daily}); times are NYSE exchange time. */
@ObjectClassDefinition(name = "AMCP daily operations", description = "Pre-market check, reconciliation, end-of-day report, maintenance")
public @interface DailyOpsConfig {

    @AttributeDefinition(description = "Pre-market check this many minutes before the open (09:30 New York)")
    int preMarketMinutesBeforeOpen() default 30;

    @AttributeDefinition(description = "Reconciliation this many minutes after the close (16:00, 13:00 on early-close days)")
    int reconcileMinutesAfterClose() default 15;

    @AttributeDefinition(description = "End-of-day report this many minutes after the close")
    int reportMinutesAfterClose() default 30;

    @AttributeDefinition(description = "Maintenance (retention purge) this many minutes after the close")
    int maintenanceMinutesAfterClose() default 120;

    @AttributeDefinition(description = "Directory of the end-of-day reports; empty: ${karaf.data}/reports")
    String reportDirectory() default "";

    @AttributeDefinition(description = "Pre-market: data older than the previous close minus this many minutes is stale")
    int dataToleranceMinutes() default 30;

    @AttributeDefinition(description = "Retention rules 'directory|glob|days' separated by ';', "
            + "e.g. 'data/reports|eod-*.html|90; backups|amcp-*|30'; empty: nothing is purged")
    String retention() default "";

    @AttributeDefinition(description = "Seconds between scheduler ticks")
    int tickSeconds() default 20;
}
