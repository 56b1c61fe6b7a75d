package io.amcp.ops.internal.daily;

import io.amcp.api.calendar.TradingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * When each job runs on a trading day, relative to that day's regular session (so an early close
 * moves the after-hours jobs with it).
 *
 * @param preMarketBeforeOpen    pre-market check this long before the open
 * @param reconcileAfterClose    reconciliation this long after the close
 * @param reportAfterClose       end-of-day report this long after the close
 * @param maintenanceAfterClose  maintenance this long after the close
 */
public record DailySchedule(Duration preMarketBeforeOpen, Duration reconcileAfterClose, Duration reportAfterClose,
        Duration maintenanceAfterClose) {

    public DailySchedule {
        requireNonNegative("preMarketMinutesBeforeOpen", preMarketBeforeOpen);
        requireNonNegative("reconcileMinutesAfterClose", reconcileAfterClose);
        requireNonNegative("reportMinutesAfterClose", reportAfterClose);
        requireNonNegative("maintenanceMinutesAfterClose", maintenanceAfterClose);
        if (reportAfterClose.compareTo(reconcileAfterClose) < 0) {
            throw new IllegalArgumentException("reportMinutesAfterClose: must not be before the reconciliation ("
                    + reconcileAfterClose.toMinutes() + " min after the close), was " + reportAfterClose.toMinutes());
        }
    }

    /** 09:00, close + 15 min, close + 30 min, close + 2 h on NYSE. */
    public static final DailySchedule DEFAULT = of(30, 15, 30, 120);

    public static DailySchedule of(long preMarketMinutes, long reconcileMinutes, long reportMinutes, long maintenanceMinutes) {
        return new DailySchedule(Duration.ofMinutes(preMarketMinutes), Duration.ofMinutes(reconcileMinutes),
                Duration.ofMinutes(reportMinutes), Duration.ofMinutes(maintenanceMinutes));
    }

    private static void requireNonNegative(String field, Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(field + ": must be zero or more minutes, was " + d);
        }
    }

    /** When {@code job} is due on the trading day {@code date}. */
    public Instant due(DailyJob job, LocalDate date, TradingCalendar calendar) {
        return switch (job) {
            case PRE_MARKET_CHECK -> calendar.sessionOpen(date).minus(preMarketBeforeOpen);
            case RECONCILIATION -> calendar.sessionClose(date).plus(reconcileAfterClose);
            case END_OF_DAY_REPORT -> calendar.sessionClose(date).plus(reportAfterClose);
            case MAINTENANCE -> calendar.sessionClose(date).plus(maintenanceAfterClose);
        };
    }
}
